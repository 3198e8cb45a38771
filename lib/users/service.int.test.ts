import { describe, expect, it } from "vitest";
import { errorCodeOf } from "@/lib/testing/error-code";
import { db } from "@/lib/db";
import { createActor, createUser, TEST_PASSWORD, YANGLING } from "@/lib/testing/factories";
import { createUser as createUserService, resetPassword, setUserActive, updateUser, unlockUser } from "@/lib/users/service";
import { authenticate } from "@/lib/auth/login";

const meta = { ip: "127.0.0.1", userAgent: "vitest" };

describe("staff account administration", () => {
  it("creates an account with its audit record, masking the phone", async () => {
    const admin = await createActor({ role: "county_admin" });
    const user = await createUserService(admin, meta, {
      username: "wang_clerk",
      displayName: "王村官",
      role: "village_clerk",
      regionCode: YANGLING.village2,
      phone: "13912345678",
      password: "Secret123",
    });
    expect(user.townshipCode).toBe("610403001");
    expect(user.villageCode).toBe(YANGLING.village2);
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: user.id, event: "user.created" } });
    expect(audit.actorUsername).toBe(admin.username);
    expect(audit.actorRole).toBe("county_admin");
    expect(audit.villageCode).toBe(YANGLING.village2);
    expect(audit.after).toMatchObject({ username: "wang_clerk", phone: "139****5678" });
    expect(JSON.stringify(audit.after)).not.toContain("Secret123");
    expect(JSON.stringify(audit.after)).not.toContain("$2");
    expect((await authenticate("wang_clerk", "Secret123", meta)).role).toBe("village_clerk");
  });

  it("refuses a taken username, a region outside the county and a role that does not fit, writing nothing", async () => {
    const admin = await createActor({ role: "county_admin" });
    const existing = await createUser({ role: "viewer" });
    const base = { displayName: "某某", phone: "", password: "Secret123" };
    const before = await db.auditLog.count();
    const taken = createUserService(admin, meta, { ...base, username: existing.username, role: "viewer", regionCode: YANGLING.county });
    await expect(taken).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { username: ["validation.usernameTaken"] } });
    const outside = createUserService(admin, meta, { ...base, username: "outside_1", role: "viewer", regionCode: YANGLING.otherCounty });
    await expect(outside).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { regionCode: ["validation.regionOutOfScope"] } });
    const misfit = createUserService(admin, meta, { ...base, username: "misfit_1", role: "village_clerk", regionCode: YANGLING.township1 });
    await expect(misfit).rejects.toMatchObject({ fieldErrors: { regionCode: ["validation.roleRegionLevel.village_clerk"] } });
    expect(await db.user.count({ where: { username: { in: ["outside_1", "misfit_1"] } } })).toBe(0);
    expect(await db.auditLog.count()).toBe(before);
  });

  it("updates with optimistic locking and ends the old sessions when role or region changes", async () => {
    const admin = await createActor({ role: "county_admin" });
    const user = await createUser({ role: "village_clerk" });
    const input = { id: user.id, version: 0, displayName: "新名字", role: "township_reviewer" as const, regionCode: YANGLING.township2, phone: null };
    const updated = await updateUser(admin, meta, input);
    expect(updated.version).toBe(1);
    expect(updated.sessionVersion).toBe(1);
    expect(updated.townshipCode).toBe("610403002");
    expect(updated.villageCode).toBeNull();
    expect(await errorCodeOf(updateUser(admin, meta, input))).toBe("STALE_VERSION");
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: user.id, event: "user.updated" } });
    expect(audit.before).toMatchObject({ role: "village_clerk", regionCode: YANGLING.village1 });
    expect(audit.after).toMatchObject({ role: "township_reviewer", regionCode: YANGLING.township2 });
  });

  it("disables, re-enables, unlocks and resets passwords, each audited", async () => {
    const admin = await createActor({ role: "county_admin" });
    const user = await createUser({ role: "viewer" });
    await setUserActive(admin, meta, user.id, false);
    expect(await errorCodeOf(authenticate(user.username, TEST_PASSWORD, meta))).toBe("ACCOUNT_DISABLED");
    await setUserActive(admin, meta, user.id, true);
    await db.user.update({ where: { id: user.id }, data: { lockedUntil: new Date(Date.now() + 600_000) } });
    await unlockUser(admin, meta, user.id);
    await resetPassword(admin, meta, user.id, "NewPass456");
    expect(await errorCodeOf(authenticate(user.username, TEST_PASSWORD, meta))).toBe("INVALID_CREDENTIALS");
    expect((await authenticate(user.username, "NewPass456", meta)).userId).toBe(user.id);
    const events = await db.auditLog.findMany({ where: { entityId: user.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.event)).toEqual([
      "user.disabled",
      "user.enabled",
      "user.unlocked",
      "user.password_reset",
      "auth.login_failed",
      "auth.login_succeeded",
    ]);
  });

  it("will not let an admin disable their own account", async () => {
    const adminUser = await createUser({ role: "county_admin" });
    const { actorFromUser } = await import("@/lib/users/actor-from-user");
    expect(await errorCodeOf(setUserActive(actorFromUser(adminUser), meta, adminUser.id, false))).toBe("VALIDATION");
  });
});

describe("audit log", () => {
  it("refuses UPDATE and DELETE in the database itself", async () => {
    const admin = await createActor({ role: "county_admin" });
    await setUserActive(admin, meta, (await createUser({ role: "viewer" })).id, false);
    const row = await db.auditLog.findFirstOrThrow({ where: { event: "user.disabled" } });
    // The application's connection is the runtime role (no UPDATE/DELETE grant); the owner meets
    // the trigger (lib/audit/database-roles.int.test.ts).
    await expect(db.$executeRaw`UPDATE audit_logs SET event = 'x' WHERE id = ${row.id}`).rejects.toThrow(/append-only|permission denied/);
    await expect(db.$executeRaw`DELETE FROM audit_logs WHERE id = ${row.id}`).rejects.toThrow(/append-only|permission denied/);
    expect((await db.auditLog.findUniqueOrThrow({ where: { id: row.id } })).event).toBe("user.disabled");
  });
});
