import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUser, YANGLING } from "@/lib/testing/factories";
import { resolveTokenActor } from "@/lib/tokens/service";
import { getCountySetting } from "@/lib/settings/county-settings";

// `cli tokens …` and `cli settings …` as child processes against this run's database.
const ROOT = path.resolve(import.meta.dirname, "../..");

function cli(...args: string[]) {
  const result = spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), ["scripts/cli.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, DATABASE_POOL_MAX: "1" },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function ok(...args: string[]) {
  const run = cli(...args);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return run.stdout;
}

describe("cli tokens", { timeout: 120_000 }, () => {
  it("issues a token printed as {\"token\"} only, lists it by prefix, and revokes it", async () => {
    const user = await createUser({ role: "village_clerk", regionCode: YANGLING.village1 });
    const issued = JSON.parse(ok("tokens", "create", "--user", user.username, "--name", "民政一体化平台", "--json"));
    expect(Object.keys(issued)).toEqual(["token"]);
    expect(issued.token).toMatch(/^yy_[A-Za-z0-9_-]{43}$/);
    expect(await resolveTokenActor(issued.token)).toMatchObject({ userId: user.id, role: "village_clerk" });
    const audit = await db.auditLog.findFirstOrThrow({ where: { event: "token.created", after: { path: ["userId"], equals: user.id } } });
    expect(audit).toMatchObject({ actorUsername: "cli", actorRole: "system", countyCode: "610403" });

    const listed = JSON.parse(ok("tokens", "list", "--user", user.username, "--json"));
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ name: "民政一体化平台", prefix: issued.token.slice(0, 10), revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(issued.token);
    expect(ok("tokens", "list", "--user", user.username)).toContain(`${issued.token.slice(0, 10)}…`);

    const revoked = JSON.parse(ok("tokens", "revoke", "--id", listed[0].id, "--json"));
    expect(revoked).toMatchObject({ id: listed[0].id, revokedBy: "cli" });
    expect(await resolveTokenActor(issued.token)).toBeNull();
  });

  it("exits non-zero with a clear message for an unknown or disabled account and a malformed id", async () => {
    const unknown = cli("tokens", "create", "--user", "nobody_here", "--json");
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toContain("找不到用户名为「nobody_here」的账户");
    expect(unknown.stdout).toBe("");
    const disabled = await createUser({ role: "viewer", active: false });
    const refused = cli("tokens", "create", "--user", disabled.username);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain("该账户已停用");
    const badId = cli("tokens", "revoke", "--id", "42");
    expect(badId.status).not.toBe(0);
    expect(badId.stderr).toContain("--id 须为令牌 ID");
  });
});

describe("cli settings", { timeout: 120_000 }, () => {
  it("reads defaults, sets a value (audited) and refuses a malformed one", async () => {
    expect(JSON.parse(ok("settings", "get", "--county", "610403", "--key", "case.benefitStart", "--json"))).toBe("next_month");
    const all = JSON.parse(ok("settings", "get", "--county", "610403", "--json"));
    expect(Object.keys(all)).toEqual(["assessment.interval", "assessment.stackOneUpRules", "case.stepLimits", "case.benefitStart", "entitlement.effectiveMonths", "entitlement.certification", "calendar.workingDays"]);

    const set = JSON.parse(ok("settings", "set", "--county", "610403", "--key", "calendar.workingDays", "--value", '{"holidays":["2026-10-01","2026-10-02"],"workdays":["2026-09-27"]}', "--json"));
    expect(set).toEqual({ county: "610403", key: "calendar.workingDays", value: { holidays: ["2026-10-01", "2026-10-02"], workdays: ["2026-09-27"] } });
    expect(await getCountySetting("610403", "calendar.workingDays")).toEqual(set.value);
    expect(await db.auditLog.count({ where: { event: "setting.updated", entityId: "calendar.workingDays", actorUsername: "cli" } })).toBe(1);

    const bad = cli("settings", "set", "--county", "610403", "--key", "calendar.workingDays", "--value", '{"holidays":["2026-02-30"],"workdays":[]}');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain("holidays.0");
    const notJson = cli("settings", "set", "--county", "610403", "--key", "case.benefitStart", "--value", "approval_month");
    expect(notJson.stderr).toContain(`--value 须为 JSON，例如 --value '"next_month"'`);
    const badKey = cli("settings", "get", "--county", "610403", "--key", "case.nope");
    expect(badKey.stderr).toContain("--key 须为以下之一");
    const badCounty = cli("settings", "get", "--county", "999999");
    expect(badCounty.stderr).toContain("没有区划代码为 999999 的县");
    expect(await getCountySetting("610403", "calendar.workingDays")).toEqual(set.value);
  });
});
