import { apiHandler } from "@/lib/entry/api";
import { parseInput } from "@/lib/entry/parse";
import { evaluateElder, publicEvaluation } from "@/lib/catalogue/evaluation";
import { ZPolicyEvaluateQuery } from "@/lib/api/schemas";

/**
 * GET /api/v1/policy/evaluate?elderId=…[&asOf=YYYY-MM-DD] — every item of the county's catalogue
 * in force on asOf for a registered elder in the caller's region (404 outside it), with amounts
 * and reasons in Chinese: the same shape as `npm run cli -- policy evaluate`.
 */
export const GET = apiHandler(async (actor, request) => {
  const query = parseInput(ZPolicyEvaluateQuery, Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(publicEvaluation(await evaluateElder(actor, query.elderId, { asOf: query.asOf })));
});
