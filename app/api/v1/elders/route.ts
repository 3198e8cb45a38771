import { z } from "zod";
import { apiHandler } from "@/lib/entry/api";
import { parseInput } from "@/lib/entry/parse";
import { pageElders } from "@/lib/elders/queries";

const ZQuery = z.object({
  limit: z.coerce.number({ message: "registry.api.limit" }).int({ message: "registry.api.limit" }).min(1, { message: "registry.api.limit" }).max(200, { message: "registry.api.limit" }).default(50),
  cursor: z.string().uuid().optional(),
  q: z.string().trim().max(50).optional(),
});

/** GET /api/v1/elders?limit=&cursor=&q= — elders in the caller's region, keyset-paged. */
export const GET = apiHandler(async (actor, request) => {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const query = parseInput(ZQuery, params);
  return Response.json(await pageElders(actor, query));
});
