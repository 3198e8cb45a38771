import { createTranslator } from "next-intl";
import { DEFAULT_LOCALE, type TLocale } from "@/lib/i18n/config";
import { loadMessages } from "@/lib/i18n/messages";

/** A translator outside React (CLI, exports, API error bodies). */
export function translator(locale: TLocale = DEFAULT_LOCALE) {
  return createTranslator({ locale, messages: loadMessages(locale) });
}
