// Personal numbers in free text: the last line of defence of the audit trail. Event schemas
// (lib/audit/events.ts) already take identifiers only masked; these find what slips through
// anyway (a phone number typed into a note, an ID number pasted into a comment) so that
// free-text fields can be redacted and the write-time guard can refuse the rest.
import { maskIdNumber, maskPhone } from "@/lib/audit/mask";

export type TPersonalNumberKind = "id_number" | "bank_account" | "mobile";

// A candidate is bounded by anything that is not a letter or digit, so hex digests, UUIDs and
// region codes (12 digits) never match. Separators are the ones people type inside numbers.
const EDGE_BEFORE = "(?<![0-9A-Za-z])";
const EDGE_AFTER = "(?![0-9A-Za-z])";
const CANDIDATES = new RegExp(
  [
    // a contiguous run of digits, perhaps +86/0086 before it; an ID number may end in X, and a
    // 残疾人证号 is the holder's ID number and two more digits
    String.raw`\+?\d{11,}(?:[Xx]\d{0,2})?`,
    // a mobile number written 139-1234-5678 or 139 1234 5678
    String.raw`(?:\+?86[ -]?)?1[3-9]\d[ -]\d{4}[ -]\d{4}`,
    // a bank account written in groups of four
    String.raw`\d{4}(?: \d{4}){3}(?: \d{1,4})?`,
    // an ID number written 6-8-4
    String.raw`\d{6}[ -]\d{8}[ -]\d{3}[\dXx]`,
  ]
    .map((p) => `${EDGE_BEFORE}(?:${p})${EDGE_AFTER}`)
    .join("|"),
  "g",
);

/** What kind of personal number `candidate` is, once its separators are removed; null if none. */
export function personalNumberKind(candidate: string): TPersonalNumberKind | null {
  const compact = candidate.replace(/[\s+-]/g, "").toUpperCase();
  if (/^(?:0{0,2}86)?1[3-9]\d{9}$/.test(compact)) return "mobile";
  // 18 characters (GB 11643), with the two digits of a 残疾人证号 after them, or the 15 digits
  // of a first-generation ID card.
  if (/^\d{17}[\dX](?:\d\d)?$/.test(compact) || /^\d{15}$/.test(compact)) return "id_number";
  if (/^\d{16,19}$/.test(compact)) return "bank_account";
  return null;
}

function* personalNumbersIn(text: string) {
  for (const match of text.matchAll(CANDIDATES)) {
    const kind = personalNumberKind(match[0]);
    if (kind) yield { kind, text: match[0], index: match.index };
  }
}

/** Free text with every ID number, bank account and mobile number in it masked. */
export function redactPersonalNumbers(text: string): string {
  return text.replace(CANDIDATES, (candidate) => {
    const kind = personalNumberKind(candidate);
    if (!kind) return candidate;
    const compact = candidate.replace(/[\s+-]/g, "").replace(/^0{0,2}86(?=1[3-9]\d{9}$)/, "");
    return (kind === "mobile" ? maskPhone(compact) : maskIdNumber(compact)) ?? candidate;
  });
}

/** The same, through any JSON value: for snapshots that carry free-form data (settings, rules). */
export function redactPersonalNumbersDeep<T>(value: T): T {
  if (typeof value === "string") return redactPersonalNumbers(value) as T;
  if (Array.isArray(value)) return value.map(redactPersonalNumbersDeep) as T;
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactPersonalNumbersDeep(v)])) as T;
  }
  return value;
}

export type TPersonalNumberFound = { path: string; kind: TPersonalNumberKind };

/**
 * The first unmasked ID number, bank account or mobile number anywhere in `value` (strings,
 * numbers and object keys, at any depth), with its path; null when there is none.
 */
export function findPersonalNumber(value: unknown, path = "$"): TPersonalNumberFound | null {
  if (typeof value === "string" || typeof value === "number" || typeof value === "bigint") {
    const found = personalNumbersIn(String(value)).next();
    return found.done ? null : { path, kind: found.value.kind };
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findPersonalNumber(item, `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const found = findPersonalNumber(key, `${path}.<key>`) ?? findPersonalNumber(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}
