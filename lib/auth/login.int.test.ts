import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { authenticate } from "@/lib/auth/login";
import { createUser, TEST_PASSWORD } from "@/lib/testing/factories";
import { MAX_FAILED_LOGINS } from "@/lib/auth/lockout";

const meta = { ip: "10.0.0.8", userAgent: "vitest" };

async function attempt(username: string, password: string) {
  try {
    await authenticate(username, password, meta);
    return "ok";
  } catch (error) {
    return (error as { code: string }).code;
  }
}

describe("authenticate", () => {
  it("signs in with the right password, resets the counter and audits it", async () => {
    const user = await createUser({ role: "county_admin" });
    await db.user.update({ where: { id: user.id }, data: { failedLoginCount: 3 } });
    const actor = await authenticate(user.username, TEST_PASSWORD, meta);
    expect(actor.userId).toBe(user.id);
    expect(actor.countyCode).toBe("610403");
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.failedLoginCount).toBe(0);
    expect(after.lastLoginAt).not.toBeNull();
    const audit = await db.auditLog.findMany({ where: { entityId: user.id } });
    expect(audit.map((a) => a.event)).toEqual(["auth.login_succeeded"]);
    expect(audit[0].ip).toBe("10.0.0.8");
  });

  it("answers an unknown username exactly like a wrong password", async () => {
    expect(await attempt("no_such_user_x", "whatever1")).toBe("INVALID_CREDENTIALS");
  });

  it(`locks the account on the ${MAX_FAILED_LOGINS}th failure in a row, even against the right password`, async () => {
    const user = await createUser({ role: "village_clerk" });
    for (let i = 1; i < MAX_FAILED_LOGINS; i++) {
      expect(await attempt(user.username, "wrong-password-1")).toBe("INVALID_CREDENTIALS");
    }
    expect(await attempt(user.username, "wrong-password-1")).toBe("ACCOUNT_LOCKED");
    expect(await attempt(user.username, TEST_PASSWORD)).toBe("ACCOUNT_LOCKED");
    const locked = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    const minutes = (locked.lockedUntil!.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    const events = await db.auditLog.findMany({ where: { entityId: user.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.event)).toEqual([
      ...Array(MAX_FAILED_LOGINS - 1).fill("auth.login_failed"),
      "auth.account_locked",
    ]);
  });

  it("lets the user in again once the lock has expired", async () => {
    const user = await createUser({ role: "viewer" });
    await db.user.update({ where: { id: user.id }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect(await attempt(user.username, TEST_PASSWORD)).toBe("ok");
  });

  it("refuses a disabled account only once the password is right", async () => {
    const user = await createUser({ role: "viewer", active: false });
    expect(await attempt(user.username, "wrong-password-1")).toBe("INVALID_CREDENTIALS");
    expect(await attempt(user.username, TEST_PASSWORD)).toBe("ACCOUNT_DISABLED");
  });
});
