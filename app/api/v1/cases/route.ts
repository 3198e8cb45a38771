import { apiHandler, jsonBody } from "@/lib/entry/api";
import { parseInput } from "@/lib/entry/parse";
import { requestMetaFrom } from "@/lib/auth/request-meta";
import { ZCreateCase } from "@/lib/cases/schemas";
import { createCase } from "@/lib/cases/service";
import { caseCreated } from "@/lib/api/cases";

/**
 * POST /api/v1/cases {"elderId","itemCode","channel",…} — 发起申请 for an elder in the caller's
 * region (village clerk or township reviewer); 201 with the new case number.
 */
export const POST = apiHandler(async (actor, request) => {
  const input = parseInput(ZCreateCase, await jsonBody(request));
  const created = await createCase(actor, requestMetaFrom(request.headers), input);
  return Response.json(caseCreated(created), { status: 201, headers: { Location: `/api/v1/cases/${created.caseNo}` } });
});
