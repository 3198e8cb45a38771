import { z } from "zod";
import { apiHandler } from "@/lib/entry/api";
import { can } from "@/lib/authz/policy";
import { progressKey, readProgress } from "@/lib/elders/import-progress";

const ZToken = z.string().uuid();

/** GET /elders/import/progress?token=…: how far the caller's running import is, or null. */
export const GET = apiHandler(async (actor, request) => {
  if (!can(actor, "elder.import")) return new Response(null, { status: 404 });
  const token = ZToken.safeParse(new URL(request.url).searchParams.get("token"));
  if (!token.success) return Response.json({ progress: null }, { status: 400 });
  return Response.json({ progress: readProgress(progressKey(actor.userId, token.data)) }, { headers: { "Cache-Control": "no-store" } });
});
