// Every seed catalogue parses and is complete; the catalogue schema's own checks hold.
import { describe, expect, it } from "vitest";
import { SEED_CATALOGUES, SEED_CATALOGUE_DATA, SEED_COUNTY_CODES, seedCatalogue } from "@/lib/catalogue/data";
import { amount as a, defineItem, rule as r } from "@/lib/policy/build";
import { ZCatalogue, type TCatalogueInput } from "@/lib/policy/catalogue-schema";
import { ZAmountRule, ZRule, paramsOfAmount } from "@/lib/policy/rules";

describe("seed catalogues", () => {
  it("all five counties parse with ZCatalogue", () => {
    expect([...SEED_COUNTY_CODES].sort()).toEqual(["141024", "330727", "530322", "530926", "610403"]);
    for (const code of SEED_COUNTY_CODES) {
      const parsed = ZCatalogue.safeParse(SEED_CATALOGUE_DATA[code]);
      expect(parsed.success ? code : parsed.error.issues).toBe(code);
    }
  });

  it("item counts per county (every row and sub-row)", () => {
    expect(Object.fromEntries(SEED_COUNTY_CODES.map((code) => [code, SEED_CATALOGUES[code].items.length]))).toEqual({
      "141024": 28,
      "330727": 31,
      "530322": 30,
      "530926": 33,
      "610403": 31,
    });
  });

  it("every item has a valid eligibility rule, amount rule and document texts", () => {
    for (const code of SEED_COUNTY_CODES) {
      for (const item of SEED_CATALOGUES[code].items) {
        expect(ZRule.safeParse(item.eligibility).success, item.code).toBe(true);
        expect(ZAmountRule.safeParse(item.amount).success, item.code).toBe(true);
        expect(item.code.startsWith(`${code}-`), item.code).toBe(true);
        expect([item.content.length > 0, item.target.length > 0, item.leadDepartments.length > 0], item.code).toEqual([true, true, true]);
      }
    }
  });

  it("the data round-trips through JSON unchanged (rules are data)", () => {
    for (const code of SEED_COUNTY_CODES) {
      const json = JSON.parse(JSON.stringify(SEED_CATALOGUES[code]));
      expect(ZCatalogue.parse(json)).toEqual(SEED_CATALOGUES[code]);
    }
  });

  it("cash items pay something or say why not; every referenced parameter is declared", () => {
    for (const code of SEED_COUNTY_CODES) {
      const catalogue = SEED_CATALOGUES[code];
      const declared = new Set(catalogue.parameters.map((p) => p.name));
      for (const item of catalogue.items) {
        for (const name of paramsOfAmount(item.amount)) expect(declared.has(name), `${item.code} ${name}`).toBe(true);
        if (item.delivery === "monthly_cash" || item.delivery === "one_off_cash") expect(item.amount.kind, item.code).not.toBe("none");
      }
    }
  });

  it("effective dates and sources", () => {
    expect(Object.fromEntries(SEED_COUNTY_CODES.map((code) => [code, [SEED_CATALOGUES[code].effectiveFrom, SEED_CATALOGUES[code].source.documentNumber]]))).toEqual({
      "530322": ["2023-07-05", "陆办发〔2023〕14号"],
      "610403": ["2025-01-01", null],
      "530926": ["2023-09-25", "耿办通〔2023〕85号"],
      "330727": ["2024-01-01", "磐政办〔2023〕44号"],
      "141024": ["2024-01-01", null],
    });
  });

  it("parameters without a figure in the document default to null", () => {
    const defaults = (code: string) => Object.fromEntries(seedCatalogue(code)!.parameters.map((p) => [p.name, p.defaultFen]));
    expect(defaults("141024")).toMatchObject({ longevity_allowance_monthly: null, hardship_disabled_care_standard_monthly: 10000 });
    expect(defaults("530926")).toMatchObject({ hardship_disability_living_allowance_monthly: null });
    expect(seedCatalogue("000000")).toBeNull();
  });

  it("the only exclusions are 磐安 09-1/09-2 and 洪洞 12/13", () => {
    const pairs = SEED_COUNTY_CODES.flatMap((code) => SEED_CATALOGUES[code].items.flatMap((i) => i.exclusions.map((e) => `${i.code}→${e}`))).sort();
    expect(pairs).toEqual(["141024-12→141024-13", "141024-13→141024-12", "330727-09-1→330727-09-2", "330727-09-2→330727-09-1"]);
  });

  it("cash items default to a 7-day public notice", () => {
    const item = SEED_CATALOGUES["610403"].items.find((i) => i.code === "610403-04")!;
    expect([item.needsApplication, item.workflow]).toEqual([true, { publicNotice: true, noticeDays: 7 }]);
    const info = SEED_CATALOGUES["610403"].items.find((i) => i.code === "610403-21")!;
    expect([info.needsApplication, info.workflow]).toEqual([false, { publicNotice: false, noticeDays: null }]);
  });
});

