import { apiHandler } from "@/lib/entry/api";
import { parseInput } from "@/lib/entry/parse";
import { ZEntitlementQuery } from "@/lib/api/schemas";
import { listEntitlementsForApi } from "@/lib/entitlements/queries";

/** GET /api/v1/entitlements?elderId=&itemCode=&status=&limit=&cursor= — entitlements in the caller's region, keyset-paged. */
export const GET = apiHandler(async (actor, request) => {
  const query = parseInput(ZEntitlementQuery, Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await listEntitlementsForApi(actor, query));
});
