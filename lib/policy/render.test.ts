// Reasons and rules in words, through messages/*/policy.json, and the completeness of those
// catalogues: every reason the engine can produce has a Chinese and an English message.
import { describe, expect, it } from "vitest";
import zhPolicy from "@/messages/zh-CN/policy.json" with { type: "json" };
import enPolicy from "@/messages/en/policy.json" with { type: "json" };
import { SEED_CATALOGUES, SEED_COUNTY_CODES } from "@/lib/catalogue/data";
import { amount as a, rule as r } from "@/lib/policy/build";
import { describeAmount, describeRule, evaluateAmount, evaluateCatalogue, evaluateRule, renderReasonLines, renderReasons, type TReason } from "@/lib/policy/evaluate";
import { CIRCUMSTANCE_KEYS, DISABILITY_CATEGORIES } from "@/lib/policy/facts";
import { factsOf, type TPersonSpec } from "@/lib/policy/test-harness";

const catalogue = (code: keyof typeof SEED_CATALOGUES) => SEED_CATALOGUES[code];
const item = (county: keyof typeof SEED_CATALOGUES, code: string) => catalogue(county).items.find((i) => i.code === code)!;

function leafPaths(value: unknown, prefix = ""): string[] {
  if (typeof value === "string") return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
}

function lookup(messages: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), messages);
}

describe("renderReasons", () => {
  it("renders the issue's examples in Chinese", () => {
    const woman = evaluateCatalogue(catalogue("610403"), factsOf({ birthDate: "1941-03-15" })).find((x) => x.code === "610403-04")!;
    expect(renderReasons(woman.reasons)).toContain("年龄 85 周岁，满足 80–89 周岁档");
    const outsider = evaluateCatalogue(catalogue("610403"), factsOf({ age: 85, local: false })).find((x) => x.code === "610403-04")!;
    expect(renderReasons(outsider.reasons)).toContain("户籍不在本县，不满足");
  });

  it("renders the same reasons in English", () => {
    const woman = evaluateCatalogue(catalogue("610403"), factsOf({ birthDate: "1941-03-15" })).find((x) => x.code === "610403-04")!;
    expect(renderReasons(woman.reasons, "en")).toEqual([
      "Alive: met",
      "Household registration (hukou) in this county: met",
      "Age 85: 70 or older",
      "Age 85: tier 80–89",
      "Amount: 100 yuan a month",
    ]);
  });

  it("keeps nesting depth and the ok flag per line", () => {
    const result = evaluateCatalogue(catalogue("530322"), factsOf({ age: 70, circumstances: ["dibao"], level: 2 })).find((x) => x.code === "530322-24")!;
    expect(renderReasonLines(result.reasons)).toEqual([
      { text: "健在，满足", ok: true, depth: 0 },
      { text: "年龄 70 周岁，满足 60 周岁及以上", ok: true, depth: 0 },
      { text: "满足以下条件之一：", ok: true, depth: 0 },
      { text: "同时满足以下各项：", ok: true, depth: 1 },
      { text: "属于低保对象，满足", ok: true, depth: 2 },
      { text: "满足以下条件之一：", ok: true, depth: 2 },
      { text: "能力等级为中度失能，满足（轻度失能、中度失能、重度失能、完全失能）", ok: true, depth: 3 },
      { text: "金额由县级参数「家庭适老化改造补助标准（每户）」确定，尚未设置", ok: false, depth: 0 },
    ]);
  });

  it("formats fen as yuan", () => {
    const reasons: TReason[] = [{ key: "amount.monthly", params: { amountFen: 30050 }, ok: true, depth: 0 }];
    expect([renderReasons(reasons)[0], renderReasons(reasons, "en")[0]]).toEqual(["金额：每月 300.50 元", "Amount: 300.50 yuan a month"]);
  });
});

describe("describeRule and describeAmount", () => {
  it("describes rules in plain Chinese", () => {
    expect(describeRule(item("610403", "610403-04").eligibility)).toBe("健在；本县户籍；年满 70 周岁");
    expect(describeRule(item("610403", "610403-15-3").eligibility)).toBe("健在；男性 49–59 周岁、女性 49–54 周岁；属于计划生育特殊家庭（独生子女死亡）");
    expect(describeRule(item("330727", "330727-22-1").eligibility)).toBe("健在；年满 60 周岁；持残疾人证；属于低保对象、低保边缘对象之一；不属于分散供养特困人员、集中供养特困人员");
    expect(describeRule(item("330727", "330727-22-2").eligibility)).toBe("健在；年满 60 周岁；（满足以下之一：残疾等级 1–2 级；或 残疾等级 3–4 级，残疾类别为智力残疾、精神残疾）");
    expect(describeRule(item("530322", "530322-16").eligibility)).toBe("健在；年满 60 周岁；属于分散供养特困人员");
    expect(describeRule(item("610403", "610403-27-1").eligibility)).toBe("面向养老服务机构（不适用于个人）");
    expect(describeRule(r.and(r.age(undefined, 59), r.not(r.local()), r.residence("rural")))).toBe("不超过 59 周岁；不属于本县户籍；居住在农村");
  });

  it("names the catalogue's hardship circumstances when given", () => {
    const rule = item("141024", "141024-16").eligibility;
    expect(describeRule(rule)).toBe("健在；年满 60 周岁；经济困难");
    expect(describeRule(rule, "zh-CN", { economicHardship: ["dibao", "dibao_edge"] })).toBe("健在；年满 60 周岁；经济困难（低保对象、低保边缘对象）");
  });

  it("describes rules in English", () => {
    expect(describeRule(item("610403", "610403-04").eligibility, "en")).toBe("alive; hukou in this county; aged 70 or over");
    expect(describeRule(r.capability(3, 4), "en")).toBe("capability level severely impaired, completely impaired");
  });

  it("describes amounts", () => {
    const params = { parameters: catalogue("141024").parameters };
    expect(describeAmount(item("610403", "610403-04").amount)).toBe("每月：70–79 周岁：50 元；80–89 周岁：100 元；90–99 周岁：200 元；年满 100 周岁：300 元");
    expect(describeAmount(item("141024", "141024-15").amount, "zh-CN", params)).toBe("每月：年满 80 周岁：70 元；其他：县级参数「80周岁以下经济困难老年人养老服务补贴标准（每人每月）」");
    expect(describeAmount(item("530322", "530322-16").amount, "zh-CN", { parameters: catalogue("530322").parameters })).toBe(
      "每月：县级参数「城市最低生活保障标准（每人每月）」× 13/10（不足 1 分按 1 分计）",
    );
    expect(describeAmount(a.oneOff(a.param("training"), { capFen: 400000 }))).toBe("一次性：县级参数「training」（上限 4000 元）");
    expect(describeAmount(item("610403", "610403-08").amount)).toBe("每月金额按个案核定");
    expect(describeAmount(a.none(), "en")).toBe("no amount");
    expect(describeAmount(item("141024", "141024-21").amount, "zh-CN", params)).toBe(
      "每月：（居住在城镇：县级参数「城市最低生活保障标准（每人每月）」× 13/10（不足 1 分按 1 分计）；居住在农村：县级参数「农村最低生活保障标准（每人每月）」× 13/10（不足 1 分按 1 分计）） + " +
        "（能力等级为能力完好、轻度失能：县级参数「经济困难失能老年人护理补贴标准（每人每月）」；能力等级为中度失能、重度失能：县级参数「经济困难失能老年人护理补贴标准（每人每月）」× 2/1（不足 1 分按 1 分计）；能力等级为完全失能：县级参数「经济困难失能老年人护理补贴标准（每人每月）」× 3/1（不足 1 分按 1 分计））",
    );
  });
});

