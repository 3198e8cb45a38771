import { randomUUID } from "node:crypto";
import { getTranslations } from "next-intl/server";
import { isAppError } from "@/lib/errors/app-error";
import { logError } from "@/lib/entry/log";
import { translateAppError } from "@/lib/entry/messages";
import type { TFormState } from "@/lib/entry/form-state";

export type { TFormState };

/**
 * Runs the body of a server action and turns what it throws into form state: AppErrors become
 * translated messages and field errors; anything else is logged with an event id and shown as
 * a generic message. Redirects and notFound() from inside pass through.
 */
export async function runFormAction(
  values: Record<string, string>,
  body: () => Promise<TFormState | void>,
): Promise<TFormState> {
  const t = await getTranslations();
  try {
    const result = (await body()) ?? { ok: true };
    // A success message may be a catalogue key.
    if (result.message && t.has(result.message as never)) result.message = t(result.message as never);
    return result;
  } catch (error) {
    if (isNextControlFlow(error)) throw error;
    return { ok: false, ...describeError(t, error), values };
  }
}

type TTranslator = Awaited<ReturnType<typeof getTranslations>>;

/**
 * What the user reads about a failure: an AppError's translated message and field errors, or, for
 * anything unexpected, a generic message with an event id under which the error is logged.
 */
export function describeError(t: TTranslator, error: unknown): { message: string; fieldErrors?: Record<string, string[]> } {
  if (isAppError(error)) return translateAppError(t as never, error);
  const eventId = randomUUID().slice(0, 8);
  logError(eventId, error);
  return { message: t("errors.INTERNAL", { eventId }) };
}

/** redirect() and notFound() work by throwing; they must not be caught as failures. */
export function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown })?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_REDIRECT") || digest.startsWith("NEXT_HTTP_ERROR_FALLBACK"));
}
