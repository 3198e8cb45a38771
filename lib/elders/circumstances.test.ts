import { describe, expect, it } from "vitest";
import {
  CIRCUMSTANCE_GROUPS,
  CIRCUMSTANCE_RECORD_TYPES,
  ZCircumstanceRecord,
  circumstanceGroupOf,
  isCircumstanceKey,
} from "@/lib/elders/circumstances";
import { CIRCUMSTANCE_KEYS, DISABILITY_CATEGORIES } from "@/lib/policy/facts";
import eldersZh from "@/messages/zh-CN/elders.json" with { type: "json" };
import eldersEn from "@/messages/en/elders.json" with { type: "json" };

const messagesOf = (input: unknown) =>
  ZCircumstanceRecord.safeParse(input).error?.issues.map((i) => ({ path: i.path.join("."), message: i.message })) ?? [];

const disability = {
  type: "disability",
  startDate: "2020-05-01",
  disabilityCategory: "physical",
  disabilityGrade: 2,
  certificateNo: "33072719380601003942",
};

describe("catalogue", () => {
  it("has the policy circumstance keys plus disability", () => {
    expect(CIRCUMSTANCE_RECORD_TYPES).toEqual([...CIRCUMSTANCE_KEYS, "disability"]);
    expect(isCircumstanceKey("dibao")).toBe(true);
    expect(isCircumstanceKey("disability")).toBe(false);
  });

  it("puts every type in exactly one group", () => {
    const grouped = CIRCUMSTANCE_GROUPS.flatMap((g) => [...g.types]);
    expect([...grouped].sort()).toEqual([...CIRCUMSTANCE_RECORD_TYPES].sort());
    expect(new Set(grouped).size).toBe(grouped.length);
    expect(circumstanceGroupOf("tekun_centralized")).toBe("economic");
    expect(circumstanceGroupOf("disability")).toBe("disability");
    expect(circumstanceGroupOf("fp_only_child_disabled")).toBe("family_planning");
    expect(circumstanceGroupOf("martyr_family")).toBe("special_care");
    expect(circumstanceGroupOf("left_behind")).toBe("living_arrangement");
    expect(circumstanceGroupOf("vagrant")).toBe("other");
  });

  it("has a label in both languages for every type, group, category and grade", () => {
    for (const catalogue of [eldersZh, eldersEn]) {
      for (const type of CIRCUMSTANCE_RECORD_TYPES) expect(catalogue.circumstance[type], type).toBeTruthy();
      for (const group of CIRCUMSTANCE_GROUPS) expect(catalogue.circumstanceGroup[group.key], group.key).toBeTruthy();
      for (const category of DISABILITY_CATEGORIES) expect(catalogue.disabilityCategory[category], category).toBeTruthy();
      for (const grade of ["1", "2", "3", "4"] as const) expect(catalogue.disabilityGrade[grade]).toBeTruthy();
    }
    expect(eldersZh.circumstance.dibao).toBe("低保");
    expect(eldersZh.disabilityCategory.visual).toBe("视力残疾");
  });
});

