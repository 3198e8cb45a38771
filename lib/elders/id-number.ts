// 居民身份证号码 (GB 11643-1999): 6-digit address code, 8-digit birth date YYYYMMDD, 3-digit
// sequence (odd 17th character = male), 1 check character (ISO 7064 MOD 11-2).
import { z } from "zod";
import { isValidYmd, todayInShanghai } from "@/lib/dates";
import eldersZh from "@/messages/zh-CN/elders.json" with { type: "json" };
import type { TSex } from "@/lib/policy/facts";

export const ID_NUMBER_FAILURES = ["length", "format", "birth_date", "future_birth", "checksum"] as const;
export type TIdNumberFailure = (typeof ID_NUMBER_FAILURES)[number];

export type TIdNumberResult =
  | { ok: true; idNumber: string; birthDate: string; sex: TSex; addressCode: string }
  | { ok: false; reason: TIdNumberFailure };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = "10X98765432";

/** The check character for the first 17 digits. */
export function idNumberCheckChar(body: string): string {
  if (!/^\d{17}$/.test(body)) throw new RangeError("the body of an ID number is 17 digits");
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/**
 * Validates and normalises an ID number. Checks run from the coarsest to the finest, and the
 * date is checked before the check character on purpose: when both are wrong, "the birth date
 * does not exist" tells the clerk which digits to look at.
 *
 * The address code is deliberately not checked against any division list: codes are renamed and
 * merged over time, and a person keeps the number issued under the old code.
 *
 * @param today "YYYY-MM-DD" in Asia/Shanghai; a birth on `today` is accepted, one after it is not.
 */
export function validateIdNumber(value: string, today: string = todayInShanghai()): TIdNumberResult {
  // Upper-casing only matters for the final x; a letter anywhere else fails the format check.
  const idNumber = value.trim().toUpperCase();
  if (idNumber.length !== 18) return { ok: false, reason: "length" };
  if (!/^\d{17}[\dX]$/.test(idNumber)) return { ok: false, reason: "format" };

  const year = Number(idNumber.slice(6, 10));
  const month = Number(idNumber.slice(10, 12));
  const day = Number(idNumber.slice(12, 14));
  if (!isValidYmd(year, month, day)) return { ok: false, reason: "birth_date" };
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  if (birthDate > today) return { ok: false, reason: "future_birth" };

  if (idNumberCheckChar(idNumber.slice(0, 17)) !== idNumber[17]) return { ok: false, reason: "checksum" };

  return {
    ok: true,
    idNumber,
    birthDate,
    sex: Number(idNumber[16]) % 2 === 1 ? "male" : "female",
    addressCode: idNumber.slice(0, 6),
  };
}

/** Plain Chinese reasons for places without a translator (CLI, import reports). */
export const ID_NUMBER_MESSAGES_ZH: Record<TIdNumberFailure, string> = eldersZh.idNumber;

export function idNumberMessage(reason: TIdNumberFailure): string {
  return ID_NUMBER_MESSAGES_ZH[reason];
}

/**
 * A string that must be a valid ID number; outputs the normalised number. Issue messages are
 * catalogue keys (elders.idNumber.<reason>) that forms translate. "Today" is read at parse time.
 */
export const ZIdNumber = z.string().transform((value, ctx) => {
  const result = validateIdNumber(value);
  if (!result.ok) {
    ctx.addIssue({ code: "custom", message: `elders.idNumber.${result.reason}` });
    return z.NEVER;
  }
  return result.idNumber;
});
export type TIdNumber = z.infer<typeof ZIdNumber>;
