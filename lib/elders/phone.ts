// Chinese mobile numbers. Stored as the bare 11 digits: the registry is domestic, and one form
// per number keeps search, duplicate checks and masking (lib/audit/mask.ts) simple.
import { z } from "zod";

/** STANDARDS.md; the prefix is optional here but normaliseMobile has already removed it. */
export const MOBILE_PATTERN = /^(?:(?:\+|00)86)?1[3-9]\d{9}$/;

// Separators people type or paste from spreadsheets: ASCII and ideographic spaces, hyphens,
// en/em dashes and the full-width hyphen-minus.
const SEPARATORS = /[\s\u3000\-\u2010-\u2015\uff0d]/g;

/**
 * "+86 138-1234-5678" → "13812345678". Returns null when what remains is not a mobile number,
 * so callers (forms, imports) never store a half-cleaned value.
 */
export function normaliseMobile(value: string): string | null {
  const compact = value.replace(SEPARATORS, "");
  if (!MOBILE_PATTERN.test(compact)) return null;
  return compact.replace(/^(?:\+|00)86/, "");
}

/** A required mobile number; outputs the bare 11 digits. */
export const ZMobile = z.string().transform((value, ctx) => {
  const mobile = normaliseMobile(value);
  if (mobile === null) {
    ctx.addIssue({ code: "custom", message: "elders.phone.invalid" });
    return z.NEVER;
  }
  return mobile;
});

/** An optional mobile number: empty, blank or absent is null (forms post "" for an empty field). */
export const ZOptionalMobile = z
  .union([z.string(), z.null(), z.undefined()])
  .transform((value, ctx) => {
    if (value == null || value.trim() === "") return null;
    const mobile = normaliseMobile(value);
    if (mobile === null) {
      ctx.addIssue({ code: "custom", message: "elders.phone.invalid" });
      return z.NEVER;
    }
    return mobile;
  });
