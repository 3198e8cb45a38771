import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { errorCodeOf } from "@/lib/testing/error-code";
import { createActor, createUser, systemActor, YANGLING } from "@/lib/testing/factories";
import { actorFromUser } from "@/lib/users/actor-from-user";
import { setUserActive } from "@/lib/users/service";
import { createToken, hashToken, resolveTokenActor, revokeToken } from "@/lib/tokens/service";
import { listTokens } from "@/lib/tokens/queries";
import { TOKEN_PATTERN } from "@/lib/tokens/schemas";

const meta = { ip: "127.0.0.1", userAgent: "vitest" };

describe("API tokens", () => {
  it("issues a token shown once: only its SHA-256 and prefix are stored, the audit keeps the prefix only", async () => {
    const admin = await createActor({ role: "county_admin" });
    const clerk = await createUser({ role: "village_clerk", regionCode: YANGLING.village1 });
    const issued = await createToken(admin, meta, { userId: clerk.id, name: "民政一体化平台" });
    expect(issued.token).toMatch(TOKEN_PATTERN);
    expect(issued.prefix).toBe(issued.token.slice(0, 10));
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: issued.id } });
    expect(row).toMatchObject({ userId: clerk.id, countyCode: "610403", name: "民政一体化平台", prefix: issued.prefix, createdBy: admin.username, revokedAt: null, lastUsedAt: null });
    expect(row.tokenHash).toBe(hashToken(issued.token));
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(issued.token);

    const audit = await db.auditLog.findFirstOrThrow({ where: { event: "token.created", entityId: issued.id } });
    expect(audit).toMatchObject({ entityType: "token", actorUsername: admin.username, countyCode: "610403", villageCode: YANGLING.village1 });
    expect(audit.after).toEqual({ name: "民政一体化平台", prefix: issued.prefix, userId: clerk.id, username: clerk.username, revoked: false });
    const recorded = JSON.stringify([audit.before, audit.after]);
    expect(recorded).not.toContain(issued.token.slice(10));
    expect(recorded).not.toContain(row.tokenHash);

    // Two tokens are never alike.
    const second = await createToken(admin, meta, { userId: clerk.id, name: "第二个" });
    expect(second.token).not.toBe(issued.token);
    expect((await listTokens(admin, clerk.id)).map((t) => t.name)).toEqual(["第二个", "民政一体化平台"]);
    expect(Object.keys((await listTokens(admin, clerk.id))[0])).not.toContain("tokenHash");
  });

  it("lets only the county admin of the account's county manage tokens; outside the county the account does not exist", async () => {
    const admin = await createActor({ role: "county_admin" });
    const otherAdmin = await createActor({ role: "county_admin", regionCode: YANGLING.otherCounty });
    const reviewer = await createActor({ role: "township_reviewer", regionCode: YANGLING.township1 });
    const clerk = await createUser({ role: "village_clerk", regionCode: YANGLING.village1 });
    const before = await db.auditLog.count();
    expect(await errorCodeOf(createToken(reviewer, meta, { userId: clerk.id, name: "x" }))).toBe("FORBIDDEN");
    expect(await errorCodeOf(createToken(otherAdmin, meta, { userId: clerk.id, name: "x" }))).toBe("NOT_FOUND");
    expect(await errorCodeOf(listTokens(otherAdmin, clerk.id))).toBe("NOT_FOUND");
    expect(await errorCodeOf(listTokens(reviewer, clerk.id))).toBe("FORBIDDEN");
    const issued = await createToken(admin, meta, { userId: clerk.id, name: "x" });
    expect(await errorCodeOf(revokeToken(otherAdmin, meta, { tokenId: issued.id }))).toBe("NOT_FOUND");
    expect(await errorCodeOf(revokeToken(reviewer, meta, { tokenId: issued.id }))).toBe("FORBIDDEN");
    expect(await db.auditLog.count()).toBe(before + 1);
    expect(await db.apiToken.count({ where: { userId: clerk.id } })).toBe(1);

    // A disabled account gets no token.
    const disabled = await createUser({ role: "viewer", active: false });
    await expect(createToken(admin, meta, { userId: disabled.id, name: "x" })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { userId: ["tokens.validation.userInactive"] } });
    // The CLI's system actor of the county may.
    expect((await createToken(systemActor("610403", "cli"), meta, { userId: clerk.id, name: "cli" })).token).toMatch(TOKEN_PATTERN);
  });

  it("resolves a token to its account's actor, and to no one once revoked, for a disabled account or an unknown token", async () => {
    const admin = await createActor({ role: "county_admin" });
    const user = await createUser({ role: "township_reviewer", regionCode: YANGLING.township2, displayName: "刘芳" });
    const issued = await createToken(admin, meta, { userId: user.id, name: "对接" });
    const actor = await resolveTokenActor(issued.token);
    expect(actor).toEqual(actorFromUser(user));
    expect(actor).toMatchObject({ role: "township_reviewer", regionLevel: "township", townshipCode: "610403002", displayName: "刘芳" });

    expect(await resolveTokenActor("yy_" + "A".repeat(43))).toBeNull();
    expect(await resolveTokenActor("")).toBeNull();
    expect(await resolveTokenActor(issued.token.slice(0, -1))).toBeNull();
    expect(await resolveTokenActor(`${issued.token} `)).toBeNull();

    await setUserActive(admin, meta, user.id, false);
    expect(await resolveTokenActor(issued.token)).toBeNull();
    await setUserActive(admin, meta, user.id, true);
    expect(await resolveTokenActor(issued.token)).not.toBeNull();

    const revoked = await revokeToken(admin, meta, { tokenId: issued.id });
    expect(revoked).toMatchObject({ revokedBy: admin.username });
    expect(revoked.revokedAt).toBeInstanceOf(Date);
    expect(await resolveTokenActor(issued.token)).toBeNull();
    const audit = await db.auditLog.findFirstOrThrow({ where: { event: "token.revoked", entityId: issued.id } });
    expect(audit.before).toMatchObject({ prefix: issued.prefix, revoked: false });
    expect(audit.after).toMatchObject({ prefix: issued.prefix, revoked: true });
    // Revoking again, or twice at once, writes one record.
    await Promise.all([revokeToken(admin, meta, { tokenId: issued.id }), revokeToken(admin, meta, { tokenId: issued.id })]);
    expect(await db.auditLog.count({ where: { event: "token.revoked", entityId: issued.id } })).toBe(1);
  });

  it("records when a token was last used, at most once a minute", async () => {
    const admin = await createActor({ role: "county_admin" });
    const user = await createUser({ role: "viewer" });
    const issued = await createToken(admin, meta, { userId: user.id, name: "统计" });
    const t0 = new Date("2026-05-01T08:00:00Z");
    await resolveTokenActor(issued.token, t0);
    const lastUsed = async () => (await db.apiToken.findUniqueOrThrow({ where: { id: issued.id } })).lastUsedAt?.toISOString();
    expect(await lastUsed()).toBe(t0.toISOString());
    await resolveTokenActor(issued.token, new Date(t0.getTime() + 30_000));
    expect(await lastUsed()).toBe(t0.toISOString());
    const t1 = new Date(t0.getTime() + 61_000);
    await Promise.all([resolveTokenActor(issued.token, t1), resolveTokenActor(issued.token, t1)]);
    expect(await lastUsed()).toBe(t1.toISOString());
  });
});
