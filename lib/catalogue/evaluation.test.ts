import { describe, expect, it } from "vitest";
import { SEED_CATALOGUES } from "@/lib/catalogue/data";
import { compareCatalogues, evaluateWith, publicEvaluation, readsSex, type TPreviewChange } from "@/lib/catalogue/evaluation";
import { resolveFactsInput, SEX_ASSUMED_NOTE } from "@/lib/catalogue/facts-input";
import type { TCatalogue } from "@/lib/policy/catalogue-schema";
import { buildPersonFacts } from "@/lib/policy/person-facts";

const AS_OF = "2026-11-01";

function answer(county: keyof typeof SEED_CATALOGUES, input: Parameters<typeof resolveFactsInput>[0]) {
  const { facts, notes, sexAssumed } = resolveFactsInput(input, { countyCode: county, asOf: AS_OF });
  return publicEvaluation(evaluateWith(SEED_CATALOGUES[county], 1, facts, {}, { county, notes, sexAssumed }));
}

describe("the issue's examples through the evaluation service's pure core", () => {
  it("杨陵区: a local woman born 1941-03-15 gets 100 yuan; a local man born 1936-11-01 gets 200", () => {
    const woman = answer("610403", { birthDate: "1941-03-15", sex: "female", hukouRegion: "610403" });
    expect(woman.items.find((i) => i.code === "610403-04")).toMatchObject({ eligible: true, monthlyAmountFen: 10000 });
    const man = answer("610403", { birthDate: "1936-11-01", sex: "male", hukouRegion: "610403" });
    expect(man.age).toBe(90);
    expect(man.items.find((i) => i.code === "610403-04")).toMatchObject({ eligible: true, monthlyAmountFen: 20000 });
    expect(man.note).toBeUndefined();
  });

  it("陆良县 and 磐安县", () => {
    expect(answer("530322", { birthDate: "1926-10-01", hukouRegion: "530322" }).items.find((i) => i.code === "530322-03-2")).toMatchObject({ monthlyAmountFen: 30000 });
    const panan = answer("330727", { birthDate: "1926-01-01", hukouRegion: "330727" });
    const pair = panan.items.filter((i) => i.code.startsWith("330727-09-"));
    expect(pair.map((i) => [i.eligible, i.monthlyAmountFen])).toEqual([[false, null], [true, 40000]]);
  });

  it("keeps the documented shape and notes an assumed sex only where the catalogue reads sex", () => {
    const result = answer("610403", { birthDate: "1960-01-01", hukouRegion: "610403" });
    expect(Object.keys(result)).toEqual(["county", "catalogueVersion", "asOf", "age", "items", "note"]);
    expect(result.note).toBe(SEX_ASSUMED_NOTE);
    expect(readsSex(SEED_CATALOGUES["610403"])).toBe(true);
    expect(readsSex(SEED_CATALOGUES["530322"])).toBe(false);
    expect(answer("530322", { birthDate: "1960-01-01", hukouRegion: "530322" }).note).toBeUndefined();
  });

  it("renders reasons in the requested language", () => {
    const facts = buildPersonFacts({ asOf: AS_OF, birthDate: "1941-03-15", sex: "female", hukouLocal: false });
    const en = evaluateWith(SEED_CATALOGUES["610403"], 1, facts, {}, { county: "610403", locale: "en" });
    const zh = evaluateWith(SEED_CATALOGUES["610403"], 1, facts, {}, { county: "610403" });
    const pick = (e: typeof en) => e.items.find((i) => i.code === "610403-04")!;
    expect(pick(zh).reasons).toContain("户籍不在本县，不满足");
    expect(pick(en).reasons.join(" ")).not.toMatch(/[\u4e00-\u9fff]{4}/);
    expect(pick(en).lines.map((l) => l.ok)).toEqual(pick(zh).lines.map((l) => l.ok));
  });
});

describe("comparing two catalogues over many people", () => {
  const base = SEED_CATALOGUES["530926"];
  const people = [77, 86, 100, 106].map((age) => buildPersonFacts({ asOf: AS_OF, birthDate: `${2026 - age}-01-01`, hukouLocal: true }));

  it("counts gains, losses, amount changes, added and removed items", () => {
    const changed: TCatalogue = {
      ...base,
      items: base.items
        .filter((i) => i.code !== "530926-05")
        .map((i) =>
          i.code === "530926-03-1"
            ? { ...i, eligibility: { kind: "and", rules: [{ kind: "alive" }, { kind: "age", min: 75, max: 99 }] }, amount: { kind: "monthly", amount: { kind: "fixed", fen: 6000 } } }
            : i,
        ),
    };
    const rows = new Map(compareCatalogues(base, changed, people, {}).map((r) => [r.code, r]));
    expect(rows.get("530926-03-1")).toMatchObject({ presence: "both", before: 1, after: 2, gained: 1, lost: 0, amountChanged: 1 });
    expect(rows.get("530926-05")).toMatchObject({ presence: "removed", before: 4, after: 0, lost: 4 });
    expect(rows.get("530926-04")).toMatchObject({ before: 4, after: 4, gained: 0, lost: 0, amountChanged: 0 });
    const fresh = new Map(compareCatalogues(null, base, people, {}).map((r) => [r.code, r]));
    expect(fresh.get("530926-04")).toMatchObject({ presence: "added", gained: 4, after: 4 });
  });

  it("names each person's change on each item, with the amounts and the reasons, consistent with the counts", () => {
    const changed: TCatalogue = {
      ...base,
      items: base.items
        .filter((i) => i.code !== "530926-05")
        .map((i) =>
          i.code === "530926-03-1"
            ? { ...i, eligibility: { kind: "and", rules: [{ kind: "alive" }, { kind: "age", min: 75, max: 99 }] }, amount: { kind: "monthly", amount: { kind: "fixed", fen: 6000 } } }
            : i,
        ),
    };
    const changes: TPreviewChange[] = [];
    const progress: number[] = [];
    const rows = compareCatalogues(base, changed, people, {}, { onChange: (c) => changes.push(c), onProgress: (d) => progress.push(d) });
    for (const row of rows) {
      const mine = changes.filter((c) => c.code === row.code);
      expect([mine.filter((c) => c.change === "gained").length, mine.filter((c) => c.change === "lost").length, mine.filter((c) => c.change === "amount_changed").length]).toEqual([row.gained, row.lost, row.amountChanged]);
    }
    const gained = changes.find((c) => c.code === "530926-03-1" && c.change === "gained")!;
    expect(gained).toMatchObject({ before: null, after: { monthlyFen: 6000, oneOffFen: null } });
    expect(gained.reasons.length).toBeGreaterThan(0);
    expect(gained.reasons.every((r) => typeof r.key === "string")).toBe(true);
    const raised = changes.find((c) => c.code === "530926-03-1" && c.change === "amount_changed")!;
    expect(raised.after!.monthlyFen).toBe(6000);
    expect(raised.before!.monthlyFen).not.toBe(6000);
    // An item the draft drops: lost, with the reasons it was granted under the version in force.
    const dropped = changes.filter((c) => c.code === "530926-05");
    expect(dropped).toHaveLength(4);
    expect(dropped.every((c) => c.change === "lost" && c.after === null && c.reasons.some((r) => r.ok))).toBe(true);
    expect(progress.at(-1)).toBe(people.length);
    // Without a listener the counts are the same.
    expect(compareCatalogues(base, changed, people, {})).toEqual(rows);
  });
});
