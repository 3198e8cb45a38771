// Integer money arithmetic. Amounts are whole fen; a fraction of a parameter is computed with
// integer operations and one explicit rounding step, never with floating-point multiplication.
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

/** Fen as a yuan string: whole yuan without decimals ("100"), otherwise two decimals ("30.50"). */
export function formatYuan(fen: number): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  return cents === 0 ? `${sign}${yuan}` : `${sign}${yuan}.${String(cents).padStart(2, "0")}`;
}
