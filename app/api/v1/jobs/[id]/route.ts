import { z } from "zod";
import { apiHandler } from "@/lib/entry/api";
import { AppError } from "@/lib/errors/app-error";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/config";
import { getJob } from "@/lib/jobs/queries";

/** The locale the browser chose (the header's switch sets a cookie); API clients get Chinese. */
function localeOf(request: Request) {
  const cookie = request.headers.get("cookie") ?? "";
  const match = cookie.match(new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]+)`));
  return toLocale(match?.[1]);
}

/** GET /api/v1/jobs/:id — a background job's status, progress and outcome, in the caller's region (404 outside it). */
export const GET = apiHandler<{ params: Promise<{ id: string }> }>(async (actor, request, context) => {
  const id = z.string().uuid().safeParse((await context.params).id);
  if (!id.success) throw new AppError("NOT_FOUND", "malformed job id");
  const job = await getJob(actor, id.data, { locale: localeOf(request) });
  return Response.json(job, { headers: { "Cache-Control": "no-store" } });
});
