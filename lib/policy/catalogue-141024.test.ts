// 洪洞县 (141024): every item of the catalogue at its boundaries, as of 2026-11-01.
import { describe, expect, it } from "vitest";
import { countyHarness } from "@/lib/policy/test-harness";
import { renderReasons } from "@/lib/policy/evaluate";

const h = countyHarness("141024");
const { check, checkMinAge } = h;

describe("洪洞县 catalogue", () => {
  it("has every row of the table", () => {
    const codes = h.catalogue.items.map((i) => i.code);
    expect(codes).toHaveLength(28);
    expect(codes.slice(-3)).toEqual(["141024-26-1", "141024-26-2", "141024-27"]);
    expect(h.catalogue.effectiveFrom).toBe("2024-01-01");
  });

  it("01–11: insurance, legal aid, tourism, care, leave from 60; assessment, health, bus from 65", () => {
    for (const code of ["141024-01", "141024-02", "141024-03", "141024-04", "141024-05", "141024-06", "141024-07", "141024-08"]) checkMinAge(code, 60);
    for (const code of ["141024-09", "141024-10", "141024-11"]) checkMinAge(code, 65);
  });

  it("12 高龄津贴: 80+, local, amount set by the county (parameter with no default)", () => {
    const unset = check("141024-12", { age: 80 }, { eligible: true, monthly: null });
    expect(renderReasons(unset.reasons).at(-1)).toBe("金额由县级参数「高龄津贴标准（每人每月）」确定，尚未设置");
    check("141024-12", { age: 80 }, { eligible: true, monthly: 5000 }, { longevity_allowance_monthly: 5000 });
    check("141024-12", { age: 79 }, { eligible: false }, { longevity_allowance_monthly: 5000 });
    check("141024-12", { age: 85, local: false }, { eligible: false }, { longevity_allowance_monthly: 5000 });
  });

  it("12/13 高龄津贴 and 百岁补贴 are not combined: the higher amount, ties to the earlier item", () => {
    // Unknown 高龄津贴 ranks below the known ¥300.
    const unknown = h.run({ age: 100 });
    expect([unknown.get("141024-12")!.excludedBy, unknown.get("141024-13")!.monthlyAmountFen]).toEqual(["141024-13", 30000]);
    // A higher 高龄津贴 wins.
    const higher = h.run({ age: 100 }, { longevity_allowance_monthly: 35000 });
    expect([higher.get("141024-12")!.monthlyAmountFen, higher.get("141024-13")!.excludedBy]).toEqual([35000, "141024-12"]);
    // A tie goes to the item declared first (12).
    const tie = h.run({ age: 100 }, { longevity_allowance_monthly: 30000 });
    expect([tie.get("141024-12")!.eligible, tie.get("141024-13")!.eligible, tie.get("141024-13")!.excludedBy]).toEqual([true, false, "141024-12"]);
    expect(renderReasons(tie.get("141024-13")!.reasons).at(-1)).toBe("与「高龄津贴」不重复享受，金额相同或未定，按清单顺序享受「高龄津贴」");
    // Below 100 there is nothing to exclude.
    const ninetyNine = h.run({ age: 99 }, { longevity_allowance_monthly: 5000 });
    expect([ninetyNine.get("141024-12")!.monthlyAmountFen, ninetyNine.get("141024-12")!.reasons.some((r) => r.key.startsWith("exclusion"))]).toEqual([5000, false]);
  });

  it("13 百岁补贴: ¥300 from 100, local", () => {
    check("141024-13", { age: 99 }, { eligible: false });
    check("141024-13", { age: 100 }, { eligible: true, monthly: 30000 });
    check("141024-13", { age: 100, local: false }, { eligible: false });
    check("141024-13", { age: 100, alive: false }, { eligible: false });
  });

  it("14 公共法律服务: from 80", () => {
    checkMinAge("141024-14", 80);
  });

  it("15 养老服务补贴: ¥70 for 80+ in hardship, a parameter below 80", () => {
    check("141024-15", { age: 80, circumstances: ["low_income"] }, { eligible: true, monthly: 7000 });
    check("141024-15", { age: 79, circumstances: ["low_income"] }, { eligible: true, monthly: null });
    check("141024-15", { age: 79, circumstances: ["dibao"] }, { eligible: true, monthly: 5000 }, { service_subsidy_under80_monthly: 5000 });
    check("141024-15", { age: 85 }, { eligible: false });
    check("141024-15", { age: 59, circumstances: ["dibao"] }, { eligible: false });
  });

  it("16 家庭适老化改造 and 17 助餐补贴", () => {
    check("141024-16", { age: 60, circumstances: ["dibao_edge"] }, { eligible: true, oneOff: null });
    check("141024-16", { age: 60, circumstances: ["dibao_edge"] }, { eligible: true, oneOff: 350000 }, { home_adaptation_standard: 350000 });
    check("141024-16", { age: 60 }, { eligible: false });
    check("141024-17", { age: 80, circumstances: ["dibao"] }, { eligible: true });
    check("141024-17", { age: 79, circumstances: ["dibao"] }, { eligible: false });
    check("141024-17", { age: 85, circumstances: ["dibao"], local: false }, { eligible: false });
    check("141024-17", { age: 85, circumstances: ["low_income"] }, { eligible: false });
  });

  it("18 护理补贴: ¥100 for hardship elders who cannot self-care", () => {
    check("141024-18", { age: 60, circumstances: ["low_income"], level: 2 }, { eligible: true, monthly: 10000 });
    check("141024-18", { age: 60, circumstances: ["low_income"], level: 4 }, { eligible: true, monthly: 12000 }, { hardship_disabled_care_standard_monthly: 12000 });
    check("141024-18", { age: 60, circumstances: ["low_income"], level: 1 }, { eligible: false });
    check("141024-18", { age: 60, level: 4 }, { eligible: false });
    check("141024-18", { age: 59, circumstances: ["dibao"], level: 4 }, { eligible: false });
  });

  it("19 家庭养老服务支持: ¥1000 training subsidy once", () => {
    check("141024-19", { age: 60, level: 2 }, { eligible: true, oneOff: 100000 });
    check("141024-19", { age: 60, level: 1 }, { eligible: false });
  });

  it("20 最低生活保障: 低保, case by case", () => {
    checkMinAge("141024-20", 60, { circumstances: ["dibao"] });
    check("141024-20", { age: 60, circumstances: ["dibao_edge"] }, { eligible: false });
  });

  it("21 分散供养: 1.3 × local 低保 standard + care allowance at 1×/2×/3× the care standard", () => {
    const params = { urban_dibao_standard_monthly: 60000, rural_dibao_standard_monthly: 50000 };
    const tekun = { age: 60, circumstances: ["tekun_dispersed" as const] };
    check("141024-21", { ...tekun, residence: "urban", level: 0 }, { eligible: true, monthly: 78000 + 10000 }, params);
    check("141024-21", { ...tekun, residence: "urban", level: 1 }, { eligible: true, monthly: 78000 + 10000 }, params);
    check("141024-21", { ...tekun, residence: "rural", level: 2 }, { eligible: true, monthly: 65000 + 20000 }, params);
    check("141024-21", { ...tekun, residence: "rural", level: 3 }, { eligible: true, monthly: 65000 + 20000 }, params);
    const full = check("141024-21", { ...tekun, residence: "rural", level: 4 }, { eligible: true, monthly: 65000 + 30000 }, params);
    expect(renderReasons(full.reasons).slice(-5)).toEqual([
      "居住在农村，适用农村档",
      "按县级参数「农村最低生活保障标准（每人每月）」500 元 × 13/10（不足 1 分按 1 分计）= 650 元",
      "能力等级为完全失能，适用完全失能档",
      "按县级参数「经济困难失能老年人护理补贴标准（每人每月）」100 元 × 3/1（不足 1 分按 1 分计）= 300 元",
      "金额：每月 950 元",
    ]);
    check("141024-21", { ...tekun, residence: "rural", level: 4 }, { eligible: true, monthly: 65000 + 36000 }, { ...params, hardship_disabled_care_standard_monthly: 12000 });
    check("141024-21", { ...tekun, residence: "rural", level: null }, { eligible: true, monthly: null }, params);
    check("141024-21", { ...tekun, residence: null, level: 0 }, { eligible: true, monthly: null }, params);
    const unset = check("141024-21", { ...tekun, residence: "urban", level: 0 }, { eligible: true, monthly: null });
    expect(renderReasons(unset.reasons)).toContain("金额由县级参数「城市最低生活保障标准（每人每月）」确定，尚未设置");
    check("141024-21", { age: 60, circumstances: ["tekun_centralized"], residence: "urban", level: 0 }, { eligible: false }, params);
  });

  it("22–25: 集中供养, 探访, 优抚, 计生", () => {
    checkMinAge("141024-22", 60, { circumstances: ["tekun_centralized"] });
    check("141024-22", { age: 60, circumstances: ["tekun_dispersed"] }, { eligible: false });
    check("141024-23", { age: 60, circumstances: ["left_behind"] }, { eligible: true });
    check("141024-23", { age: 60, level: 1 }, { eligible: true });
    check("141024-23", { age: 60, circumstances: ["dibao"] }, { eligible: false });
    check("141024-23", { age: 59, circumstances: ["living_alone"] }, { eligible: false });
    checkMinAge("141024-24", 60, { circumstances: ["retired_soldier"] });
    check("141024-24", { age: 70 }, { eligible: false });
    checkMinAge("141024-25", 60, { circumstances: ["fp_only_child_disabled"] });
    check("141024-25", { age: 70 }, { eligible: false });
  });

  it("26 disability: living allowance for 低保/低保边缘, care allowance for grade 1–2 or grade 3–4 mental/intellectual", () => {
    check("141024-26-1", { age: 60, disability: { grade: 3 }, circumstances: ["dibao_edge"] }, { eligible: true, monthly: null });
    check("141024-26-1", { age: 60, disability: { grade: 3 }, circumstances: ["dibao"] }, { eligible: true, monthly: 8000 }, { hardship_disability_living_allowance_monthly: 8000 });
    check("141024-26-1", { age: 60, disability: { grade: 3 }, circumstances: ["low_income"] }, { eligible: false });
    check("141024-26-1", { age: 60, circumstances: ["dibao"] }, { eligible: false });
    check("141024-26-2", { age: 60, disability: { grade: 2, category: "hearing" } }, { eligible: true });
    check("141024-26-2", { age: 60, disability: { grade: 4, category: "mental" } }, { eligible: true });
    check("141024-26-2", { age: 60, disability: { grade: 4, category: "visual" } }, { eligible: false });
    check("141024-26-2", { age: 59, disability: { grade: 1 } }, { eligible: false });
  });

  it("27 社会救助 for vagrants", () => {
    checkMinAge("141024-27", 60, { circumstances: ["vagrant"] });
    check("141024-27", { age: 60 }, { eligible: false });
  });

  it("checked every item", () => {
    expect(h.uncovered()).toEqual([]);
  });
});
