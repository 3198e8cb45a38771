// 陆良县 (530322): every item of the catalogue at its boundaries, as of 2026-11-01.
import { describe, expect, it } from "vitest";
import { countyHarness } from "@/lib/policy/test-harness";
import { renderReasons } from "@/lib/policy/evaluate";

const h = countyHarness("530322");
const { check, checkMinAge } = h;

describe("陆良县 catalogue", () => {
  it("has every row of the table", () => {
    const codes = h.catalogue.items.map((i) => i.code);
    expect(codes).toHaveLength(30);
    expect(codes.slice(0, 4)).toEqual(["530322-01", "530322-02", "530322-03-1", "530322-03-2"]);
    expect(codes).toContain("530322-23-1");
    expect(codes).toContain("530322-23-2");
    expect(codes.at(-1)).toBe("530322-28");
    expect(h.catalogue.effectiveFrom).toBe("2023-07-05");
  });

  it("issue example: local person born 1926-10-01 gets 长寿补助 30000", () => {
    const r = check("530322-03-2", { birthDate: "1926-10-01" }, { eligible: true, monthly: 30000 });
    expect(r.name).toBe("高龄津贴（长寿补助）");
    check("530322-03-1", { birthDate: "1926-10-01" }, { eligible: false });
  });

  it("01–02 pensions from 60", () => {
    checkMinAge("530322-01", 60);
    checkMinAge("530322-02", 60);
  });

  it("03 高龄津贴: 80–99 ¥50 保健补助, 100+ ¥300 长寿补助, local only", () => {
    check("530322-03-1", { age: 79 }, { eligible: false });
    check("530322-03-1", { age: 80 }, { eligible: true, monthly: 5000 });
    check("530322-03-1", { age: 99 }, { eligible: true, monthly: 5000 });
    check("530322-03-1", { age: 100 }, { eligible: false });
    check("530322-03-1", { age: 85, local: false }, { eligible: false });
    check("530322-03-2", { age: 99 }, { eligible: false });
    check("530322-03-2", { age: 100 }, { eligible: true, monthly: 30000 });
    check("530322-03-2", { age: 104 }, { eligible: true, monthly: 30000 });
    check("530322-03-2", { age: 100, local: false }, { eligible: false });
    check("530322-03-2", { age: 100, alive: false }, { eligible: false });
  });

  it("04–12: universal items by age", () => {
    for (const code of ["530322-04", "530322-05", "530322-06", "530322-07", "530322-08", "530322-09", "530322-10"]) checkMinAge(code, 60);
    checkMinAge("530322-11", 65);
    checkMinAge("530322-12", 65);
  });

  it("13–15: legal services and 优抚供养", () => {
    checkMinAge("530322-13", 60);
    checkMinAge("530322-14", 60);
    checkMinAge("530322-15", 60, { circumstances: ["illness_death_family"] });
    check("530322-15", { age: 70, circumstances: ["demobilized_soldier"] }, { eligible: true });
    check("530322-15", { age: 70 }, { eligible: false });
  });

  it("16–17 特困供养: 1.3 × urban 低保 standard, rounded up to the fen", () => {
    const dispersed = { age: 60, circumstances: ["tekun_dispersed" as const] };
    check("530322-16", dispersed, { eligible: true, monthly: 104000 }, { urban_dibao_standard_monthly: 80000 });
    check("530322-16", dispersed, { eligible: true, monthly: 91002 }, { urban_dibao_standard_monthly: 70001 });
    const unset = check("530322-16", dispersed, { eligible: true, monthly: null });
    expect(renderReasons(unset.reasons).at(-1)).toBe("金额由县级参数「城市最低生活保障标准（每人每月）」确定，尚未设置");
    check("530322-16", { age: 59, circumstances: ["tekun_dispersed"] }, { eligible: false });
    check("530322-16", { age: 60, circumstances: ["tekun_centralized"] }, { eligible: false });
    check("530322-17", { age: 60, circumstances: ["tekun_centralized"] }, { eligible: true, monthly: 104000 }, { urban_dibao_standard_monthly: 80000 });
    check("530322-17", { age: 60, circumstances: ["tekun_dispersed"] }, { eligible: false });
  });

  it("18 最低生活保障: 低保 60+, case by case", () => {
    checkMinAge("530322-18", 60, { circumstances: ["dibao"] });
    check("530322-18", { age: 70, circumstances: ["dibao_edge"] }, { eligible: false });
  });

  it("19 养老服务补贴: 低保 or 分散特困 80+, ¥50", () => {
    check("530322-19", { age: 80, circumstances: ["dibao"] }, { eligible: true, monthly: 5000 });
    check("530322-19", { age: 80, circumstances: ["tekun_dispersed"] }, { eligible: true, monthly: 5000 });
    check("530322-19", { age: 79, circumstances: ["dibao"] }, { eligible: false });
    check("530322-19", { age: 85, circumstances: ["tekun_centralized"] }, { eligible: false });
    check("530322-19", { age: 85, circumstances: ["low_income"] }, { eligible: false });
  });

  it("20 养老护理补贴: 特困 and 失能, provincial standards as parameters", () => {
    const params = { tekun_care_dispersed_monthly: 30000, tekun_care_centralized_monthly: 45000 };
    check("530322-20", { age: 60, circumstances: ["tekun_dispersed"], level: 1 }, { eligible: true, monthly: null });
    check("530322-20", { age: 60, circumstances: ["tekun_dispersed"], level: 1 }, { eligible: true, monthly: 30000 }, params);
    check("530322-20", { age: 60, circumstances: ["tekun_centralized"], level: 4 }, { eligible: true, monthly: 45000 }, params);
    check("530322-20", { age: 60, circumstances: ["tekun_dispersed"], level: 0 }, { eligible: false });
    check("530322-20", { age: 60, circumstances: ["tekun_dispersed"], level: null }, { eligible: false });
    check("530322-20", { age: 60, circumstances: ["dibao"], level: 4 }, { eligible: false });
  });

  it("21–22 disability allowances: care ¥100 / ¥90 by grade, living ¥90 with hardship", () => {
    check("530322-21", { age: 60, disability: { grade: 1 } }, { eligible: true, monthly: 10000 });
    check("530322-21", { age: 60, disability: { grade: 2 } }, { eligible: true, monthly: 9000 });
    check("530322-21", { age: 60, disability: { grade: 3 } }, { eligible: false });
    check("530322-21", { age: 59, disability: { grade: 1 } }, { eligible: false });
    check("530322-22", { age: 60, disability: { grade: 3 }, circumstances: ["dibao"] }, { eligible: true, monthly: 9000 });
    check("530322-22", { age: 60, disability: { grade: 3 } }, { eligible: false });
    check("530322-22", { age: 60, circumstances: ["dibao"] }, { eligible: false });
  });

  it("23 计划生育特别扶助金: ¥590 deceased child, ¥460 disabled child, from 60", () => {
    checkMinAge("530322-23-1", 60, { circumstances: ["fp_only_child_deceased"] }, { monthly: 59000 });
    check("530322-23-1", { age: 70, circumstances: ["fp_only_child_disabled"] }, { eligible: false });
    checkMinAge("530322-23-2", 60, { circumstances: ["fp_only_child_disabled"] }, { monthly: 46000 });
    check("530322-23-2", { age: 70, circumstances: ["fp_only_child_deceased"] }, { eligible: false });
  });

  it("24 家庭适老化改造: 分散特困, or 低保 with 高龄/失能/重残; standard is a parameter", () => {
    check("530322-24", { age: 60, circumstances: ["tekun_dispersed"] }, { eligible: true, oneOff: null });
    check("530322-24", { age: 60, circumstances: ["tekun_dispersed"] }, { eligible: true, oneOff: 300000 }, { home_adaptation_standard: 300000 });
    check("530322-24", { age: 80, circumstances: ["dibao"] }, { eligible: true });
    check("530322-24", { age: 79, circumstances: ["dibao"] }, { eligible: false });
    check("530322-24", { age: 65, circumstances: ["dibao"], level: 1 }, { eligible: true });
    check("530322-24", { age: 65, circumstances: ["dibao"], disability: { grade: 2 } }, { eligible: true });
    check("530322-24", { age: 65, circumstances: ["dibao"], disability: { grade: 3 } }, { eligible: false });
    check("530322-24", { age: 85, circumstances: ["low_income"] }, { eligible: false });
  });

  it("25–26: caregiver training (失能 elder), priority admission (计生)", () => {
    check("530322-25", { age: 60, level: 1 }, { eligible: true });
    check("530322-25", { age: 60, level: 0 }, { eligible: false });
    check("530322-25", { age: 60, level: null }, { eligible: false });
    checkMinAge("530322-26", 60, { circumstances: ["fp_only_child_disabled"] });
    check("530322-26", { age: 70 }, { eligible: false });
  });

  it("27 居家探访关爱: at home, with a listed hardship (贫困 = economic hardship)", () => {
    check("530322-27", { age: 60, circumstances: ["living_alone"] }, { eligible: true });
    check("530322-27", { age: 60, circumstances: ["dibao"] }, { eligible: true });
    check("530322-27", { age: 60, disability: { grade: 1 } }, { eligible: true });
    check("530322-27", { age: 60, circumstances: ["tekun_centralized", "living_alone"] }, { eligible: false });
    check("530322-27", { age: 60 }, { eligible: false });
    check("530322-27", { age: 59, circumstances: ["empty_nest"] }, { eligible: false });
  });

  it("28 流浪乞讨救助", () => {
    checkMinAge("530322-28", 60, { circumstances: ["vagrant"] });
    check("530322-28", { age: 60 }, { eligible: false });
  });

  it("checked every item", () => {
    expect(h.uncovered()).toEqual([]);
  });
});
