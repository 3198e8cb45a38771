import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { recordAudit, changedFields } from "@/lib/audit/record";
import { maskPhone } from "@/lib/audit/mask";
import { assertCan } from "@/lib/authz/policy";
import { regionScope } from "@/lib/authz/scope";
import { roleFitsRegionLevel } from "@/lib/authz/roles";
import type { TActor, TRequestMeta } from "@/lib/authz/actor";
import { hashPassword } from "@/lib/auth/password";
import { regionPathOf, pathOf } from "@/lib/regions/path";
import { isUniqueViolation } from "@/lib/utils/prisma-errors";
import type { TCreateUser, TUpdateUser } from "@/lib/users/schemas";
import type { Role, User } from "@/lib/generated/prisma/client";

type TSnapshotSource = Pick<User, "username" | "displayName" | "role" | "regionCode" | "phone" | "active">;

function snapshot(u: TSnapshotSource) {
  return {
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    regionCode: u.regionCode,
    phone: maskPhone(u.phone),
    active: u.active,
  };
}


/** The target region must exist inside the actor's region and suit the role. */
async function assertAssignableRegion(tx: Tx, actor: TActor, role: Role, regionCode: string) {
  const region = await tx.region.findFirst({ where: { code: regionCode, active: true, ...regionScope(actor) } });
  if (!region) {
    throw new AppError("VALIDATION", "region outside scope", { fieldErrors: { regionCode: ["validation.regionOutOfScope"] } });
  }
  if (!roleFitsRegionLevel(role, region.level)) {
    throw new AppError("VALIDATION", "role does not fit region level", {
      fieldErrors: { regionCode: [`validation.roleRegionLevel.${role}`] },
    });
  }
  return region;
}

/** Loads an account inside the actor's region for a change; outside it, NOT_FOUND. */
async function loadForChange(tx: Tx, actor: TActor, id: string) {
  const user = await tx.user.findFirst({ where: { id, ...regionScope(actor) } });
  if (!user) throw new AppError("NOT_FOUND", "user not found");
  assertCan(actor, "user.manage", pathOf(user));
  return user;
}

export async function createUser(actor: TActor, meta: TRequestMeta, input: TCreateUser) {
  assertCan(actor, "user.manage");
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      await assertAssignableRegion(tx, actor, input.role, input.regionCode);
      const user = await tx.user.create({
        data: {
          username: input.username,
          displayName: input.displayName,
          role: input.role,
          regionCode: input.regionCode,
          ...regionPathOf(input.regionCode),
          phone: input.phone,
          passwordHash,
        },
      });
      await recordAudit(tx, actor, meta, {
        type: "user.created",
        entityType: "user",
        entityId: user.id,
        ...pathOf(user),
        after: snapshot(user),
      });
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("VALIDATION", "username taken", { fieldErrors: { username: ["validation.usernameTaken"] } });
    }
    throw error;
  }
}

export async function updateUser(actor: TActor, meta: TRequestMeta, input: TUpdateUser) {
  return db.$transaction(async (tx) => {
    const before = await loadForChange(tx, actor, input.id);
    if (before.id === actor.userId && (before.role !== input.role || before.regionCode !== input.regionCode)) {
      throw new AppError("VALIDATION", "cannot change own role", { fieldErrors: { role: ["validation.ownRole"] } });
    }
    await assertAssignableRegion(tx, actor, input.role, input.regionCode);
    const reachChanged = before.role !== input.role || before.regionCode !== input.regionCode;
    const { count } = await tx.user.updateMany({
      where: { id: input.id, version: input.version },
      data: {
        displayName: input.displayName,
        role: input.role,
        regionCode: input.regionCode,
        ...regionPathOf(input.regionCode),
        phone: input.phone,
        version: { increment: 1 },
        ...(reachChanged ? { sessionVersion: { increment: 1 } } : {}),
      },
    });
    if (count === 0) throw new AppError("STALE_VERSION", "user changed meanwhile");
    const after = await tx.user.findUniqueOrThrow({ where: { id: input.id } });
    await recordAudit(tx, actor, meta, {
      type: "user.updated",
      entityType: "user",
      entityId: after.id,
      ...pathOf(after),
      ...changedFields(snapshot(before), snapshot(after)),
    });
    return after;
  });
}

export async function setUserActive(actor: TActor, meta: TRequestMeta, id: string, active: boolean) {
  return db.$transaction(async (tx) => {
    const before = await loadForChange(tx, actor, id);
    if (before.id === actor.userId && !active) {
      throw new AppError("VALIDATION", "cannot disable self", { fieldErrors: { id: ["validation.ownAccount"] } });
    }
    if (before.active === active) return before;
    const after = await tx.user.update({
      where: { id },
      data: { active, version: { increment: 1 }, ...(active ? {} : { sessionVersion: { increment: 1 } }) },
    });
    await recordAudit(tx, actor, meta, {
      type: active ? "user.enabled" : "user.disabled",
      entityType: "user",
      entityId: id,
      ...pathOf(after),
      before: { active: before.active },
      after: { active: after.active },
    });
    return after;
  });
}

/** Sets a new password, clears any lock, and ends the account's other sessions. */
export async function resetPassword(actor: TActor, meta: TRequestMeta, id: string, password: string) {
  const passwordHash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const before = await loadForChange(tx, actor, id);
    const after = await tx.user.update({
      where: { id },
      data: {
        passwordHash,
        failedLoginCount: 0,
        lockedUntil: null,
        version: { increment: 1 },
        sessionVersion: { increment: 1 },
      },
    });
    await recordAudit(tx, actor, meta, {
      type: "user.password_reset",
      entityType: "user",
      entityId: id,
      ...pathOf(after),
      before: { lockedUntil: before.lockedUntil?.toISOString() ?? null },
      after: { passwordChanged: true, lockedUntil: null },
    });
    return after;
  });
}

export async function unlockUser(actor: TActor, meta: TRequestMeta, id: string) {
  return db.$transaction(async (tx) => {
    const before = await loadForChange(tx, actor, id);
    const after = await tx.user.update({
      where: { id },
      data: { failedLoginCount: 0, lockedUntil: null, version: { increment: 1 } },
    });
    await recordAudit(tx, actor, meta, {
      type: "user.unlocked",
      entityType: "user",
      entityId: id,
      ...pathOf(after),
      before: { lockedUntil: before.lockedUntil?.toISOString() ?? null, failedLoginCount: before.failedLoginCount },
      after: { lockedUntil: null, failedLoginCount: 0 },
    });
    return after;
  });
}
