import { z } from "zod";
import { apiHandler } from "@/lib/entry/api";
import { parseInput } from "@/lib/entry/parse";
import { getRequestMeta } from "@/lib/auth/session";
import { confirmAssessment } from "@/lib/assessment/service";

const ZBody = z.object({ version: z.coerce.number().int().min(0) });

/** POST /api/v1/assessments/:id/confirm {"version": n} — assessor or county approver. */
export const POST = apiHandler<{ params: Promise<{ id: string }> }>(async (actor, request, context) => {
  const { id } = parseInput(z.object({ id: z.string().uuid() }), await context.params);
  const body = parseInput(ZBody, await request.json().catch(() => ({})));
  const confirmed = await confirmAssessment(actor, await getRequestMeta(), { id, version: body.version });
  return Response.json({ id: confirmed.id, status: confirmed.status, version: confirmed.version, finalLevel: confirmed.finalLevel });
});
