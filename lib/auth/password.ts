import bcrypt from "bcryptjs";
import { z } from "zod";

const COST = 10;

export function hashPassword(plain: string): Promise<string> {
  return bcrypt.hash(plain, COST);
}

export function verifyPassword(plain: string, hash: string): Promise<boolean> {
  return bcrypt.compare(plain, hash);
}

// Compared against when the username is unknown, so that the answer takes as long either way.
const DUMMY_HASH = "$2b$10$Y7REP8YfZ94qLcAAqsUf2egMZwmWU5tVtmhl49OhL0sB.eCi8LGxi";
export function burnPasswordCheck(plain: string): Promise<boolean> {
  return bcrypt.compare(plain, DUMMY_HASH);
}

/** Staff passwords: 8–64 characters with at least one letter and one digit. */
export const ZNewPassword = z
  .string()
  .min(8, { message: "validation.passwordTooShort" })
  .max(64, { message: "validation.passwordTooLong" })
  .regex(/[A-Za-z]/, { message: "validation.passwordNeedsLetter" })
  .regex(/\d/, { message: "validation.passwordNeedsDigit" });