describe("ZCircumstanceRecord", () => {
  it("accepts a plain record and fills absent fields with null", () => {
    expect(ZCircumstanceRecord.parse({ type: "dibao", startDate: "2024-01-01" })).toEqual({
      type: "dibao",
      startDate: "2024-01-01",
      endDate: null,
      source: null,
      documentNo: null,
      note: null,
      disabilityCategory: null,
      disabilityGrade: null,
      certificateNo: null,
    });
  });

  it("treats empty strings and nulls from forms and the database as absent", () => {
    const parsed = ZCircumstanceRecord.parse({
      type: "living_alone",
      startDate: "2024-01-01",
      endDate: "",
      source: "  ",
      documentNo: null,
      note: "",
      disabilityCategory: "",
      disabilityGrade: "",
      certificateNo: null,
    });
    expect(parsed).toMatchObject({ endDate: null, source: null, documentNo: null, note: null, disabilityGrade: null });
  });

  it("trims text", () => {
    const parsed = ZCircumstanceRecord.parse({
      type: "dibao",
      startDate: " 2024-01-01 ",
      source: " 县民政局 ",
      documentNo: " 磐民〔2024〕3号 ",
    });
    expect(parsed).toMatchObject({ startDate: "2024-01-01", source: "县民政局", documentNo: "磐民〔2024〕3号" });
  });

  it("accepts an end date on or after the start date", () => {
    expect(ZCircumstanceRecord.parse({ type: "dibao", startDate: "2024-01-01", endDate: "2024-01-01" }).endDate).toBe(
      "2024-01-01",
    );
    expect(ZCircumstanceRecord.parse({ type: "dibao", startDate: "2024-01-01", endDate: "2024-12-31" }).endDate).toBe(
      "2024-12-31",
    );
  });

  it("refuses an end date before the start date", () => {
    expect(messagesOf({ type: "dibao", startDate: "2024-01-02", endDate: "2024-01-01" })).toEqual([
      { path: "endDate", message: "elders.record.endBeforeStart" },
    ]);
  });

  it("refuses dates that are not real ISO dates", () => {
    expect(messagesOf({ type: "dibao", startDate: "2023-02-29" })).toEqual([
      { path: "startDate", message: "elders.record.invalidDate" },
    ]);
    expect(messagesOf({ type: "dibao", startDate: "2024/01/01" })).toEqual([
      { path: "startDate", message: "elders.record.invalidDate" },
    ]);
    expect(messagesOf({ type: "dibao", startDate: "2024-01-01", endDate: "2024-13-01" })).toEqual([
      { path: "endDate", message: "elders.record.invalidDate" },
    ]);
    expect(messagesOf({ type: "dibao" }).map((m) => m.path)).toEqual(["startDate"]);
  });

  it("refuses an unknown type", () => {
    expect(messagesOf({ type: "rich", startDate: "2024-01-01" })).toEqual([
      { path: "type", message: "elders.record.type" },
    ]);
  });

  it("accepts a complete disability record, grade given as a number or a form string", () => {
    expect(ZCircumstanceRecord.parse(disability)).toMatchObject({
      type: "disability",
      disabilityCategory: "physical",
      disabilityGrade: 2,
      certificateNo: "33072719380601003942",
    });
    expect(ZCircumstanceRecord.parse({ ...disability, disabilityGrade: "1" }).disabilityGrade).toBe(1);
  });

  it("requires category, grade and certificate number for a disability record", () => {
    expect(messagesOf({ type: "disability", startDate: "2020-05-01" })).toEqual([
      { path: "disabilityCategory", message: "elders.record.disabilityRequired" },
      { path: "disabilityGrade", message: "elders.record.disabilityRequired" },
      { path: "certificateNo", message: "elders.record.disabilityRequired" },
    ]);
    expect(messagesOf({ ...disability, certificateNo: "" })).toEqual([
      { path: "certificateNo", message: "elders.record.disabilityRequired" },
    ]);
  });

  it("refuses grades outside 1–4 and unknown categories", () => {
    for (const grade of [0, 5, 1.5, "一级", "0"]) {
      expect(messagesOf({ ...disability, disabilityGrade: grade }), String(grade)).toEqual([
        { path: "disabilityGrade", message: "elders.record.disabilityGrade" },
      ]);
    }
    expect(messagesOf({ ...disability, disabilityCategory: "blind" })).toEqual([
      { path: "disabilityCategory", message: "elders.record.disabilityCategory" },
    ]);
  });

  it("refuses disability fields on any other type", () => {
    expect(messagesOf({ type: "disabled_veteran", startDate: "2020-05-01", disabilityGrade: 2 })).toEqual([
      { path: "disabilityGrade", message: "elders.record.disabilityOnly" },
    ]);
    expect(
      messagesOf({ type: "dibao", startDate: "2020-05-01", disabilityCategory: "visual", certificateNo: "x" }).map((m) => m.path),
    ).toEqual(["disabilityCategory", "certificateNo"]);
  });

  it("limits text lengths", () => {
    expect(messagesOf({ type: "dibao", startDate: "2024-01-01", note: "字".repeat(501) })).toEqual([
      { path: "note", message: "validation.tooLong" },
    ]);
    expect(ZCircumstanceRecord.safeParse({ type: "dibao", startDate: "2024-01-01", note: "字".repeat(500) }).success).toBe(true);
  });
});
