import zhCN from "@/messages/zh-CN";
import en from "@/messages/en";
import type { TLocale } from "@/lib/i18n/config";

export type TMessages = typeof zhCN;

const catalogues: Record<TLocale, TMessages> = { "zh-CN": zhCN, en: en as TMessages };

export function loadMessages(locale: TLocale): TMessages {
  return catalogues[locale];
}