describe("ZCatalogue checks", () => {
  const base = (): TCatalogueInput => ({
    countyCode: "999999",
    countyName: "测试县",
    version: 1,
    versionLabel: "测试",
    effectiveFrom: "2024-01-01",
    effectiveFromBasis: "测试",
    source: { title: "测试", documentNumber: null, issuedOn: null, file: "test" },
    economicHardship: ["dibao"],
    parameters: [{ name: "p_one", label: "参数", unit: "fen_per_month", defaultFen: null, basis: "测试" }],
    items: [
      defineItem({
        code: "999999-01",
        row: "1",
        name: "甲",
        content: "内容",
        target: "对象",
        serviceTypes: ["material_aid"],
        leadDepartments: ["县民政局"],
        delivery: "monthly_cash",
        eligibility: r.person(r.age(80)),
        amount: a.monthly(a.param("p_one")),
      }),
    ],
  });
  const issues = (c: unknown) => {
    const result = ZCatalogue.safeParse(c);
    return result.success ? [] : result.error.issues.map((i) => i.message);
  };

  it("accepts a minimal catalogue", () => {
    expect(issues(base())).toEqual([]);
  });

  it("rejects duplicate codes, foreign codes, unknown parameters and one-sided exclusions", () => {
    const dup = base();
    dup.items.push({ ...dup.items[0] });
    expect(issues(dup)).toContain("duplicate item code 999999-01");

    const foreign = base();
    foreign.items[0].code = "111111-01";
    expect(issues(foreign)).toContain("item code 111111-01 must start with 999999-");

    const unknownParam = base();
    unknownParam.items[0].amount = a.monthly(a.param("p_missing"));
    expect(issues(unknownParam)).toContain("999999-01 references unknown parameter p_missing");

    const oneSided = base();
    oneSided.items.push({ ...oneSided.items[0], code: "999999-02", exclusions: ["999999-01"] });
    expect(issues(oneSided)).toContain("exclusion 999999-02 → 999999-01 is not mirrored");

    const self = base();
    self.items[0].exclusions = ["999999-01"];
    expect(issues(self)).toContain("999999-01 excludes itself");

    const ghost = base();
    ghost.items[0].exclusions = ["999999-09"];
    expect(issues(ghost)).toContain("999999-01 excludes unknown item 999999-09");
  });

  it("rejects cash items without a matching amount, bad notices and bad codes", () => {
    const noAmount = base();
    noAmount.items[0].amount = a.none();
    expect(issues(noAmount)).toContain("999999-01 pays cash but has no amount rule");

    const oneOffMonthly = base();
    oneOffMonthly.items[0].amount = a.oneOff(a.yuan(1));
    expect(issues(oneOffMonthly)).toContain("999999-01 is monthly cash but its amount is not monthly");

    const notice = base();
    notice.items[0].workflow = { publicNotice: true, noticeDays: null };
    expect(issues(notice)).toContain("noticeDays is set exactly when there is a public notice");

    const code = base();
    code.items[0].code = "999999-1";
    expect(issues(code).length).toBeGreaterThan(0);

    const date = base();
    date.effectiveFrom = "2024-13-01";
    expect(issues(date).length).toBeGreaterThan(0);

    const extraKey = { ...base(), comment: "typo" };
    expect(issues(extraKey).length).toBeGreaterThan(0);
  });
});
