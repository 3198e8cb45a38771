import { apiHandler, jsonBody } from "@/lib/entry/api";
import { parseInput } from "@/lib/entry/parse";
import { AppError } from "@/lib/errors/app-error";
import { requestMetaFrom } from "@/lib/auth/request-meta";
import { ZCaseActionInput, ZCaseNo } from "@/lib/cases/schemas";
import { actOnCase } from "@/lib/cases/service";

/**
 * POST /api/v1/cases/:caseNo/actions {"action","comment","expectedVersion"} — one workflow step.
 * A stale expectedVersion is 409 CASE_CONFLICT and writes nothing.
 */
export const POST = apiHandler<{ params: Promise<{ caseNo: string }> }>(async (actor, request, context) => {
  const caseNo = ZCaseNo.safeParse((await context.params).caseNo);
  if (!caseNo.success) throw new AppError("NOT_FOUND", "malformed case number");
  const input = parseInput(ZCaseActionInput, await jsonBody(request));
  const result = await actOnCase(actor, requestMetaFrom(request.headers), caseNo.data, input);
  return Response.json({ caseNo: result.caseNo, status: result.status, version: result.version });
});
