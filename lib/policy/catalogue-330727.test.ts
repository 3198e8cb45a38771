// 磐安县 (330727): every item of the catalogue at its boundaries, as of 2026-11-01.
import { describe, expect, it } from "vitest";
import { countyHarness } from "@/lib/policy/test-harness";
import { renderReasons } from "@/lib/policy/evaluate";

const h = countyHarness("330727");
const { check, checkMinAge } = h;

describe("磐安县 catalogue", () => {
  it("has every row of the table", () => {
    const codes = h.catalogue.items.map((i) => i.code);
    expect(codes).toHaveLength(31);
    expect(codes.filter((c) => /-(09|10|22)-/.test(c))).toEqual(["330727-09-1", "330727-09-2", "330727-10-1", "330727-10-2", "330727-22-1", "330727-22-2"]);
    expect(h.catalogue.effectiveFrom).toBe("2024-01-01");
  });

  it("issue example: local person born 1926-01-01 gets 40000 in all from 高龄津贴/长寿保健补助, not both", () => {
    const results = h.run({ birthDate: "1926-01-01" });
    const pair = ["330727-09-1", "330727-09-2"].map((code) => results.get(code)!);
    expect(pair.map((r) => [r.eligible, r.monthlyAmountFen, r.excludedBy])).toEqual([
      [false, null, "330727-09-2"],
      [true, 40000, null],
    ]);
    expect(pair.reduce((sum, r) => sum + (r.monthlyAmountFen ?? 0), 0)).toBe(40000);
    expect(renderReasons(pair[0].reasons).at(-1)).toBe("与「长寿保健补助」不重复享受，按就高原则享受「长寿保健补助」");
    expect(renderReasons(pair[1].reasons).at(-1)).toBe("与「高龄津贴」不重复享受，本项金额较高或优先，予以享受");
    h.covered.add("330727-09-1").add("330727-09-2");
  });

  it("01–08: pensions, assessment, services, health check from 65, local accident insurance", () => {
    for (const code of ["330727-01", "330727-02", "330727-03", "330727-04", "330727-06", "330727-07"]) checkMinAge(code, 60);
    checkMinAge("330727-05", 65);
    checkMinAge("330727-08", 60);
    check("330727-08", { age: 70, local: false }, { eligible: false });
  });

  it("09 高龄津贴 ¥60 from 80 and 长寿保健补助 ¥400 from 100, local only", () => {
    check("330727-09-1", { age: 79 }, { eligible: false });
    check("330727-09-1", { age: 80 }, { eligible: true, monthly: 6000 });
    check("330727-09-1", { age: 99 }, { eligible: true, monthly: 6000 });
    const at100 = check("330727-09-1", { age: 100 }, { eligible: false });
    expect(at100.excludedBy).toBe("330727-09-2");
    check("330727-09-1", { age: 85, local: false }, { eligible: false });
    check("330727-09-2", { age: 99 }, { eligible: false });
    check("330727-09-2", { age: 100 }, { eligible: true, monthly: 40000 });
    check("330727-09-2", { age: 103 }, { eligible: true, monthly: 40000 });
    check("330727-09-2", { age: 100, local: false }, { eligible: false });
    check("330727-09-2", { age: 100, alive: false }, { eligible: false });
  });

  it("10 老年节: 慰问金 90–99 (parameter), visits from 100", () => {
    check("330727-10-1", { age: 89 }, { eligible: false });
    check("330727-10-1", { age: 90 }, { eligible: true, oneOff: null });
    check("330727-10-1", { age: 99 }, { eligible: true, oneOff: 20000 }, { elderly_day_gift: 20000 });
    check("330727-10-1", { age: 100 }, { eligible: false });
    check("330727-10-2", { age: 99 }, { eligible: false });
    check("330727-10-2", { age: 100 }, { eligible: true });
  });

  it("11–14: items for 经济困难的老年人", () => {
    check("330727-11", { age: 60, circumstances: ["low_income"] }, { eligible: true, monthly: null });
    check("330727-11", { age: 60, circumstances: ["dibao_edge"] }, { eligible: true, monthly: 10000 }, { service_subsidy_monthly: 10000 });
    check("330727-11", { age: 60 }, { eligible: false });
    check("330727-11", { age: 59, circumstances: ["dibao"] }, { eligible: false });

    check("330727-12", { age: 60, circumstances: ["dibao_edge"] }, { eligible: true });
    check("330727-12", { age: 60, circumstances: ["tekun_centralized"] }, { eligible: true });
    check("330727-12", { age: 60, circumstances: ["low_income"] }, { eligible: false });

    check("330727-13", { age: 60, circumstances: ["tekun_dispersed"] }, { eligible: true, oneOff: 500000 }, { home_adaptation_standard: 500000 });
    check("330727-13", { age: 60 }, { eligible: false });

    check("330727-14", { age: 60, circumstances: ["low_income"] }, { eligible: true, oneOff: 1600000 });
    check("330727-14", { age: 60 }, { eligible: false });
  });

  it("15 护理补贴: 低保 three tiers by level, 低保边缘 at 50% rounded up", () => {
    const params = {
      zj_severe_disability_care_full_monthly: 30001,
      zj_severe_disability_care_basic_monthly: 20000,
      zj_severe_disability_care_partial_monthly: 10000,
    };
    check("330727-15", { age: 60, circumstances: ["dibao"], level: 4 }, { eligible: true, monthly: 30001 }, params);
    check("330727-15", { age: 60, circumstances: ["dibao"], level: 3 }, { eligible: true, monthly: 20000 }, params);
    check("330727-15", { age: 60, circumstances: ["dibao"], level: 2 }, { eligible: true, monthly: 10000 }, params);
    const edge = check("330727-15", { age: 60, circumstances: ["dibao_edge"], level: 4 }, { eligible: true, monthly: 15001 }, params);
    expect(renderReasons(edge.reasons)).toContain(
      "按县级参数「省重度残疾人护理补贴标准·生活完全不能自理档（每人每月）」300.01 元 × 50/100（不足 1 分按 1 分计）= 150.01 元",
    );
    check("330727-15", { age: 60, circumstances: ["dibao_edge"], level: 2 }, { eligible: true, monthly: 5000 }, params);
    check("330727-15", { age: 60, circumstances: ["dibao"], level: 1 }, { eligible: false }, params);
    check("330727-15", { age: 60, circumstances: ["low_income"], level: 4 }, { eligible: false }, params);
    check("330727-15", { age: 60, circumstances: ["dibao"], level: 4 }, { eligible: true, monthly: null });
  });

  it("16–19: family support, 低保, 特困 dispersed and centralized", () => {
    check("330727-16", { age: 60, level: 2 }, { eligible: true });
    check("330727-16", { age: 60, level: 1 }, { eligible: false });
    checkMinAge("330727-17", 60, { circumstances: ["dibao"] });
    check("330727-17", { age: 60 }, { eligible: false });
    check("330727-18", { age: 60, circumstances: ["tekun_dispersed"] }, { eligible: true, monthly: 120000 }, { tekun_basic_living_standard_monthly: 120000 });
    check("330727-18", { age: 60, circumstances: ["tekun_centralized"] }, { eligible: false });
    check("330727-19", { age: 60, circumstances: ["tekun_centralized"] }, { eligible: true, monthly: null });
    check("330727-19", { age: 59, circumstances: ["tekun_centralized"] }, { eligible: false });
  });

  it("20 探访服务: includes 经济困难", () => {
    check("330727-20", { age: 60, circumstances: ["low_income"] }, { eligible: true });
    check("330727-20", { age: 60, circumstances: ["living_alone"] }, { eligible: true });
    check("330727-20", { age: 60, disability: { grade: 1 } }, { eligible: true });
    check("330727-20", { age: 60 }, { eligible: false });
  });

  it("21 机构养老 for 计划生育特殊家庭", () => {
    checkMinAge("330727-21", 60, { circumstances: ["fp_only_child_deceased"] });
    check("330727-21", { age: 70 }, { eligible: false });
  });

  it("22 disability: living allowance for 低保/低保边缘 except 特困; care allowance for grade 1–2 or grade 3–4 intellectual/mental", () => {
    check("330727-22-1", { age: 60, disability: { grade: 4 }, circumstances: ["dibao_edge"] }, { eligible: true, monthly: null });
    check("330727-22-1", { age: 60, disability: { grade: 4 }, circumstances: ["dibao"] }, { eligible: true, monthly: 12000 }, { hardship_disability_living_allowance_monthly: 12000 });
    const tekun = check("330727-22-1", { age: 60, disability: { grade: 4 }, circumstances: ["dibao", "tekun_dispersed"] }, { eligible: false });
    expect(renderReasons(tekun.reasons)).toContain("属于分散供养特困人员，不满足");
    check("330727-22-1", { age: 60, disability: { grade: 4 }, circumstances: ["low_income"] }, { eligible: false });

    check("330727-22-2", { age: 60, disability: { grade: 1 } }, { eligible: true });
    check("330727-22-2", { age: 60, disability: { grade: 3, category: "intellectual" } }, { eligible: true });
    check("330727-22-2", { age: 60, disability: { grade: 4, category: "mental" } }, { eligible: true, monthly: 9000 }, { severe_disability_care_allowance_monthly: 9000 });
    check("330727-22-2", { age: 60, disability: { grade: 3, category: "physical" } }, { eligible: false });
    check("330727-22-2", { age: 59, disability: { grade: 1 } }, { eligible: false });
  });

  it("23–26: 流浪乞讨, veterans, 见义勇为", () => {
    checkMinAge("330727-23", 60, { circumstances: ["vagrant"] });
    checkMinAge("330727-24", 60, { circumstances: ["martyr_family"] });
    check("330727-24", { age: 70, circumstances: ["demobilized_soldier"] }, { eligible: true });
    check("330727-24", { age: 70 }, { eligible: false });
    checkMinAge("330727-25", 60, { circumstances: ["disabled_veteran"] });
    check("330727-25", { age: 70 }, { eligible: false });
    check("330727-26", { age: 60, disability: { grade: 2 }, level: 2 }, { eligible: true });
    check("330727-26", { age: 60, disability: { grade: 2 }, level: 1 }, { eligible: false });
    check("330727-26", { age: 60, level: 4 }, { eligible: false });
  });

  it("27 投靠子女落户: non-local, men from 60 and women from 55", () => {
    check("330727-27", { age: 59, sex: "male", local: false }, { eligible: false });
    check("330727-27", { age: 60, sex: "male", local: false }, { eligible: true });
    check("330727-27", { age: 54, sex: "female", local: false }, { eligible: false });
    const woman = check("330727-27", { age: 55, sex: "female", local: false }, { eligible: true });
    expect(renderReasons(woman.reasons).slice(0, 3)).toEqual(["健在，满足", "户籍不在本县，满足（须为外地户籍）", "女性，年龄 55 周岁，满足女性 55 周岁及以上"]);
    check("330727-27", { age: 70, sex: "male", local: true }, { eligible: false });
  });

  it("28 山区居家养老服务", () => {
    checkMinAge("330727-28", 60);
  });

  it("checked every item", () => {
    expect(h.uncovered()).toEqual([]);
  });
});