describe("message catalogues", () => {
  it("zh-CN and en have the same keys", () => {
    expect(leafPaths(enPolicy).sort()).toEqual(leafPaths(zhPolicy).sort());
  });

  it("name every circumstance, disability category and capability level", () => {
    for (const messages of [zhPolicy, enPolicy]) {
      expect(CIRCUMSTANCE_KEYS.filter((k) => typeof lookup(messages, `circumstance.${k}`) !== "string")).toEqual([]);
      expect(DISABILITY_CATEGORIES.filter((k) => typeof lookup(messages, `disabilityCategory.${k}`) !== "string")).toEqual([]);
      expect([0, 1, 2, 3, 4].filter((k) => typeof lookup(messages, `capabilityLevel.${k}`) !== "string")).toEqual([]);
    }
  });

  it("have a message for every reason the seed catalogues produce", () => {
    const specs: TPersonSpec[] = [];
    for (const age of [48, 54, 55, 59, 60, 65, 70, 80, 90, 100]) {
      for (const sex of ["male", "female"] as const) {
        specs.push({ age, sex });
        specs.push({ age, sex, local: false, alive: false });
        specs.push({ age, sex, circumstances: [...CIRCUMSTANCE_KEYS], residence: "urban", level: 4, disability: { grade: 1 } });
        specs.push({ age, sex, circumstances: ["dibao"], residence: "rural", level: 2, disability: { grade: 3, category: "mental" } });
        specs.push({ age, sex, circumstances: ["dibao_edge", "fp_only_child_deceased"], level: 0, disability: { grade: 2 } });
        specs.push({ age, sex, circumstances: ["tekun_dispersed"], residence: "rural", level: 3 });
        specs.push({ age, sex, circumstances: ["low_income"], disability: { grade: 2 }, residence: "urban" });
      }
    }
    const seen = new Set<string>();
    const paramSets = [{}, { longevity_allowance_monthly: 30000, urban_dibao_standard_monthly: 70000, rural_dibao_standard_monthly: 60000, zj_severe_disability_care_full_monthly: 1 }];
    for (const code of SEED_COUNTY_CODES) {
      for (const spec of specs) {
        for (const params of paramSets) {
          for (const result of evaluateCatalogue(SEED_CATALOGUES[code], factsOf(spec), params)) for (const reason of result.reasons) seen.add(reason.key);
        }
      }
    }
    // Rule shapes the seed catalogues do not use.
    const extraRules = [
      r.age(undefined, 59),
      r.ageBySex({}, { min: 55 }),
      { kind: "sex" as const, is: "male" as const },
      r.allOf("dibao", "living_alone"),
      r.not(r.local()),
      r.residence("urban"),
      r.disabilityGrade(1, 1),
    ];
    const extraAmounts = [
      a.oneOff(a.param("p"), { capFen: 100 }),
      a.oneOff(a.yuan(5)),
      a.monthly(a.tiers([[r.age(90), a.yuan(1)]], a.param("p", 1, 3, "floor"))),
      a.monthly(a.tiers([[r.age(undefined, 59), a.param("p", 2, 3, "halfUp")]])),
    ];
    for (const spec of specs) {
      const facts = factsOf(spec);
      for (const rule of extraRules) for (const reason of evaluateRule(rule, facts).reasons) seen.add(reason.key);
      for (const amount of extraAmounts) for (const reason of evaluateAmount(amount, facts, { p: 1000 }).reasons) seen.add(reason.key);
    }
    const keys = [...seen].sort();
    expect(keys.length).toBeGreaterThan(70);
    expect(keys.filter((k) => typeof lookup(zhPolicy, `reason.${k}`) !== "string")).toEqual([]);
    expect(keys.filter((k) => typeof lookup(enPolicy, `reason.${k}`) !== "string")).toEqual([]);
  });
});
