// Masking of personal identifiers for lists, exports, logs and audit snapshots.

declare const masked: unique symbol;
/**
 * A value that went through one of the mask functions below. Audit snapshots take ID numbers,
 * bank accounts, phone numbers and certificate numbers only as this type (lib/audit/events.ts),
 * so passing the raw column does not compile.
 */
export type TMasked = string & { readonly [masked]: true };

/** 610403194103151230 → 6104**********1230 (first 4, last 4). */
export function maskIdNumber(value: string): TMasked;
export function maskIdNumber(value: string | null | undefined): TMasked | null;
export function maskIdNumber(value: string | null | undefined): TMasked | null {
  if (!value) return (value ?? null) as TMasked | null;
  if (value.length <= 8) return "*".repeat(value.length) as TMasked;
  return `${value.slice(0, 4)}${"*".repeat(value.length - 8)}${value.slice(-4)}` as TMasked;
}

/** 6217000000001234567 → 6217***********4567 (first 4, last 4). */
export const maskBankAccount = maskIdNumber;

/** 13912345678 → 139****5678. */
export function maskPhone(value: string): TMasked;
export function maskPhone(value: string | null | undefined): TMasked | null;
export function maskPhone(value: string | null | undefined): TMasked | null {
  if (!value) return (value ?? null) as TMasked | null;
  if (value.length < 7) return "*".repeat(value.length) as TMasked;
  return `${value.slice(0, 3)}${"*".repeat(value.length - 7)}${value.slice(-4)}` as TMasked;
}

/** What the mask functions produce: at most four characters either side of the stars. */
export const MASKED_PATTERN = /^(?:|[^*]{0,4}\*+[^*]{0,4})$/;
