import { isLocked } from "@/lib/auth/lockout";

export type TUserStatus = "active" | "disabled" | "locked";

export function userStatus(u: { active: boolean; lockedUntil: Date | null }, now = new Date()): TUserStatus {
  if (!u.active) return "disabled";
  return isLocked(u.lockedUntil, now) ? "locked" : "active";
}
