import { apiHandler } from "@/lib/entry/api";
import { parseInput } from "@/lib/entry/parse";
import { getAssessment } from "@/lib/assessment/queries";
import { ZUuidParam } from "@/lib/api/schemas";

/** GET /api/v1/assessments/:id — one assessment in the caller's region (404 outside it). */
export const GET = apiHandler<{ params: Promise<{ id: string }> }>(async (actor, _request, context) => {
  const { id } = parseInput(ZUuidParam, await context.params);
  return Response.json(await getAssessment(actor, id));
});
