import { randomUUID } from "node:crypto";
import { isAppError } from "@/lib/errors/app-error";
import { resolveActor } from "@/lib/auth/session";
import { translator } from "@/lib/i18n/translate";
import { logError } from "@/lib/entry/log";
import { translateAppError } from "@/lib/entry/messages";
import type { TActor } from "@/lib/authz/actor";

/**
 * Wraps a JSON route handler: resolves the caller (session now; Bearer tokens are added by the
 * workflow issue in the same place), and maps AppError codes to HTTP status and a JSON body
 * `{ error: { code, message, fieldErrors? } }` with the message in Chinese.
 */
export function apiHandler<C>(handler: (actor: TActor, request: Request, context: C) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    const t = translator();
    try {
      const actor = await resolveActor();
      if (!actor) return errorResponse(401, "UNAUTHENTICATED", t("errors.UNAUTHENTICATED"));
      return await handler(actor, request, context);
    } catch (error) {
      if (isAppError(error)) {
        const { message, fieldErrors } = translateAppError(t as never, error);
        return errorResponse(error.status, error.code, message, fieldErrors);
      }
      const eventId = randomUUID().slice(0, 8);
      logError(eventId, error);
      return errorResponse(500, "INTERNAL", t("errors.INTERNAL", { eventId }));
    }
  };
}

function errorResponse(status: number, code: string, message: string, fieldErrors?: Record<string, string[]>) {
  return Response.json({ error: { code, message, ...(fieldErrors ? { fieldErrors } : {}) } }, { status });
}
