// Segment reasons as text through the message catalogue (entitlements.reason.<key>): amounts as
// money, circumstances and capability levels by their names, the policy engine's failing
// conditions in its own words. Stored reasons keep keys and values, so either locale can show them.
import { translator } from "@/lib/i18n/translate";
import { DEFAULT_LOCALE, type TLocale } from "@/lib/i18n/config";
import { formatFen } from "@/lib/money";
import { renderReasons } from "@/lib/policy/render";
import type { TSegmentReason } from "@/lib/entitlements/segments";

type TTranslate = (key: string, values?: Record<string, string | number>) => string;

function localise(t: TTranslate, name: string, value: unknown): string | number {
  if (name.endsWith("Fen") && typeof value === "number") return formatFen(value);
  if ((name === "added" || name === "removed") && Array.isArray(value)) {
    return value.length ? value.map((k) => t(`elders.circumstance.${k}`)).join(t("policy.listSeparator")) : t("entitlements.reasonNone");
  }
  if (name === "level" && typeof value === "number") return value < 0 ? t("policy.capabilityLevel.none") : t(`policy.capabilityLevel.${value}`);
  if (Array.isArray(value)) return value.join(t("policy.listSeparator"));
  if (typeof value === "boolean") return String(value);
  return value as string | number;
}

/** One reason as a sentence. */
export function renderSegmentReason(reason: TSegmentReason, locale: TLocale = DEFAULT_LOCALE): string {
  const t = translator(locale) as unknown as TTranslate;
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(reason.params)) values[name] = localise(t, name, value);
  const text = t(`entitlements.reason.${reason.key}`, values);
  if (!reason.policy?.length) return text;
  return `${text}${t("entitlements.reasonDetail", { detail: renderReasons(reason.policy, locale).join(t("policy.listSeparator")) })}`;
}

/** A segment's reasons joined into one line. */
export function renderSegmentReasons(reasons: readonly TSegmentReason[], locale: TLocale = DEFAULT_LOCALE): string {
  const t = translator(locale) as unknown as TTranslate;
  return reasons.map((r) => renderSegmentReason(r, locale)).join(t("entitlements.reasonSeparator"));
}
