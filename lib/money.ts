// Money. Amounts are whole fen (integers) everywhere; a fraction of a parameter is computed with
// integer operations and one explicit rounding step, never with floating-point multiplication.
// This module is the one place that turns fen into text and typed yuan into fen.
import type { TRounding } from "@/lib/policy/rules";

/** value × numerator / denominator, rounded to a whole fen. All inputs are non-negative integers. */
export function mulDivRound(value: number, numerator: number, denominator: number, rounding: TRounding): number {
  if (![value, numerator, denominator].every(Number.isSafeInteger) || value < 0 || numerator < 0 || denominator < 1) {
    throw new RangeError(`mulDivRound needs non-negative integers and a positive denominator: ${value}×${numerator}/${denominator}`);
  }
  const product = value * numerator;
  if (!Number.isSafeInteger(product)) throw new RangeError(`amount too large: ${value}×${numerator}`);
  const remainder = product % denominator;
  const quotient = (product - remainder) / denominator;
  if (remainder === 0) return quotient;
  switch (rounding) {
    case "floor":
      return quotient;
    case "ceil":
      return quotient + 1;
    case "halfUp":
      return remainder * 2 >= denominator ? quotient + 1 : quotient;
  }
}

function assertFen(fen: number) {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`not a whole number of fen: ${fen}`);
}

// Integer division by 100 before formatting keeps every figure exact: the grouping and sign come
// from Intl, the digits from integer arithmetic.
const GROUPED = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 0, useGrouping: true });

function parts(fen: number) {
  assertFen(fen);
  const abs = Math.abs(fen);
  return { sign: fen < 0 ? "-" : "", yuan: GROUPED.format(Math.floor(abs / 100)), cents: String(abs % 100).padStart(2, "0") };
}

/** Fen as money: "¥1,234.50", "-¥1.50" (always two decimals). Pages, prints and exports use this. */
export function formatFen(fen: number): string {
  const { sign, yuan, cents } = parts(fen);
  return `${sign}¥${yuan}.${cents}`;
}

/** Fen as a bare yuan figure for sentences ("100", "300.50", "-2.50"): whole yuan without decimals. */
export function formatYuan(fen: number): string {
  const { sign, cents } = parts(fen);
  const whole = String(Math.floor(Math.abs(fen) / 100));
  return cents === "00" ? `${sign}${whole}` : `${sign}${whole}.${cents}`;
}

/** Fen as the value of a yuan input field ("300.00", "" for none); the inverse of yuanToFen. */
export function fenToYuanInput(fen: number | null): string {
  if (fen === null) return "";
  const { sign, cents } = parts(fen);
  return `${sign}${Math.floor(Math.abs(fen) / 100)}.${cents}`;
}

/** Yuan as typed ("300", "1,234.5", "¥12.30") to whole fen without floating point; null if not money. */
export function yuanToFen(text: string, { allowNegative = false } = {}): number | null {
  const cleaned = text.trim().replace(/^[¥￥]/, "").replaceAll(",", "").replaceAll("，", "");
  const match = /^(-)?(\d{1,8})(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match || (match[1] && !allowNegative)) return null;
  const fen = Number(match[2]) * 100 + Number((match[3] ?? "").padEnd(2, "0"));
  return match[1] ? -fen : fen;
}
