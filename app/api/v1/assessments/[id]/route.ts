import { z } from "zod";
import { apiHandler } from "@/lib/entry/api";
import { parseInput } from "@/lib/entry/parse";
import { getAssessment } from "@/lib/assessment/queries";

/** GET /api/v1/assessments/:id — one assessment in the caller's region (404 outside it). */
export const GET = apiHandler<{ params: Promise<{ id: string }> }>(async (actor, _request, context) => {
  const { id } = parseInput(z.object({ id: z.string().uuid() }), await context.params);
  return Response.json(await getAssessment(actor, id));
});
