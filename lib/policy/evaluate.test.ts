// The engine: every predicate, combinators, amounts, parameters and exclusions, with reasons.
import { describe, expect, it } from "vitest";
import { amount as a, defineItem, rule as r } from "@/lib/policy/build";
import { ZCatalogue, type TCatalogueInput } from "@/lib/policy/catalogue-schema";
import { createEvaluator, evaluateAmount, evaluateCatalogue, evaluateRule, renderReasons, type TReason } from "@/lib/policy/evaluate";
import type { TPersonFacts } from "@/lib/policy/facts";
import type { TRule } from "@/lib/policy/rules";
import { factsOf } from "@/lib/policy/test-harness";

const person = factsOf;
const keys = (reasons: TReason[]) => reasons.map((x) => `${x.depth}:${x.key}`);
const zh = (reasons: TReason[]) => renderReasons(reasons, "zh-CN");

function ok(rule: TRule, facts: TPersonFacts) {
  return evaluateRule(rule, facts).ok;
}

describe("predicates", () => {
  it("age: inclusive bounds, open ends, reasons", () => {
    const rule = r.age(80, 89);
    expect([79, 80, 89, 90].map((age) => ok(rule, person({ age })))).toEqual([false, true, true, false]);
    expect([59, 60, 120].map((age) => ok(r.age(60), person({ age })))).toEqual([false, true, true]);
    expect([59, 60].map((age) => ok(r.age(undefined, 59), person({ age })))).toEqual([true, false]);
    expect(zh(evaluateRule(rule, person({ age: 85 })).reasons)).toEqual(["年龄 85 周岁，满足 80–89 周岁"]);
    expect(zh(evaluateRule(rule, person({ age: 90 })).reasons)).toEqual(["年龄 90 周岁，不在 80–89 周岁范围内，不满足"]);
    expect(zh(evaluateRule(r.age(60), person({ age: 59 })).reasons)).toEqual(["年龄 59 周岁，未满 60 周岁，不满足"]);
    expect(zh(evaluateRule(r.age(undefined, 59), person({ age: 60 })).reasons)).toEqual(["年龄 60 周岁，超过 59 周岁，不满足"]);
  });

  it("age counts 周岁 by birthday", () => {
    expect(ok(r.age(80), person({ birthDate: "1946-11-01" }))).toBe(true);
    expect(ok(r.age(80), person({ birthDate: "1946-11-02" }))).toBe(false);
  });

  it("ageBySex: the range follows the person's sex", () => {
    const rule = r.ageBySex({ min: 49, max: 59 }, { min: 49, max: 54 });
    const cases: [("male" | "female"), number, boolean][] = [
      ["male", 48, false],
      ["male", 49, true],
      ["male", 59, true],
      ["male", 60, false],
      ["female", 48, false],
      ["female", 54, true],
      ["female", 55, false],
    ];
    expect(cases.map(([sex, age]) => ok(rule, person({ sex, age })))).toEqual(cases.map((c) => c[2]));
    expect(zh(evaluateRule(rule, person({ sex: "female", age: 55 })).reasons)).toEqual(["女性，年龄 55 周岁，不在女性 49–54 周岁范围内，不满足"]);
    expect(zh(evaluateRule(r.ageBySex({ min: 60 }, { min: 55 }), person({ sex: "male", age: 59 })).reasons)).toEqual([
      "男性，年龄 59 周岁，未满男性 60 周岁，不满足",
    ]);
  });

  it("sex", () => {
    const rule: TRule = { kind: "sex", is: "male" };
    expect([ok(rule, person({ sex: "male" })), ok(rule, person({ sex: "female" }))]).toEqual([true, false]);
    expect(zh(evaluateRule(rule, person({ sex: "female" })).reasons)).toEqual(["性别为女性，不满足（须为男性）"]);
  });

  it("hukou: local and non-local", () => {
    expect([ok(r.local(), person({ local: true })), ok(r.local(), person({ local: false }))]).toEqual([true, false]);
    expect([ok(r.nonLocal(), person({ local: true })), ok(r.nonLocal(), person({ local: false }))]).toEqual([false, true]);
    expect(zh(evaluateRule(r.local(), person({ local: false })).reasons)).toEqual(["户籍不在本县，不满足"]);
    expect(zh(evaluateRule(r.local(), person({ local: true })).reasons)).toEqual(["本县户籍，满足"]);
    expect(zh(evaluateRule(r.nonLocal(), person({ local: true })).reasons)).toEqual(["本县户籍，不满足（须为外地户籍）"]);
  });

  it("residence: urban, rural, unknown", () => {
    const rule = r.residence("urban");
    expect([ok(rule, person({ residence: "urban" })), ok(rule, person({ residence: "rural" })), ok(rule, person({ residence: null }))]).toEqual([true, false, false]);
    expect(zh(evaluateRule(rule, person({ residence: "rural" })).reasons)).toEqual(["居住在农村，不满足（须居住在城镇）"]);
    expect(zh(evaluateRule(rule, person({ residence: null })).reasons)).toEqual(["城乡属性未登记，无法确认居住在城镇，不满足"]);
  });

  it("alive", () => {
    expect([ok(r.alive(), person({})), ok(r.alive(), person({ alive: false }))]).toEqual([true, false]);
    expect(zh(evaluateRule(r.alive(), person({ alive: false })).reasons)).toEqual(["已去世，不满足"]);
  });

  it("circumstances: anyOf, allOf, noneOf, each with its own reason", () => {
    const anyOf = r.anyOf("dibao", "tekun_dispersed");
    expect([ok(anyOf, person({ circumstances: ["tekun_dispersed"] })), ok(anyOf, person({ circumstances: ["dibao_edge"] }))]).toEqual([true, false]);
    expect(zh(evaluateRule(anyOf, person({ circumstances: ["tekun_dispersed", "living_alone"] })).reasons)).toEqual(["属于分散供养特困人员，满足"]);
    expect(zh(evaluateRule(anyOf, person({})).reasons)).toEqual(["不属于低保对象、分散供养特困人员中的任何一类，不满足"]);
    expect(zh(evaluateRule(r.anyOf("vagrant"), person({})).reasons)).toEqual(["不属于生活无着的流浪乞讨人员，不满足"]);

    const allOf = r.allOf("dibao", "living_alone");
    expect([ok(allOf, person({ circumstances: ["dibao", "living_alone"] })), ok(allOf, person({ circumstances: ["dibao"] }))]).toEqual([true, false]);
    expect(zh(evaluateRule(allOf, person({ circumstances: ["dibao"] })).reasons)).toEqual(["不属于独居老年人，不满足"]);

    const noneOf = r.noneOf("tekun_dispersed", "tekun_centralized");
    expect([ok(noneOf, person({})), ok(noneOf, person({ circumstances: ["tekun_centralized"] }))]).toEqual([true, false]);
    expect(zh(evaluateRule(noneOf, person({ circumstances: ["tekun_centralized"] })).reasons)).toEqual(["属于集中供养特困人员，不满足"]);

    const combined: TRule = { kind: "circumstances", anyOf: ["dibao"], noneOf: ["tekun_dispersed"] };
    const both = evaluateRule(combined, person({ circumstances: ["dibao", "tekun_dispersed"] }));
    expect([both.ok, both.reasons.map((x) => x.ok)]).toEqual([false, [true, false]]);
  });

  it("economicHardship: the catalogue's list or an override", () => {
    const rule = r.hardship();
    expect(["low_income", "dibao", "dibao_edge", "tekun_dispersed", "tekun_centralized"].map((c) => ok(rule, person({ circumstances: [c as "dibao"] })))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(ok(rule, person({ circumstances: ["living_alone"] }))).toBe(false);
    expect(evaluateRule(rule, person({ circumstances: ["dibao_edge"] }), { economicHardship: ["dibao", "low_income"] }).ok).toBe(false);
    expect(ok({ kind: "economicHardship", circumstances: ["dibao"] }, person({ circumstances: ["low_income"] }))).toBe(false);
    expect(zh(evaluateRule(rule, person({ circumstances: ["dibao", "living_alone"] })).reasons)).toEqual(["属于经济困难老年人（低保对象），满足"]);
  });

  it("disability: any certificate, grade range, categories", () => {
    expect([ok(r.disabled(), person({ disability: { grade: 4 } })), ok(r.disabled(), person({}))]).toEqual([true, false]);
    const severe = r.disabilityGrade(1, 2);
    expect([1, 2, 3, 4].map((grade) => ok(severe, person({ disability: { grade: grade as 1 } })))).toEqual([true, true, false, false]);
    const mental = r.disabilityGrade(3, 4, ["intellectual", "mental"]);
    expect([
      ok(mental, person({ disability: { grade: 3, category: "mental" } })),
      ok(mental, person({ disability: { grade: 3, category: "visual" } })),
      ok(mental, person({ disability: { grade: 2, category: "mental" } })),
    ]).toEqual([true, false, false]);
    expect(zh(evaluateRule(r.disabled(), person({ disability: { grade: 2, category: "hearing" } })).reasons)).toEqual(["持残疾人证（听力残疾2 级），满足"]);
    expect(zh(evaluateRule(severe, person({ disability: { grade: 3 } })).reasons)).toEqual(["残疾等级 3 级，不在 1–2 级范围内，不满足"]);
    expect(zh(evaluateRule(r.disabilityGrade(1, 1), person({ disability: { grade: 1 } })).reasons)).toEqual(["残疾等级 1 级，满足 1 级"]);
    expect(zh(evaluateRule(mental, person({ disability: { grade: 3, category: "visual" } })).reasons)).toEqual([
      "残疾等级 3 级，满足 3–4 级",
      "残疾类别为视力残疾，不属于智力残疾、精神残疾，不满足",
    ]);
    expect(zh(evaluateRule(severe, person({})).reasons)).toEqual(["未持残疾人证，不满足"]);
  });

  it("capability: set or range of levels, missing assessment", () => {
    expect([0, 1, 2, 3, 4].map((level) => ok(r.capability(3, 4), person({ level: level as 0 })))).toEqual([false, false, false, true, true]);
    expect([0, 1, 2, 3, 4].map((level) => ok({ kind: "capability", levels: [0, 4] }, person({ level: level as 0 })))).toEqual([true, false, false, false, true]);
    expect([1, 2, 3].map((level) => ok({ kind: "capability", levels: [1, 2, 3], max: 2 }, person({ level: level as 0 })))).toEqual([true, true, false]);
    expect(ok(r.capability(0), person({ level: null }))).toBe(false);
    expect(zh(evaluateRule(r.capability(3, 4), person({ level: 2 })).reasons)).toEqual(["能力等级为中度失能，不满足（须为重度失能、完全失能）"]);
    expect(zh(evaluateRule(r.capability(4, 4), person({ level: null })).reasons)).toEqual(["尚无有效的能力评估结果，不满足（须为完全失能）"]);
  });

  it("manualCheck always holds and says what to check; institution never holds", () => {
    const check = evaluateRule(r.check("持老年证"), person({}));
    expect([check.ok, zh(check.reasons)]).toEqual([true, ["另需核实：持老年证"]]);
    const institution = evaluateRule(r.institution(), person({}));
    expect([institution.ok, zh(institution.reasons)]).toEqual([false, ["本项目面向养老服务机构，不适用于个人"]]);
  });
});

describe("combinators", () => {
  it("and evaluates every predicate so every reason is shown", () => {
    const result = evaluateRule(r.person(r.local(), r.age(80)), person({ age: 70, local: false }));
    expect(result.ok).toBe(false);
    expect(keys(result.reasons)).toEqual(["0:alive.ok", "0:hukou.local.fail", "0:age.atLeast.fail"]);
  });

  it("an empty and holds", () => {
    expect(evaluateRule(r.and(), person({})).ok).toBe(true);
  });

  it("or shows only the branch that qualifies, or every branch when none does", () => {
    const rule = r.or(r.anyOf("tekun_dispersed"), r.and(r.anyOf("dibao"), r.age(80)));
    const second = evaluateRule(rule, person({ age: 85, circumstances: ["dibao"] }));
    expect([second.ok, keys(second.reasons)]).toEqual([true, ["0:anyOf.ok", "1:allOf.ok", "2:circumstances.anyOf.ok", "2:age.atLeast.ok"]]);
    const none = evaluateRule(rule, person({ age: 70, circumstances: ["dibao"] }));
    expect([none.ok, keys(none.reasons)]).toEqual([
      false,
      ["0:anyOf.fail", "1:circumstances.anyOf.failOne", "1:allOf.fail", "2:circumstances.anyOf.ok", "2:age.atLeast.fail"],
    ]);
    expect(zh(none.reasons)[0]).toBe("以下条件均不满足：");
  });

  it("not inverts and keeps the inner reasons", () => {
    const rule = r.not(r.anyOf("tekun_centralized"));
    const yes = evaluateRule(rule, person({}));
    expect([yes.ok, keys(yes.reasons)]).toEqual([true, ["0:not.ok", "1:circumstances.anyOf.failOne"]]);
    const no = evaluateRule(rule, person({ circumstances: ["tekun_centralized"] }));
    expect([no.ok, zh(no.reasons)]).toEqual([false, ["属于以下情形，不满足：", "属于集中供养特困人员，满足"]]);
  });

  it("gives the same answer with and without reasons", () => {
    const rule = r.person(r.or(r.and(r.anyOf("dibao"), r.capability(3)), r.not(r.local())), r.age(60));
    const facts = [
      person({ age: 70, circumstances: ["dibao"], level: 3 }),
      person({ age: 70, circumstances: ["dibao"], level: 2 }),
      person({ age: 70, local: false }),
      person({ age: 59, local: false }),
      person({ age: 70, alive: false, local: false }),
    ];
    const catalogue = ZCatalogue.parse(
      minimalCatalogue([defineItem({ ...BASE_ITEM, code: "999999-01", eligibility: rule, amount: a.monthly(a.yuan(1)), delivery: "monthly_cash" })]),
    );
    const fast = createEvaluator(catalogue, {}, { withReasons: false });
    const full = createEvaluator(catalogue);
    expect(facts.map((f) => fast(f)[0].eligible)).toEqual([true, false, true, false, false]);
    expect(facts.map((f) => full(f)[0].eligible)).toEqual([true, false, true, false, false]);
    expect(fast(facts[0])[0].reasons).toEqual([]);
  });
});

describe("amounts", () => {
  it("fixed monthly and one-off", () => {
    expect(evaluateAmount(a.monthly(a.yuan(50)), person({}))).toMatchObject({ monthlyAmountFen: 5000, oneOffAmountFen: null });
    expect(evaluateAmount(a.oneOff(a.yuan(2000)), person({}))).toMatchObject({ monthlyAmountFen: null, oneOffAmountFen: 200000 });
    expect(zh(evaluateAmount(a.oneOff(a.yuan(2000), { upTo: true }), person({})).reasons)).toEqual(["金额：一次性，最高 2000 元"]);
    expect(evaluateAmount(a.none(), person({}))).toEqual({ monthlyAmountFen: null, oneOffAmountFen: null, reasons: [] });
  });

  it("one-off caps limit the computed amount", () => {
    const rule = a.oneOff(a.param("training"), { capFen: 400000 });
    expect(evaluateAmount(rule, person({}), { training: 500000 }).oneOffAmountFen).toBe(400000);
    expect(evaluateAmount(rule, person({}), { training: 300000 }).oneOffAmountFen).toBe(300000);
    expect(zh(evaluateAmount(rule, person({}), { training: 500000 }, { training: "培训补助" }).reasons)).toEqual([
      "按县级参数「培训补助」5000 元",
      "超过上限，按上限 4000 元计",
      "金额：一次性 4000 元",
    ]);
  });

  it("tiers: the first matching tier wins; otherwise; no tier", () => {
    const tiers = a.monthly(
      a.tiers([
        [r.age(70, 79), a.yuan(50)],
        [r.age(75), a.yuan(999)], // overlaps 75–79: never reached there
        [r.age(80, 89), a.yuan(100)],
      ]),
    );
    expect([70, 79, 80, 95, 69].map((age) => evaluateAmount(tiers, person({ age })).monthlyAmountFen)).toEqual([5000, 5000, 99900, 99900, null]);
    expect(zh(evaluateAmount(tiers, person({ age: 69 })).reasons)).toEqual(["没有适用的金额档，金额无法确定"]);
    const withOtherwise = a.monthly(a.tiers([[r.age(80), a.yuan(70)]], a.yuan(30)));
    expect([evaluateAmount(withOtherwise, person({ age: 80 })).monthlyAmountFen, evaluateAmount(withOtherwise, person({ age: 79 })).monthlyAmountFen]).toEqual([7000, 3000]);
    expect(zh(evaluateAmount(withOtherwise, person({ age: 79 })).reasons)).toEqual(["不属于以上各档，适用其他档", "金额：每月 30 元"]);
  });

  it("tier reasons name the tier by its dimension", () => {
    const byAge = evaluateAmount(a.monthly(a.tiers([[r.age(80, 89), a.yuan(100)]])), person({ age: 85 }));
    expect(zh(byAge.reasons)).toEqual(["年龄 85 周岁，满足 80–89 周岁档", "金额：每月 100 元"]);
    const byLevel = evaluateAmount(a.monthly(a.tiers([[r.capability(2, 3), a.yuan(324)]])), person({ level: 3 }));
    expect(zh(byLevel.reasons)[0]).toBe("能力等级为重度失能，适用中度失能、重度失能档");
    const byGrade = evaluateAmount(a.monthly(a.tiers([[r.disabilityGrade(1, 1), a.yuan(120)]])), person({ disability: { grade: 1 } }));
    expect(zh(byGrade.reasons)[0]).toBe("残疾等级 1 级，适用 1 级档");
    const byResidence = evaluateAmount(a.oneOff(a.tiers([[r.residence("rural"), a.yuan(2000)]])), person({ residence: "rural" }));
    expect(zh(byResidence.reasons)[0]).toBe("居住在农村，适用农村档");
    const bySex = evaluateAmount(a.monthly(a.tiers([[r.ageBySex({ min: 60 }, { min: 55 }), a.yuan(1200)]])), person({ sex: "female", age: 55 }));
    expect(zh(bySex.reasons)[0]).toBe("女性，年龄 55 周岁，满足女性 55 周岁及以上档");
    const generic = evaluateAmount(a.monthly(a.tiers([[r.and(r.anyOf("dibao"), r.capability(4, 4)), a.yuan(1)]])), person({ circumstances: ["dibao"], level: 4 }));
    expect(keys(generic.reasons)).toEqual(["0:amount.tier.generic", "1:circumstances.anyOf.ok", "1:capability.ok", "0:amount.monthly"]);
  });

  it("parameters: value × numerator / denominator with explicit rounding, in integers", () => {
    const thirtyPercent = (rounding: "ceil" | "floor" | "halfUp") => a.monthly(a.param("dibao", 30, 100, rounding));
    const at = (value: number, rounding: "ceil" | "floor" | "halfUp") => evaluateAmount(thirtyPercent(rounding), person({}), { dibao: value }).monthlyAmountFen;
    expect([at(70000, "ceil"), at(70001, "ceil"), at(70001, "floor"), at(70001, "halfUp"), at(70002, "halfUp")]).toEqual([21000, 21001, 21000, 21000, 21001]);
    // 0.1 + 0.2 style float errors cannot occur: 1.3 × 0.70 yuan computed as 70 × 13 / 10.
    expect(evaluateAmount(a.monthly(a.param("dibao", 13, 10)), person({}), { dibao: 70 }).monthlyAmountFen).toBe(91);
    expect(evaluateAmount(a.monthly(a.param("dibao")), person({}), { dibao: 65000 }).monthlyAmountFen).toBe(65000);
  });

  it("an unset parameter leaves the amount null with a reason", () => {
    const result = evaluateAmount(a.monthly(a.param("longevity")), person({}), { longevity: null }, { longevity: "高龄津贴标准" });
    expect([result.monthlyAmountFen, zh(result.reasons)]).toEqual([null, ["金额由县级参数「高龄津贴标准」确定，尚未设置"]]);
    expect(renderReasons(result.reasons, "en")).toEqual(['Amount set by the county parameter "高龄津贴标准" (longevity), not yet set']);
  });

  it("sum adds parts and is null when any part is, reporting every unset part", () => {
    const rule = a.monthly(a.sum(a.param("base"), a.param("care", 2, 1), a.yuan(10)));
    expect(evaluateAmount(rule, person({}), { base: 1000, care: 300 }).monthlyAmountFen).toBe(1000 + 600 + 1000);
    const missing = evaluateAmount(rule, person({}), { base: null, care: null });
    expect([missing.monthlyAmountFen, keys(missing.reasons)]).toEqual([null, ["0:amount.paramUnset", "0:amount.paramUnset"]]);
  });

  it("case by case amounts are null and say so", () => {
    const result = evaluateAmount(a.caseByCase("oneOff"), person({}));
    expect([result.oneOffAmountFen, zh(result.reasons)]).toEqual([null, ["金额按个案一次性核定"]]);
  });
});

const BASE_ITEM = {
  row: "1",
  name: "测试项目",
  content: "内容",
  target: "对象",
  serviceTypes: ["material_aid" as const],
  leadDepartments: ["县民政局"],
  delivery: "monthly_cash" as const,
};

function minimalCatalogue(items: TCatalogueInput["items"], parameters: TCatalogueInput["parameters"] = []): TCatalogueInput {
  return {
    countyCode: "999999",
    countyName: "测试县",
    version: 1,
    versionLabel: "测试",
    effectiveFrom: "2024-01-01",
    effectiveFromBasis: "测试",
    source: { title: "测试", documentNumber: null, issuedOn: null, file: "test" },
    economicHardship: ["dibao"],
    parameters,
    items,
  };
}

describe("evaluateCatalogue", () => {
  const catalogue = ZCatalogue.parse(
    minimalCatalogue(
      [
        defineItem({ ...BASE_ITEM, code: "999999-01", name: "甲", eligibility: r.person(r.age(80)), amount: a.monthly(a.param("a_amount")), exclusions: ["999999-02", "999999-03"] }),
        defineItem({ ...BASE_ITEM, code: "999999-02", name: "乙", eligibility: r.person(r.age(90)), amount: a.monthly(a.yuan(200)), exclusions: ["999999-01"] }),
        defineItem({ ...BASE_ITEM, code: "999999-03", name: "丙", eligibility: r.person(r.age(95)), amount: a.monthly(a.yuan(300)), exclusions: ["999999-01"] }),
        defineItem({ ...BASE_ITEM, code: "999999-04", name: "丁", eligibility: r.person(r.hardship()), amount: a.monthly(a.yuan(10)) }),
        defineItem({ ...BASE_ITEM, code: "999999-05", name: "戊", delivery: "information", eligibility: r.person(r.age(60)), amount: a.none() }),
      ],
      [{ name: "a_amount", label: "甲标准", unit: "fen_per_month", defaultFen: 10000, basis: "测试" }],
    ),
  );

  it("answers every item in catalogue order with code, name, eligibility, amounts and reasons", () => {
    const results = evaluateCatalogue(catalogue, person({ age: 85, circumstances: ["dibao"] }));
    expect(results.map((x) => [x.code, x.name, x.eligible, x.monthlyAmountFen, x.oneOffAmountFen, x.excludedBy])).toEqual([
      ["999999-01", "甲", true, 10000, null, null],
      ["999999-02", "乙", false, null, null, null],
      ["999999-03", "丙", false, null, null, null],
      ["999999-04", "丁", true, 1000, null, null],
      ["999999-05", "戊", true, null, null, null],
    ]);
    // The catalogue's economicHardship list applies: low_income is not listed in this catalogue.
    expect(evaluateCatalogue(catalogue, person({ age: 85, circumstances: ["low_income"] }))[3].eligible).toBe(false);
  });

  it("not eligible → no amount", () => {
    expect(evaluateCatalogue(catalogue, person({ age: 70 }))[0]).toMatchObject({ eligible: false, monthlyAmountFen: null });
  });

  it("exclusions keep the higher amount", () => {
    const results = evaluateCatalogue(catalogue, person({ age: 92 }));
    expect(results.slice(0, 3).map((x) => [x.eligible, x.monthlyAmountFen, x.excludedBy])).toEqual([
      [false, null, "999999-02"],
      [true, 20000, null],
      [false, null, null],
    ]);
  });

  it("exclusions: parameters change the winner; ties go to the item declared first", () => {
    const higher = evaluateCatalogue(catalogue, person({ age: 92 }), { a_amount: 25000 });
    expect(higher.slice(0, 2).map((x) => [x.eligible, x.monthlyAmountFen, x.excludedBy])).toEqual([
      [true, 25000, null],
      [false, null, "999999-01"],
    ]);
    const tie = evaluateCatalogue(catalogue, person({ age: 92 }), { a_amount: 20000 });
    expect(tie.slice(0, 2).map((x) => [x.eligible, x.excludedBy])).toEqual([
      [true, null],
      [false, "999999-01"],
    ]);
    expect(tie[1].reasons.at(-1)!.key).toBe("exclusion.lostByPriority");
  });

  it("exclusions are not transitive: 乙 and 丙 do not exclude each other", () => {
    const results = evaluateCatalogue(catalogue, person({ age: 96 }));
    expect(results.slice(0, 3).map((x) => [x.eligible, x.monthlyAmountFen, x.excludedBy])).toEqual([
      [false, null, "999999-03"],
      [true, 20000, null],
      [true, 30000, null],
    ]);
  });

  it("an unknown amount ranks below a known one", () => {
    const results = evaluateCatalogue(catalogue, person({ age: 92 }), { a_amount: null });
    expect(results.slice(0, 2).map((x) => [x.eligible, x.excludedBy])).toEqual([
      [false, "999999-02"],
      [true, null],
    ]);
  });

  it("rejects parameter values that are not whole non-negative fen; ignores unknown names", () => {
    expect(() => evaluateCatalogue(catalogue, person({}), { a_amount: 12.5 })).toThrow(RangeError);
    expect(() => evaluateCatalogue(catalogue, person({}), { a_amount: -1 })).toThrow(RangeError);
    expect(evaluateCatalogue(catalogue, person({ age: 85 }), { not_in_catalogue: 5 })[0].monthlyAmountFen).toBe(10000);
  });

  it("a deceased person is eligible for nothing", () => {
    expect(evaluateCatalogue(catalogue, person({ age: 96, alive: false, circumstances: ["dibao"] })).map((x) => x.eligible)).toEqual([false, false, false, false, false]);
  });
});
