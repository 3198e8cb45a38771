import { todayInShanghai } from "@/lib/dates";
import { formatFen } from "@/lib/money";

// Formatting shared by the case pages and printed documents (no React, no server-only code).

type TTranslate = (key: string, values?: Record<string, string | number>) => string;

/** A date on a document: 2026年5月12日 (zh-CN), the ISO date otherwise. Accepts an ISO date or an instant. */
export function docDate(t: TTranslate, value: string | Date | null | undefined): string | null {
  if (!value) return null;
  const iso = typeof value === "string" ? value : todayInShanghai(value);
  const [year, month, day] = iso.split("-");
  return t("print.dateValue", { iso, year, month: String(Number(month)), day: String(Number(day)) });
}

/** What an item pays, in the catalogue's words ("每月 ¥100.00"), or null when it pays no money. */
export function amountLabel(tc: TTranslate, a: { monthlyAmountFen: number | null; oneOffAmountFen: number | null }): string | null {
  if (a.monthlyAmountFen !== null) return tc("amount.monthly", { amount: formatFen(a.monthlyAmountFen) });
  if (a.oneOffAmountFen !== null) return tc("amount.oneOff", { amount: formatFen(a.oneOffAmountFen) });
  return null;
}
