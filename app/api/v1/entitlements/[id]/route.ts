import { apiHandler } from "@/lib/entry/api";
import { getEntitlement } from "@/lib/entitlements/queries";
import { entitlementResource } from "@/lib/api/entitlements";

/** GET /api/v1/entitlements/:id — one entitlement in the caller's region with its segments (404 outside it). */
export const GET = apiHandler<{ params: Promise<{ id: string }> }>(async (actor, _request, context) => {
  return Response.json(entitlementResource(await getEntitlement(actor, (await context.params).id)));
});
