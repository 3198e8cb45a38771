// 耿马自治县 (530926): every item of the catalogue at its boundaries, as of 2026-11-01.
import { describe, expect, it } from "vitest";
import { countyHarness } from "@/lib/policy/test-harness";
import { renderReasons } from "@/lib/policy/evaluate";

const h = countyHarness("530926");
const { check, checkMinAge } = h;

describe("耿马自治县 catalogue", () => {
  it("has every row of the table", () => {
    const codes = h.catalogue.items.map((i) => i.code);
    expect(codes).toHaveLength(33);
    expect(codes).toContain("530926-03-2");
    expect(codes).toContain("530926-20-2");
    expect(codes.at(-1)).toBe("530926-31");
    expect(h.catalogue.effectiveFrom).toBe("2023-09-25");
  });

  it("01–02 pensions from 60", () => {
    checkMinAge("530926-01", 60);
    checkMinAge("530926-02", 60);
  });

  it("03 高龄津贴: 80–99 ¥50, 100+ ¥500, local only", () => {
    check("530926-03-1", { age: 79 }, { eligible: false });
    check("530926-03-1", { age: 80 }, { eligible: true, monthly: 5000 });
    check("530926-03-1", { age: 99 }, { eligible: true, monthly: 5000 });
    check("530926-03-1", { age: 100 }, { eligible: false });
    check("530926-03-1", { age: 90, local: false }, { eligible: false });
    check("530926-03-2", { age: 99 }, { eligible: false });
    check("530926-03-2", { age: 100 }, { eligible: true, monthly: 50000 });
    check("530926-03-2", { birthDate: "1926-10-01" }, { eligible: true, monthly: 50000 });
    check("530926-03-2", { age: 100, local: false }, { eligible: false });
    check("530926-03-2", { age: 100, alive: false }, { eligible: false });
  });

  it("04–14: universal items by age", () => {
    for (const code of ["530926-04", "530926-05", "530926-07", "530926-08", "530926-09", "530926-10", "530926-11", "530926-12", "530926-13"]) {
      checkMinAge(code, 60);
    }
    checkMinAge("530926-06", 65);
    checkMinAge("530926-14", 65);
  });

  it("15 优先享受机构养老: 计划生育特殊家庭", () => {
    checkMinAge("530926-15", 60, { circumstances: ["fp_only_child_deceased"] });
    check("530926-15", { age: 70 }, { eligible: false });
  });

  it("16–18: legal services and 优抚供养", () => {
    checkMinAge("530926-16", 60);
    checkMinAge("530926-17", 60);
    checkMinAge("530926-18", 60, { circumstances: ["disabled_veteran"] });
    check("530926-18", { age: 70, circumstances: ["duty_death_family"] }, { eligible: true });
    check("530926-18", { age: 70 }, { eligible: false });
  });

  it("19 caregiver training: the elder is 失能", () => {
    check("530926-19", { age: 60, level: 1 }, { eligible: true });
    check("530926-19", { age: 60, level: 0 }, { eligible: false });
    check("530926-19", { age: 59, level: 3 }, { eligible: false });
  });

  it("20 计划生育特别扶助金: ¥590 / ¥460 from 60", () => {
    checkMinAge("530926-20-1", 60, { circumstances: ["fp_only_child_deceased"] }, { monthly: 59000 });
    checkMinAge("530926-20-2", 60, { circumstances: ["fp_only_child_disabled"] }, { monthly: 46000 });
    check("530926-20-1", { age: 60, circumstances: ["fp_only_child_disabled"] }, { eligible: false });
    check("530926-20-2", { age: 60, circumstances: ["fp_only_child_deceased"] }, { eligible: false });
  });

  it("21 重度残疾人护理补贴: ¥100 grade 1, ¥90 grade 2", () => {
    check("530926-21", { age: 60, disability: { grade: 1 } }, { eligible: true, monthly: 10000 });
    check("530926-21", { age: 60, disability: { grade: 2 } }, { eligible: true, monthly: 9000 });
    check("530926-21", { age: 60, disability: { grade: 3 } }, { eligible: false });
    check("530926-21", { age: 60 }, { eligible: false });
    check("530926-21", { age: 59, disability: { grade: 1 } }, { eligible: false });
  });

  it("22–23 特困供养: 1.3 × urban 低保 standard", () => {
    check("530926-22", { age: 60, circumstances: ["tekun_dispersed"] }, { eligible: true, monthly: 91000 }, { urban_dibao_standard_monthly: 70000 });
    check("530926-22", { age: 60, circumstances: ["tekun_dispersed"] }, { eligible: true, monthly: null });
    check("530926-22", { age: 59, circumstances: ["tekun_dispersed"] }, { eligible: false });
    check("530926-23", { age: 60, circumstances: ["tekun_centralized"] }, { eligible: true, monthly: 91000 }, { urban_dibao_standard_monthly: 70000 });
    check("530926-23", { age: 60, circumstances: ["tekun_dispersed"] }, { eligible: false });
  });

  it("24 最低生活保障: 低保, case by case", () => {
    checkMinAge("530926-24", 60, { circumstances: ["dibao"] });
    check("530926-24", { age: 60, circumstances: ["low_income"] }, { eligible: false });
  });

  it("25 养老护理补贴: 特困 and 失能", () => {
    check("530926-25", { age: 60, circumstances: ["tekun_centralized"], level: 2 }, { eligible: true, monthly: 40000 }, { tekun_care_centralized_monthly: 40000 });
    check("530926-25", { age: 60, circumstances: ["tekun_dispersed"], level: 2 }, { eligible: true, monthly: null }, { tekun_care_centralized_monthly: 40000 });
    check("530926-25", { age: 60, circumstances: ["tekun_dispersed"], level: 0 }, { eligible: false });
  });

  it("26 家庭适老化改造", () => {
    check("530926-26", { age: 60, circumstances: ["tekun_dispersed"] }, { eligible: true, oneOff: 250000 }, { home_adaptation_standard: 250000 });
    check("530926-26", { age: 80, circumstances: ["dibao"] }, { eligible: true });
    check("530926-26", { age: 70, circumstances: ["dibao"] }, { eligible: false });
    check("530926-26", { age: 70, circumstances: ["dibao"], level: 2 }, { eligible: true });
    check("530926-26", { age: 59, circumstances: ["tekun_dispersed"] }, { eligible: false });
  });

  it("27 机构集中供养: 特困人员 of any age", () => {
    check("530926-27", { age: 50, circumstances: ["tekun_dispersed"] }, { eligible: true });
    check("530926-27", { age: 75, circumstances: ["tekun_centralized"] }, { eligible: true });
    check("530926-27", { age: 75, circumstances: ["dibao"] }, { eligible: false });
    check("530926-27", { age: 75, circumstances: ["tekun_dispersed"], alive: false }, { eligible: false });
  });

  it("28 居家探访关爱", () => {
    check("530926-28", { age: 60, circumstances: ["empty_nest"] }, { eligible: true });
    check("530926-28", { age: 60, level: 3 }, { eligible: true });
    check("530926-28", { age: 60, circumstances: ["tekun_centralized", "living_alone"] }, { eligible: false });
    check("530926-28", { age: 60, circumstances: ["dibao"] }, { eligible: false });
    check("530926-28", { age: 59, circumstances: ["living_alone"] }, { eligible: false });
  });

  it("29 流浪乞讨救助", () => {
    checkMinAge("530926-29", 60, { circumstances: ["vagrant"] });
    check("530926-29", { age: 60 }, { eligible: false });
  });

  it("30 养老服务补贴: 低保 or 分散特困 80+, ¥50", () => {
    check("530926-30", { age: 80, circumstances: ["tekun_dispersed"] }, { eligible: true, monthly: 5000 });
    check("530926-30", { age: 79, circumstances: ["dibao"] }, { eligible: false });
    check("530926-30", { age: 90, circumstances: ["dibao_edge"] }, { eligible: false });
  });

  it("31 困难残疾人生活补贴: 按当地规定标准 is a parameter with no default", () => {
    const r = check("530926-31", { age: 60, disability: { grade: 4 }, circumstances: ["dibao_edge"] }, { eligible: true, monthly: null });
    expect(renderReasons(r.reasons).at(-1)).toBe("金额由县级参数「困难残疾人生活补贴标准（每人每月）」确定，尚未设置");
    check("530926-31", { age: 60, disability: { grade: 4 }, circumstances: ["dibao_edge"] }, { eligible: true, monthly: 8000 }, { hardship_disability_living_allowance_monthly: 8000 });
    check("530926-31", { age: 60, disability: { grade: 4 } }, { eligible: false });
  });

  it("checked every item", () => {
    expect(h.uncovered()).toEqual([]);
  });
});
