import type { AppError } from "@/lib/errors/app-error";

type TTranslate = ((key: never, values?: never) => string) & { has: (key: never) => boolean };

/**
 * Message parameters that are themselves catalogue entries: the workflow reports the case's
 * state and the refused action as enum values, shown as their labels (cases.status/action).
 */
const PARAM_NAMESPACES: Partial<Record<AppError["code"], Record<string, string>>> = {
  CASE_WRONG_STATE: { status: "cases.status", action: "cases.action" },
  ENTITLEMENT_WRONG_STATE: { status: "entitlements.status", action: "entitlements.actionName" },
};

function paramsOf(t: TTranslate, error: AppError) {
  const params = { ...(error.params ?? {}) };
  for (const [name, namespace] of Object.entries(PARAM_NAMESPACES[error.code] ?? {})) {
    const key = `${namespace}.${params[name]}`;
    if (typeof params[name] === "string" && t.has(key as never)) params[name] = t(key as never);
  }
  return params;
}

/** An AppError in the user's words: the code's message and each field error translated. */
export function translateAppError(t: TTranslate, error: AppError) {
  const translate = (key: string) => (t.has(key as never) ? t(key as never) : key);
  return {
    message: t(`errors.${error.code}` as never, paramsOf(t, error) as never),
    fieldErrors: error.fieldErrors
      ? Object.fromEntries(Object.entries(error.fieldErrors).map(([field, keys]) => [field, keys.map(translate)]))
      : undefined,
  };
}
