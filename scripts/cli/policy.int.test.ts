import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeIdNumber } from "@/lib/testing/factories";
import { loadSeedCatalogues } from "@/lib/catalogue/service";

// The CLI path end to end: a child process running `cli policy evaluate` against this run's
// database (DATABASE_URL is inherited), facts on stdin, JSON on stdout.
const ROOT = path.resolve(import.meta.dirname, "../..");

function cli(args: string[], stdin: string) {
  const result = spawnSync(path.join(ROOT, "node_modules/.bin/tsx"), ["scripts/cli.ts", ...args], {
    cwd: ROOT,
    input: stdin,
    encoding: "utf8",
    env: { ...process.env, DATABASE_POOL_MAX: "1" },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function evaluate(county: string, facts: object) {
  const run = cli(["policy", "evaluate", "--county", county, "--as-of", "2026-11-01"], JSON.stringify(facts));
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as {
    county: string;
    catalogueVersion: number;
    asOf: string;
    age: number;
    note?: string;
    items: { code: string; name: string; eligible: boolean; monthlyAmountFen: number | null; oneOffAmountFen: number | null; reasons: string[] }[];
  };
}

const item = (result: ReturnType<typeof evaluate>, name: string) => result.items.filter((i) => i.name.startsWith(name));

describe("cli policy evaluate", { timeout: 120_000 }, () => {
  it("falls back to the seed catalogue, with a note, while the database has none for the county", () => {
    const result = evaluate("530322", { birthDate: "1926-10-01", hukouRegion: "530322" });
    expect(result.note).toContain("内置种子清单");
    expect(result.catalogueVersion).toBe(1);
    expect(item(result, "高龄津贴（长寿补助）")[0]).toMatchObject({ eligible: true, monthlyAmountFen: 30000 });
  });

  it("holds the issue's four examples on 2026-11-01, from the database", async () => {
    await loadSeedCatalogues();
    const woman = evaluate("610403", { birthDate: "1941-03-15", sex: "female", hukouRegion: "610403" });
    expect(Object.keys(woman)).toEqual(["county", "catalogueVersion", "asOf", "age", "items"]);
    expect(woman).toMatchObject({ county: "610403", catalogueVersion: 1, asOf: "2026-11-01", age: 85 });
    expect(Object.keys(woman.items[0])).toEqual(["code", "name", "eligible", "monthlyAmountFen", "oneOffAmountFen", "reasons"]);
    const allowance = woman.items.find((i) => i.code === "610403-04")!;
    expect(allowance).toMatchObject({ name: "高龄津贴", eligible: true, monthlyAmountFen: 10000, oneOffAmountFen: null });
    expect(allowance.reasons).toEqual(expect.arrayContaining(["本县户籍，满足", "年龄 85 周岁，满足 80–89 周岁档"]));
    // Items that are not cash have no amount.
    expect(woman.items.find((i) => i.code === "610403-21")).toMatchObject({ eligible: true, monthlyAmountFen: null, oneOffAmountFen: null });

    // He turns 90 on the day; the ID number alone gives birth date and sex.
    const man = evaluate("610403", { idNumber: makeIdNumber("1936-11-01", "male"), hukouRegion: "610403001001" });
    expect(man.age).toBe(90);
    expect(man.items.find((i) => i.code === "610403-04")).toMatchObject({ eligible: true, monthlyAmountFen: 20000 });

    const luliang = evaluate("530322", { birthDate: "1926-10-01", hukouRegion: "530322" });
    expect(luliang.note).toBeUndefined();
    expect(luliang.age).toBe(100);
    expect(luliang.items.find((i) => i.code === "530322-03-2")).toMatchObject({ eligible: true, monthlyAmountFen: 30000 });

    const panan = evaluate("330727", { birthDate: "1926-01-01", hukouRegion: "330727" });
    const gao = panan.items.find((i) => i.code === "330727-09-1")!;
    const chang = panan.items.find((i) => i.code === "330727-09-2")!;
    expect([gao.eligible, gao.monthlyAmountFen, chang.eligible, chang.monthlyAmountFen]).toEqual([false, null, true, 40000]);
    expect(gao.reasons.at(-1)).toContain("不重复享受");
    const total = panan.items.filter((i) => ["330727-09-1", "330727-09-2"].includes(i.code)).reduce((s, i) => s + (i.monthlyAmountFen ?? 0), 0);
    expect(total).toBe(40000);

    // Not local: 户籍不在本县.
    const outsider = evaluate("610403", { birthDate: "1941-03-15", sex: "female", hukouRegion: "330727" });
    expect(outsider.items.find((i) => i.code === "610403-04")).toMatchObject({ eligible: false, monthlyAmountFen: null });
    expect(outsider.items.find((i) => i.code === "610403-04")!.reasons).toContain("户籍不在本县，不满足");
  });

  it("exits non-zero with a clear message on a bad ID number or contradicting facts", () => {
    const good = makeIdNumber("1936-11-01", "male");
    const bad = good.slice(0, 17) + (good[17] === "1" ? "2" : "1");
    const checksum = cli(["policy", "evaluate", "--county", "610403", "--as-of", "2026-11-01"], JSON.stringify({ idNumber: bad, hukouRegion: "610403" }));
    expect(checksum.status).not.toBe(0);
    expect(checksum.stderr).toContain("身份证号码校验位不正确");
    expect(checksum.stdout).toBe("");
    const contradiction = cli(["policy", "evaluate", "--county", "610403"], JSON.stringify({ idNumber: good, birthDate: "1936-11-02", sex: "female", hukouRegion: "610403" }));
    expect(contradiction.status).not.toBe(0);
    expect(contradiction.stderr).toContain("与身份证号码中的出生日期 1936-11-01 不一致");
  });
});
