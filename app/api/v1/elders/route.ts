import { apiHandler } from "@/lib/entry/api";
import { parseInput } from "@/lib/entry/parse";
import { pageElders } from "@/lib/elders/queries";
import { ZElderPageQuery } from "@/lib/api/schemas";

/** GET /api/v1/elders?limit=&cursor=&q= — elders in the caller's region, keyset-paged. */
export const GET = apiHandler(async (actor, request) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const query = parseInput(ZElderPageQuery, params);
  return Response.json(await pageElders(actor, query));
});
