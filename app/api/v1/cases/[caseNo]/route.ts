import { apiHandler } from "@/lib/entry/api";
import { AppError } from "@/lib/errors/app-error";
import { ZCaseNo } from "@/lib/cases/schemas";
import { getCase } from "@/lib/cases/queries";
import { caseResource } from "@/lib/api/cases";

/** GET /api/v1/cases/:caseNo — one case in the caller's region with its timeline (404 outside it). */
export const GET = apiHandler<{ params: Promise<{ caseNo: string }> }>(async (actor, _request, context) => {
  const parsed = ZCaseNo.safeParse((await context.params).caseNo);
  // A malformed number names no case: not found, like a case outside the region.
  if (!parsed.success) throw new AppError("NOT_FOUND", "malformed case number");
  return Response.json(caseResource(await getCase(actor, parsed.data)));
});
