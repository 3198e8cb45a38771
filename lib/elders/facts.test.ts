import { describe, expect, it } from "vitest";
import { factsAsOf, isInForce, type TCircumstanceRecordForFacts, type TElderForFacts } from "@/lib/elders/facts";

const COUNTY = "330727";

const elder = (overrides: Partial<TElderForFacts> = {}): TElderForFacts => ({
  idNumber: "330727193806010039",
  birthDate: "1938-06-01",
  sex: "male",
  hukouRegionCode: "330727101203",
  residence: "rural",
  status: "living",
  deathDate: null,
  movedOutDate: null,
  ...overrides,
});

const facts = (
  e: TElderForFacts,
  records: TCircumstanceRecordForFacts[],
  asOf: string,
  capabilityLevel?: 0 | 1 | 2 | 3 | 4 | null,
) => factsAsOf(e, records, asOf, { countyCode: COUNTY, capabilityLevel });

describe("factsAsOf: the person", () => {
  it("builds the facts of a living local elder", () => {
    expect(facts(elder(), [], "2025-06-01", 2)).toEqual({
      asOf: "2025-06-01",
      birthDate: "1938-06-01",
      sex: "male",
      age: 87,
      hukouRegionCode: "330727101203",
      hukouLocal: true,
      residence: "rural",
      alive: true,
      circumstances: [],
      disability: null,
      capabilityLevel: 2,
    });
  });

  it("counts age in 周岁 on asOf", () => {
    expect(facts(elder(), [], "2025-05-31").age).toBe(86);
    expect(facts(elder(), [], "2025-06-01").age).toBe(87);
    expect(facts(elder({ birthDate: "1944-02-29" }), [], "2025-02-28").age).toBe(80);
    expect(facts(elder({ birthDate: "1944-02-29" }), [], "2025-03-01").age).toBe(81);
  });

  it("tells a local 户籍 from another county's", () => {
    expect(facts(elder({ hukouRegionCode: "330727000000" }), [], "2025-06-01").hukouLocal).toBe(true);
    expect(facts(elder({ hukouRegionCode: "330727" }), [], "2025-06-01").hukouLocal).toBe(true);
    expect(facts(elder({ hukouRegionCode: "330783101203" }), [], "2025-06-01").hukouLocal).toBe(false);
    expect(facts(elder({ hukouRegionCode: "610403001001" }), [], "2025-06-01")).toMatchObject({
      hukouRegionCode: "610403001001",
      hukouLocal: false,
    });
    expect(facts(elder({ hukouRegionCode: null }), [], "2025-06-01")).toMatchObject({
      hukouRegionCode: null,
      hukouLocal: false,
    });
  });

  it("refuses a county code that is not 6 digits rather than treating every 户籍 as local", () => {
    expect(() => factsAsOf(elder(), [], "2025-06-01", { countyCode: "" })).toThrow(RangeError);
    expect(() => factsAsOf(elder(), [], "2025-06-01", { countyCode: "3307" })).toThrow(RangeError);
    expect(() => factsAsOf(elder(), [], "2025-6-1", { countyCode: COUNTY })).toThrow(RangeError);
  });

  it("is alive before the death date and not on or after it", () => {
    const dead = elder({ status: "deceased", deathDate: "2025-03-10" });
    expect(facts(dead, [], "2025-03-09").alive).toBe(true);
    expect(facts(dead, [], "2025-03-10").alive).toBe(false);
    expect(facts(dead, [], "2025-04-01").alive).toBe(false);
  });

  it("treats a deceased elder without a death date as not alive on every date", () => {
    expect(facts(elder({ status: "deceased", deathDate: null }), [], "2000-01-01").alive).toBe(false);
  });

  it("is no longer local from the moved-out date, and still alive", () => {
    const moved = elder({ status: "moved_out", movedOutDate: "2025-03-10" });
    expect(facts(moved, [], "2025-03-09")).toMatchObject({ hukouLocal: true, alive: true });
    expect(facts(moved, [], "2025-03-10")).toMatchObject({ hukouLocal: false, alive: true });
    expect(facts(elder({ status: "moved_out", movedOutDate: null }), [], "2000-01-01").hukouLocal).toBe(false);
  });

  it("passes residence and capability level through, null when unknown", () => {
    expect(facts(elder({ residence: null }), [], "2025-06-01")).toMatchObject({ residence: null, capabilityLevel: null });
    expect(facts(elder({ residence: "urban" }), [], "2025-06-01", 0)).toMatchObject({ residence: "urban", capabilityLevel: 0 });
  });
});

