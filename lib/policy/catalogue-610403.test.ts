// 杨陵区 (610403): every item of the catalogue at its boundaries, as of 2026-11-01.
import { describe, expect, it } from "vitest";
import { countyHarness } from "@/lib/policy/test-harness";
import { renderReasons } from "@/lib/policy/evaluate";

const h = countyHarness("610403");
const { check, checkMinAge } = h;

describe("杨陵区 catalogue", () => {
  it("has every row of the table", () => {
    expect(h.catalogue.items.map((i) => i.code)).toEqual([
      ...["01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14"].map((n) => `610403-${n}`),
      "610403-15-1",
      "610403-15-2",
      "610403-15-3",
      "610403-15-4",
      ...["16", "17", "18", "19", "20", "21", "22", "23", "24", "25", "26"].map((n) => `610403-${n}`),
      "610403-27-1",
      "610403-27-2",
    ]);
    expect(h.catalogue.effectiveFrom).toBe("2025-01-01");
  });

  it("issue examples: 高龄津贴 10000 for a local woman born 1941-03-15, 20000 for a man turning 90 on the day", () => {
    const woman = check("610403-04", { birthDate: "1941-03-15", sex: "female" }, { eligible: true, monthly: 10000 });
    expect(renderReasons(woman.reasons)).toEqual(["健在，满足", "本县户籍，满足", "年龄 85 周岁，满足 70 周岁及以上", "年龄 85 周岁，满足 80–89 周岁档", "金额：每月 100 元"]);
    check("610403-04", { birthDate: "1936-11-01", sex: "male" }, { eligible: true, monthly: 20000 });
    // One day younger: still 89 on 2026-11-01.
    check("610403-04", { birthDate: "1936-11-02", sex: "male" }, { eligible: true, monthly: 10000 });
  });

  it("01–03: pensions from 60, assessment from 65", () => {
    checkMinAge("610403-01", 60);
    checkMinAge("610403-02", 60);
    checkMinAge("610403-03", 65);
  });

  it("04 高龄津贴: 70–79 ¥50, 80–89 ¥100, 90–99 ¥200, 100+ ¥300, local only", () => {
    check("610403-04", { age: 69 }, { eligible: false });
    check("610403-04", { age: 70 }, { eligible: true, monthly: 5000 });
    check("610403-04", { age: 79 }, { eligible: true, monthly: 5000 });
    check("610403-04", { age: 80 }, { eligible: true, monthly: 10000 });
    check("610403-04", { age: 89 }, { eligible: true, monthly: 10000 });
    check("610403-04", { age: 90 }, { eligible: true, monthly: 20000 });
    check("610403-04", { age: 99 }, { eligible: true, monthly: 20000 });
    check("610403-04", { age: 100 }, { eligible: true, monthly: 30000 });
    check("610403-04", { age: 107 }, { eligible: true, monthly: 30000 });
    const outsider = check("610403-04", { age: 85, local: false }, { eligible: false });
    expect(renderReasons(outsider.reasons)).toContain("户籍不在本县，不满足");
    check("610403-04", { age: 85, alive: false }, { eligible: false });
  });

  it("05 养老服务补贴: 低保 and level 3–4, ¥200", () => {
    check("610403-05", { age: 60, circumstances: ["dibao"], level: 3 }, { eligible: true, monthly: 20000 });
    check("610403-05", { age: 75, circumstances: ["dibao"], level: 4 }, { eligible: true, monthly: 20000 });
    check("610403-05", { age: 75, circumstances: ["dibao"], level: 2 }, { eligible: false });
    check("610403-05", { age: 75, circumstances: ["dibao"], level: null }, { eligible: false });
    check("610403-05", { age: 75, circumstances: ["dibao_edge"], level: 4 }, { eligible: false });
    check("610403-05", { age: 59, circumstances: ["dibao"], level: 4 }, { eligible: false });
  });

  it("06 家庭适老化改造: rural ¥2000, urban ¥4000, other grade-2 hardship households ¥2500", () => {
    check("610403-06", { age: 60, circumstances: ["tekun_dispersed"], residence: "rural" }, { eligible: true, oneOff: 200000 });
    check("610403-06", { age: 60, circumstances: ["tekun_dispersed"], residence: "urban" }, { eligible: true, oneOff: 400000 });
    // Residence unknown: eligible, but the tier cannot be chosen.
    check("610403-06", { age: 60, circumstances: ["tekun_dispersed"] }, { eligible: true, oneOff: null });
    check("610403-06", { age: 80, circumstances: ["dibao"], residence: "urban" }, { eligible: true, oneOff: 400000 });
    check("610403-06", { age: 79, circumstances: ["dibao"], residence: "urban" }, { eligible: false });
    check("610403-06", { age: 70, circumstances: ["dibao"], level: 1, residence: "rural" }, { eligible: true, oneOff: 200000 });
    check("610403-06", { age: 70, circumstances: ["dibao"], disability: { grade: 2 }, residence: "rural" }, { eligible: true, oneOff: 200000 });
    check("610403-06", { age: 70, circumstances: ["fp_only_child_deceased"], residence: "rural" }, { eligible: true, oneOff: 200000 });
    check("610403-06", { age: 70, circumstances: ["low_income"], disability: { grade: 2 }, residence: "urban" }, { eligible: true, oneOff: 250000 });
    check("610403-06", { age: 70, disability: { grade: 2 }, residence: "urban" }, { eligible: false });
    check("610403-06", { age: 70, circumstances: ["low_income"], disability: { grade: 3 }, residence: "urban" }, { eligible: false });
    check("610403-06", { age: 59, circumstances: ["tekun_dispersed"], residence: "rural" }, { eligible: false });
  });

  it("07 照料护理费: 分散供养特困 by care level ¥216 / ¥324 / ¥540", () => {
    const tekun = { age: 60, circumstances: ["tekun_dispersed" as const] };
    check("610403-07", { ...tekun, level: 0 }, { eligible: true, monthly: 21600 });
    check("610403-07", { ...tekun, level: 1 }, { eligible: true, monthly: 21600 });
    check("610403-07", { ...tekun, level: 2 }, { eligible: true, monthly: 32400 });
    check("610403-07", { ...tekun, level: 3 }, { eligible: true, monthly: 32400 });
    check("610403-07", { ...tekun, level: 4 }, { eligible: true, monthly: 54000 });
    check("610403-07", { ...tekun, level: null }, { eligible: true, monthly: null });
    check("610403-07", { age: 60, circumstances: ["tekun_centralized"], level: 4 }, { eligible: false });
    check("610403-07", { age: 59, circumstances: ["tekun_dispersed"], level: 4 }, { eligible: false });
  });

  it("08 集中照护: 低保 and completely impaired, amount case by case", () => {
    const r = check("610403-08", { age: 70, circumstances: ["dibao"], level: 4 }, { eligible: true });
    expect(renderReasons(r.reasons)).toContain("金额按月、按个案核定");
    check("610403-08", { age: 70, circumstances: ["dibao"], level: 3 }, { eligible: false });
    check("610403-08", { age: 70, circumstances: ["low_income"], level: 4 }, { eligible: false });
  });

  it("09 家庭养老支持服务: hardship and cannot self-care (levels 2–4)", () => {
    check("610403-09", { age: 60, circumstances: ["low_income"], level: 2 }, { eligible: true });
    check("610403-09", { age: 60, circumstances: ["dibao"], level: 1 }, { eligible: false });
    check("610403-09", { age: 60, level: 4 }, { eligible: false });
  });

  it("10 最低生活保障: 低保 70+, 30% of the local 低保 standard rounded up", () => {
    const dibao70 = { age: 70, circumstances: ["dibao" as const] };
    const unset = check("610403-10", { ...dibao70, residence: "urban" }, { eligible: true, monthly: null });
    expect(renderReasons(unset.reasons)).toContain("金额由县级参数「城市最低生活保障标准（每人每月）」确定，尚未设置");
    check("610403-10", { ...dibao70, residence: "urban" }, { eligible: true, monthly: 21000 }, { urban_dibao_standard_monthly: 70000 });
    check("610403-10", { ...dibao70, residence: "rural" }, { eligible: true, monthly: 16200 }, { rural_dibao_standard_monthly: 54000 });
    check("610403-10", { ...dibao70, residence: "urban" }, { eligible: true, monthly: 21001 }, { urban_dibao_standard_monthly: 70001 });
    check("610403-10", { ...dibao70 }, { eligible: true, monthly: null }, { urban_dibao_standard_monthly: 70000 });
    check("610403-10", { age: 69, circumstances: ["dibao"], residence: "urban" }, { eligible: false }, { urban_dibao_standard_monthly: 70000 });
    check("610403-10", { age: 75, circumstances: ["low_income"], residence: "urban" }, { eligible: false });
  });

  it("11–12 特困人员救助供养: ¥884 dispersed (cash) and centralized (standard)", () => {
    check("610403-11", { age: 60, circumstances: ["tekun_dispersed"] }, { eligible: true, monthly: 88400 });
    check("610403-11", { age: 60, circumstances: ["tekun_centralized"] }, { eligible: false });
    check("610403-11", { age: 59, circumstances: ["tekun_dispersed"] }, { eligible: false });
    check("610403-12", { age: 60, circumstances: ["tekun_centralized"] }, { eligible: true, monthly: 88400 });
    check("610403-12", { age: 60, circumstances: ["tekun_dispersed"] }, { eligible: false });
  });

  it("13 巡访关爱: 独居/空巢/留守/失能/重残/计生特殊家庭", () => {
    check("610403-13", { age: 60, circumstances: ["living_alone"] }, { eligible: true });
    check("610403-13", { age: 60, circumstances: ["left_behind"] }, { eligible: true });
    check("610403-13", { age: 60, level: 1 }, { eligible: true });
    check("610403-13", { age: 60, disability: { grade: 2 } }, { eligible: true });
    check("610403-13", { age: 60, disability: { grade: 3 } }, { eligible: false });
    check("610403-13", { age: 60, circumstances: ["fp_only_child_disabled"] }, { eligible: true });
    check("610403-13", { age: 60 }, { eligible: false });
    check("610403-13", { age: 59, circumstances: ["living_alone"] }, { eligible: false });
  });

  it("14 优抚供养: veterans' kinds at 60", () => {
    checkMinAge("610403-14", 60, { circumstances: ["martyr_family"] });
    check("610403-14", { age: 70, circumstances: ["retired_soldier"] }, { eligible: true });
    check("610403-14", { age: 70 }, { eligible: false });
  });

  it("15 计划生育特殊家庭: priority admission, ¥460 disabled child from 49, ¥590 / ¥1200 deceased child by sex", () => {
    checkMinAge("610403-15-1", 60, { circumstances: ["fp_only_child_deceased"] });
    check("610403-15-1", { age: 70 }, { eligible: false });

    check("610403-15-2", { age: 48, circumstances: ["fp_only_child_disabled"] }, { eligible: false });
    check("610403-15-2", { age: 49, circumstances: ["fp_only_child_disabled"] }, { eligible: true, monthly: 46000 });
    check("610403-15-2", { age: 80, circumstances: ["fp_only_child_disabled"] }, { eligible: true, monthly: 46000 });
    check("610403-15-2", { age: 60, circumstances: ["fp_only_child_deceased"] }, { eligible: false });

    const dead = ["fp_only_child_deceased" as const];
    check("610403-15-3", { age: 48, sex: "male", circumstances: dead }, { eligible: false });
    check("610403-15-3", { age: 49, sex: "male", circumstances: dead }, { eligible: true, monthly: 59000 });
    check("610403-15-3", { age: 59, sex: "male", circumstances: dead }, { eligible: true, monthly: 59000 });
    check("610403-15-3", { age: 60, sex: "male", circumstances: dead }, { eligible: false });
    check("610403-15-3", { age: 49, sex: "female", circumstances: dead }, { eligible: true, monthly: 59000 });
    check("610403-15-3", { age: 54, sex: "female", circumstances: dead }, { eligible: true, monthly: 59000 });
    check("610403-15-3", { age: 55, sex: "female", circumstances: dead }, { eligible: false });
    check("610403-15-3", { age: 52, sex: "female" }, { eligible: false });

    check("610403-15-4", { age: 59, sex: "male", circumstances: dead }, { eligible: false });
    const man60 = check("610403-15-4", { age: 60, sex: "male", circumstances: dead }, { eligible: true, monthly: 120000 });
    expect(renderReasons(man60.reasons)).toContain("男性，年龄 60 周岁，满足男性 60 周岁及以上");
    check("610403-15-4", { age: 85, sex: "male", circumstances: dead }, { eligible: true, monthly: 120000 });
    check("610403-15-4", { age: 54, sex: "female", circumstances: dead }, { eligible: false });
    check("610403-15-4", { age: 55, sex: "female", circumstances: dead }, { eligible: true, monthly: 120000 });
    check("610403-15-4", { age: 70, sex: "female", circumstances: ["fp_only_child_disabled"] }, { eligible: false });
    check("610403-15-4", { age: 70, sex: "female", circumstances: dead, alive: false }, { eligible: false });
  });

  it("16–17 disability allowances: ¥100 living (hardship), ¥120 / ¥80 care by grade", () => {
    check("610403-16", { age: 60, disability: { grade: 4 }, circumstances: ["low_income"] }, { eligible: true, monthly: 10000 });
    check("610403-16", { age: 60, disability: { grade: 4 } }, { eligible: false });
    check("610403-16", { age: 60, circumstances: ["dibao"] }, { eligible: false });
    check("610403-16", { age: 59, disability: { grade: 1 }, circumstances: ["dibao"] }, { eligible: false });

    check("610403-17", { age: 60, disability: { grade: 1 } }, { eligible: true, monthly: 12000 });
    check("610403-17", { age: 60, disability: { grade: 2, category: "visual" } }, { eligible: true, monthly: 8000 });
    check("610403-17", { age: 60, disability: { grade: 3 } }, { eligible: false });
    check("610403-17", { age: 60 }, { eligible: false });
    check("610403-17", { age: 59, disability: { grade: 1 } }, { eligible: false });
  });

  it("18 流浪乞讨救助", () => {
    checkMinAge("610403-18", 60, { circumstances: ["vagrant"] });
    check("610403-18", { age: 70 }, { eligible: false });
  });

  it("19–26: universal and referral items by age", () => {
    checkMinAge("610403-19", 65);
    checkMinAge("610403-20", 60);
    checkMinAge("610403-21", 65);
    checkMinAge("610403-22", 60);
    checkMinAge("610403-23", 60);
    checkMinAge("610403-24", 60, { circumstances: ["dibao"] });
    check("610403-24", { age: 70 }, { eligible: false });
    checkMinAge("610403-25", 60);
    checkMinAge("610403-26", 60);
  });

  it("27: institution items never apply to a person", () => {
    for (const code of ["610403-27-1", "610403-27-2"]) {
      const r = check(code, { age: 80, circumstances: ["dibao"] }, { eligible: false });
      expect(renderReasons(r.reasons)).toEqual(["本项目面向养老服务机构，不适用于个人"]);
    }
  });

  it("checked every item", () => {
    expect(h.uncovered()).toEqual([]);
  });
});
