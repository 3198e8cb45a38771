// Sign-in lockout: this many failures in a row lock the account for this long.
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;

export function lockUntilFrom(now: Date): Date {
  return new Date(now.getTime() + LOCK_MINUTES * 60_000);
}

export function isLocked(lockedUntil: Date | null | undefined, now: Date): boolean {
  return !!lockedUntil && lockedUntil.getTime() > now.getTime();
}
