import { randomUUID } from "node:crypto";
import { isAppError } from "@/lib/errors/app-error";
import { resolveActor } from "@/lib/auth/session";
import { resolveTokenActor } from "@/lib/tokens/service";
import { translator } from "@/lib/i18n/translate";
import { logError } from "@/lib/entry/log";
import { translateAppError } from "@/lib/entry/messages";
import type { TActor } from "@/lib/authz/actor";

/**
 * The token of an `Authorization: Bearer <token>` header; undefined without such a header
 * (then the session counts), "" for a Bearer header without a token.
 */
export function bearerToken(request: Request): string | undefined {
  const header = request.headers.get("authorization");
  const match = header?.match(/^Bearer(?:\s+(.*))?$/i);
  return match ? (match[1] ?? "").trim() : undefined;
}

/**
 * The caller: the account of a Bearer token when the request carries one (an unknown or revoked
 * token is no one: it never falls back to the session cookie), otherwise the session's account.
 */
async function resolveRequestActor(request: Request): Promise<TActor | null> {
  const token = bearerToken(request);
  if (token !== undefined) return resolveTokenActor(token);
  return resolveActor();
}

/**
 * Wraps a JSON route handler: resolves the caller (Bearer token or session), and maps AppError
 * codes to HTTP status and a JSON body `{ error: { code, message, fieldErrors? } }` with the
 * message in Chinese.
 */
export function apiHandler<C>(handler: (actor: TActor, request: Request, context: C) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    const t = translator();
    try {
      const actor = await resolveRequestActor(request);
      if (!actor) return errorResponse(401, "UNAUTHENTICATED", t("errors.UNAUTHENTICATED"), undefined, { "WWW-Authenticate": "Bearer" });
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

function errorResponse(status: number, code: string, message: string, fieldErrors?: Record<string, string[]>, headers?: HeadersInit) {
  return Response.json({ error: { code, message, ...(fieldErrors ? { fieldErrors } : {}) } }, { status, headers });
}

/** A JSON request body; a missing or malformed body reads as {} (and fails the schema with field errors). */
export async function jsonBody(request: Request): Promise<unknown> {
  return request.json().catch(() => ({}));
}
