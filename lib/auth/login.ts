import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { recordAudit } from "@/lib/audit/record";
import type { TActor, TRequestMeta } from "@/lib/authz/actor";
import { burnPasswordCheck, verifyPassword } from "@/lib/auth/password";
import { isLocked, lockUntilFrom, MAX_FAILED_LOGINS } from "@/lib/auth/lockout";
import { actorFromUser } from "@/lib/users/actor-from-user";

/**
 * Checks a username and password. Counts failures; the MAX_FAILED_LOGINS-th in a row locks the
 * account for LOCK_MINUTES. Throws INVALID_CREDENTIALS (same answer for an unknown user and a
 * wrong password), ACCOUNT_LOCKED (params.until, ISO) or ACCOUNT_DISABLED.
 */
export async function authenticate(username: string, password: string, meta: TRequestMeta): Promise<TActor> {
  const user = await db.user.findUnique({ where: { username }, include: { region: true } });
  if (!user) {
    await burnPasswordCheck(password);
    throw new AppError("INVALID_CREDENTIALS");
  }
  const now = new Date();
  if (isLocked(user.lockedUntil, now)) {
    throw new AppError("ACCOUNT_LOCKED", "account locked", { params: { until: user.lockedUntil!.toISOString() } });
  }
  const passwordOk = await verifyPassword(password, user.passwordHash);
  const actor = actorFromUser(user);
  const path = { countyCode: user.countyCode, townshipCode: user.townshipCode, villageCode: user.villageCode };

  if (!passwordOk) {
    const lockedUntil = await db.$transaction(async (tx) => {
      const counted = await tx.user.update({
        where: { id: user.id },
        data: { failedLoginCount: { increment: 1 } },
        select: { failedLoginCount: true },
      });
      if (counted.failedLoginCount < MAX_FAILED_LOGINS) {
        await recordAudit(tx, actor, meta, {
          type: "auth.login_failed",
          entityType: "user",
          entityId: user.id,
          ...path,
          after: { failedLoginCount: counted.failedLoginCount },
        });
        return null;
      }
      const until = lockUntilFrom(now);
      await tx.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: until } });
      await recordAudit(tx, actor, meta, {
        type: "auth.account_locked",
        entityType: "user",
        entityId: user.id,
        ...path,
        after: { lockedUntil: until.toISOString() },
      });
      return until;
    });
    if (lockedUntil) {
      throw new AppError("ACCOUNT_LOCKED", "account locked", { params: { until: lockedUntil.toISOString() } });
    }
    throw new AppError("INVALID_CREDENTIALS");
  }

  // Only someone who knows the password learns that the account is disabled.
  if (!user.active) throw new AppError("ACCOUNT_DISABLED");

  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now },
    });
    await recordAudit(tx, actor, meta, {
      type: "auth.login_succeeded",
      entityType: "user",
      entityId: user.id,
      ...path,
    });
  });
  return actor;
}

/** 退出登录: audited for the account that signs out. */
export async function recordLogout(actor: TActor, meta: TRequestMeta): Promise<void> {
  await db.$transaction((tx) =>
    recordAudit(tx, actor, meta, {
      type: "auth.logout",
      entityType: "user",
      entityId: actor.userId,
      countyCode: actor.countyCode,
      townshipCode: actor.townshipCode,
      villageCode: actor.villageCode,
    }),
  );
}
