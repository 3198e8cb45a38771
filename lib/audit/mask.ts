// Masking of personal identifiers for lists, exports, logs and audit snapshots.

/** 610403194103151230 → 6104********1230 (first 4, last 4). */
export function maskIdNumber(value: string | null | undefined): string | null {
  if (!value) return value ?? null;
  if (value.length <= 8) return "*".repeat(value.length);
  return `${value.slice(0, 4)}${"*".repeat(value.length - 8)}${value.slice(-4)}`;
}

/** 6217000000001234567 → 6217***********4567 (first 4, last 4). */
export const maskBankAccount = maskIdNumber;

/** 13912345678 → 139****5678. */
export function maskPhone(value: string | null | undefined): string | null {
  if (!value) return value ?? null;
  if (value.length < 7) return "*".repeat(value.length);
  return `${value.slice(0, 3)}${"*".repeat(value.length - 7)}${value.slice(-4)}`;
}