describe("factsAsOf: circumstances", () => {
  const dibao: TCircumstanceRecordForFacts = { id: "r1", type: "dibao", startDate: "2024-01-01", endDate: "2024-12-31" };

  it("counts a record on its start and end dates, and not outside them", () => {
    expect(facts(elder(), [dibao], "2023-12-31").circumstances).toEqual([]);
    expect(facts(elder(), [dibao], "2024-01-01").circumstances).toEqual(["dibao"]);
    expect(facts(elder(), [dibao], "2024-06-30").circumstances).toEqual(["dibao"]);
    expect(facts(elder(), [dibao], "2024-12-31").circumstances).toEqual(["dibao"]);
    expect(facts(elder(), [dibao], "2025-01-01").circumstances).toEqual([]);
  });

  it("keeps an open-ended record in force", () => {
    const open = { type: "living_alone", startDate: "2020-01-01" } as const;
    expect(facts(elder(), [open], "2099-12-31").circumstances).toEqual(["living_alone"]);
    expect(facts(elder(), [{ ...open, endDate: null }], "2099-12-31").circumstances).toEqual(["living_alone"]);
  });

  it("counts a one-day record on that day only", () => {
    const oneDay = { type: "vagrant", startDate: "2024-05-05", endDate: "2024-05-05" } as const;
    expect(isInForce(oneDay, "2024-05-04")).toBe(false);
    expect(isInForce(oneDay, "2024-05-05")).toBe(true);
    expect(isInForce(oneDay, "2024-05-06")).toBe(false);
  });

  it("deduplicates and sorts in catalogue order", () => {
    const records: TCircumstanceRecordForFacts[] = [
      { type: "empty_nest", startDate: "2020-01-01" },
      { type: "dibao", startDate: "2023-01-01", endDate: "2023-12-31" },
      { type: "dibao", startDate: "2024-01-01" },
      { type: "retired_soldier", startDate: "1980-01-01" },
      { type: "dibao", startDate: "2022-01-01" },
      { type: "tekun_dispersed", startDate: "2030-01-01" },
    ];
    expect(facts(elder(), records, "2024-06-01").circumstances).toEqual(["dibao", "empty_nest", "retired_soldier"]);
    expect(facts(elder(), [...records].reverse(), "2024-06-01").circumstances).toEqual([
      "dibao",
      "empty_nest",
      "retired_soldier",
    ]);
  });

  it("hands a new record over from the day the old one ends", () => {
    const records: TCircumstanceRecordForFacts[] = [
      { type: "dibao", startDate: "2023-01-01", endDate: "2024-03-31" },
      { type: "tekun_dispersed", startDate: "2024-04-01" },
    ];
    expect(facts(elder(), records, "2024-03-31").circumstances).toEqual(["dibao"]);
    expect(facts(elder(), records, "2024-04-01").circumstances).toEqual(["tekun_dispersed"]);
  });

  it("keeps disability out of the circumstance list", () => {
    const records: TCircumstanceRecordForFacts[] = [
      { type: "disability", startDate: "2020-01-01", disabilityCategory: "visual", disabilityGrade: 2 },
    ];
    expect(facts(elder(), records, "2024-06-01")).toMatchObject({
      circumstances: [],
      disability: { grade: 2, category: "visual" },
    });
  });

  it("still reports circumstances for a deceased elder, with alive false", () => {
    const dead = elder({ status: "deceased", deathDate: "2024-03-01" });
    expect(facts(dead, [dibao], "2024-06-01")).toMatchObject({ alive: false, circumstances: ["dibao"] });
  });
});

describe("factsAsOf: disability", () => {
  const cert = (
    grade: number,
    category: TCircumstanceRecordForFacts["disabilityCategory"],
    startDate: string,
    endDate: string | null = null,
  ): TCircumstanceRecordForFacts => ({ type: "disability", startDate, endDate, disabilityGrade: grade, disabilityCategory: category });

  it("picks the most severe (lowest) grade in force", () => {
    const records = [cert(3, "hearing", "2015-01-01"), cert(1, "physical", "2020-01-01"), cert(4, "visual", "2010-01-01")];
    expect(facts(elder(), records, "2024-06-01").disability).toEqual({ grade: 1, category: "physical" });
    expect(facts(elder(), [...records].reverse(), "2024-06-01").disability).toEqual({ grade: 1, category: "physical" });
  });

  it("ignores certificates not in force on asOf", () => {
    const records = [cert(1, "physical", "2020-01-01", "2022-12-31"), cert(3, "physical", "2023-01-01"), cert(2, "mental", "2030-01-01")];
    expect(facts(elder(), records, "2022-12-31").disability).toEqual({ grade: 1, category: "physical" });
    expect(facts(elder(), records, "2023-01-01").disability).toEqual({ grade: 3, category: "physical" });
    expect(facts(elder(), records, "2019-12-31").disability).toBeNull();
  });

  it("on equal grades prefers the newer certificate, then the category order", () => {
    expect(facts(elder(), [cert(2, "visual", "2018-01-01"), cert(2, "hearing", "2021-01-01")], "2024-06-01").disability).toEqual({
      grade: 2,
      category: "hearing",
    });
    const sameDay = [cert(2, "hearing", "2021-01-01"), cert(2, "visual", "2021-01-01")];
    expect(facts(elder(), sameDay, "2024-06-01").disability).toEqual({ grade: 2, category: "visual" });
    expect(facts(elder(), [...sameDay].reverse(), "2024-06-01").disability).toEqual({ grade: 2, category: "visual" });
  });

  it("refuses a malformed disability record in force", () => {
    expect(() => facts(elder(), [cert(5, "visual", "2020-01-01")], "2024-06-01")).toThrow(RangeError);
    expect(() => facts(elder(), [cert(2, null, "2020-01-01")], "2024-06-01")).toThrow(RangeError);
    expect(() => facts(elder(), [{ type: "disability", startDate: "2020-01-01" }], "2024-06-01")).toThrow(RangeError);
  });
});
