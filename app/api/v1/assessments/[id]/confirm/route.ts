import { apiHandler, jsonBody } from "@/lib/entry/api";
import { parseInput } from "@/lib/entry/parse";
import { requestMetaFrom } from "@/lib/auth/request-meta";
import { confirmAssessment } from "@/lib/assessment/service";
import { ZAssessmentConfirmBody, ZUuidParam } from "@/lib/api/schemas";

/** POST /api/v1/assessments/:id/confirm {"version": n} — assessor or county approver. */
export const POST = apiHandler<{ params: Promise<{ id: string }> }>(async (actor, request, context) => {
  const { id } = parseInput(ZUuidParam, await context.params);
  const body = parseInput(ZAssessmentConfirmBody, await jsonBody(request));
  const confirmed = await confirmAssessment(actor, requestMetaFrom(request.headers), { id, version: body.version });
  return Response.json({ id: confirmed.id, status: confirmed.status, version: confirmed.version, finalLevel: confirmed.finalLevel });
});
