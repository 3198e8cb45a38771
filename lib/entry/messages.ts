import type { AppError } from "@/lib/errors/app-error";

type TTranslate = ((key: never, values?: never) => string) & { has: (key: never) => boolean };

/** An AppError in the user's words: the code's message and each field error translated. */
export function translateAppError(t: TTranslate, error: AppError) {
  const translate = (key: string) => (t.has(key as never) ? t(key as never) : key);
  return {
    message: t(`errors.${error.code}` as never, (error.params ?? {}) as never),
    fieldErrors: error.fieldErrors
      ? Object.fromEntries(Object.entries(error.fieldErrors).map(([field, keys]) => [field, keys.map(translate)]))
      : undefined,
  };
}
