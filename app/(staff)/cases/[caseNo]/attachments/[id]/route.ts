import { randomUUID } from "node:crypto";
import path from "node:path";
import { resolveActor } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors/app-error";
import { contentDisposition } from "@/lib/entry/download";
import { logError } from "@/lib/entry/log";
import { translator } from "@/lib/i18n/translate";
import { readAttachment } from "@/lib/cases/attachments";

/**
 * GET /cases/<caseNo>/attachments/<id>: one attachment of a case in the signed-in user's region,
 * as a download under its own (Chinese) name. Outside the region, removed or unknown: 404.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ caseNo: string; id: string }> }) {
  const t = translator();
  const actor = await resolveActor();
  if (!actor) return new Response(t("errors.UNAUTHENTICATED"), { status: 401, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const { caseNo, id } = await params;
  try {
    const file = await readAttachment(actor, caseNo, id);
    return new Response(new Uint8Array(file.bytes), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": contentDisposition(file.fileName, `${caseNo}-${id.slice(0, 8)}${path.extname(file.fileName).toLowerCase()}`),
        "Content-Length": String(file.bytes.byteLength),
        // Personal documents: never cached, never sniffed into something else.
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) {
      return new Response(t("errors.NOT_FOUND"), { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
    }
    const eventId = randomUUID().slice(0, 8);
    logError(eventId, error);
    return new Response(t("errors.INTERNAL", { eventId }), { status: 500, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
}
