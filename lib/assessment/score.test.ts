import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import en from "@/messages/en/assessment.json" with { type: "json" };
import zh from "@/messages/zh-CN/assessment.json" with { type: "json" };
import {
  ASSESSMENT_ITEMS,
  INDICATORS,
  INDICATOR_MAX_SCORES,
  ITEM_CODES,
  ITEM_MAX_SCORES,
  TOTAL_MAX_SCORE,
  type TItemCode,
} from "@/lib/assessment/items";
import { ZScoreInput, mentalDisorderKind, parseIcd10, preliminaryLevelOf, scoreAssessment } from "@/lib/assessment/score";

const FULL = Object.fromEntries(ITEM_CODES.map((code) => [code, ITEM_MAX_SCORES[code]])) as Record<TItemCode, number>;

/** Full marks, then items lowered in code order until the total is reached. */
function itemsWithTotal(total: number): Record<TItemCode, number> {
  const items = { ...FULL };
  let deficit = TOTAL_MAX_SCORE - total;
  for (const code of ITEM_CODES) {
    const cut = Math.min(deficit, items[code]);
    items[code] -= cut;
    deficit -= cut;
  }
  return items;
}

/** Issue messages of a failed parse. */
function messagesOf(input: unknown): string[] {
  const result = ZScoreInput.safeParse(input);
  if (result.success) throw new Error("expected the input to be rejected");
  return result.error.issues.map((issue) => issue.message);
}

// Totals 80 (level 1), 50 (level 2), 35 (level 3), 20 (level 4).
const L1 = itemsWithTotal(80);
const L2 = itemsWithTotal(50);
const L3 = itemsWithTotal(35);
const L4 = itemsWithTotal(20);

describe("items (GB/T 42195-2022)", () => {
  it("has the 26 items in four indicators with maxima 32/15/28/15 = 90", () => {
    expect(ITEM_CODES).toHaveLength(26);
    expect(INDICATORS.map((i) => [i.code, i.items.length])).toEqual([["B1", 8], ["B2", 4], ["B3", 9], ["B4", 5]]);
    for (const indicator of INDICATORS) {
      expect(indicator.items.reduce((sum, item) => sum + item.maxScore, 0)).toBe(INDICATOR_MAX_SCORES[indicator.code]);
    }
    expect(INDICATOR_MAX_SCORES).toEqual({ B1: 32, B2: 15, B3: 28, B4: 15 });
    expect(Object.values(ITEM_MAX_SCORES).reduce((a, b) => a + b, 0)).toBe(90);
    expect(ASSESSMENT_ITEMS.filter((i) => i.maxScore !== 4).map((i) => `${i.code}:${i.maxScore}`)).toEqual([
      "B2.4:3", "B3.7:1", "B3.8:1", "B3.9:2", "B4.1:2", "B4.2:2", "B4.4:3",
    ]);
  });

  it("lists one option per allowed score, highest first", () => {
    const stairs = ASSESSMENT_ITEMS.find((i) => i.code === "B2.4")!;
    expect(stairs.indicator).toBe("B2");
    expect(stairs.options).toEqual([
      { score: 3, key: "items.B2.4.options.3" },
      { score: 2, key: "items.B2.4.options.2" },
      { score: 1, key: "items.B2.4.options.1" },
      { score: 0, key: "items.B2.4.options.0" },
    ]);
  });

  it("has zh-CN and en wording for every item and option", () => {
    for (const catalogue of [zh, en]) {
      const items = catalogue.items as Record<string, Record<string, { name: string; options: Record<string, string> }>>;
      for (const item of ASSESSMENT_ITEMS) {
        const [indicator, number] = item.code.split(".");
        const entry = items[indicator]?.[number];
        expect(entry?.name, item.code).toBeTruthy();
        expect(Object.keys(entry.options).sort(), item.code).toEqual(item.options.map((o) => String(o.score)).sort());
        for (const text of Object.values(entry.options)) expect(text.length, item.code).toBeGreaterThan(0);
      }
    }
    expect(zh.items.B1["1"].name).toBe("进食");
    expect(zh.items.B2["4"].options["3"]).toContain("10个～15个台阶");
    expect(zh.items.B3["9"].options["0"]).toContain("昏迷");
  });
});

describe("scoreAssessment: totals and preliminary level", () => {
  it.each([
    [90, 0],
    [89, 1],
    [66, 1],
    [65, 2],
    [46, 2],
    [45, 3],
    [30, 3],
    [29, 4],
    [0, 4],
  ] as const)("total %i is level %i", (total, level) => {
    const result = scoreAssessment({ items: itemsWithTotal(total) });
    expect(result.total).toBe(total);
    expect(result.preliminaryLevel).toBe(level);
    expect(result.finalLevel).toBe(level);
    expect(result.changes).toEqual([]);
    expect(preliminaryLevelOf(total)).toBe(level);
  });

  it("sums each indicator", () => {
    const items = {
      ...FULL,
      "B1.1": 3, "B1.6": 0, "B1.7": 2, // B1 = 32 - 1 - 4 - 2 = 25
      "B2.3": 1, "B2.4": 0, // B2 = 15 - 3 - 3 = 9
      "B3.4": 2, "B3.7": 0, "B3.9": 1, // B3 = 28 - 2 - 1 - 1 = 24
      "B4.1": 1, "B4.4": 2, "B4.5": 0, // B4 = 15 - 1 - 1 - 4 = 9
    };
    const result = scoreAssessment({ items });
    expect(result.indicators).toEqual({ B1: 25, B2: 9, B3: 24, B4: 9 });
    expect(result.total).toBe(67);
    expect(result.preliminaryLevel).toBe(1);
  });
});

describe("scoreAssessment: level changes (C.4)", () => {
  it("coma goes straight to level 4", () => {
    expect(scoreAssessment({ items: FULL, coma: true })).toMatchObject({
      preliminaryLevel: 0,
      finalLevel: 4,
      changes: [{ rule: "coma", from: 0, to: 4 }],
    });
  });

  it("coma overrides the one-up rules, which are still listed", () => {
    const result = scoreAssessment({ items: L1, coma: true, diagnoses: ["F01"], riskEvents30d: 3 }, { stackOneUpRules: true });
    expect(result.finalLevel).toBe(4);
    expect(result.changes).toEqual([
      { rule: "coma", from: 1, to: 4 },
      { rule: "dementia", from: 4, to: 4 },
      { rule: "risk_events", from: 4, to: 4 },
    ]);
  });

  it("dementia raises one level whoever diagnosed it", () => {
    expect(scoreAssessment({ items: L1, diagnoses: ["F01"] })).toMatchObject({
      preliminaryLevel: 1,
      finalLevel: 2,
      changes: [{ rule: "dementia", from: 1, to: 2 }],
    });
    for (const code of ["F00", "F02.8", "f03", { code: "F03.9", byPsychiatrist: false }]) {
      expect(scoreAssessment({ items: L2, diagnoses: [code] }).finalLevel, JSON.stringify(code)).toBe(3);
    }
  });

  it("another mental disorder (F04–F99) raises one level only when a psychiatrist diagnosed it", () => {
    expect(scoreAssessment({ items: L2, diagnoses: [{ code: "F32.9", byPsychiatrist: true }] })).toMatchObject({
      finalLevel: 3,
      changes: [{ rule: "mental_disorder", from: 2, to: 3 }],
    });
    expect(scoreAssessment({ items: L2, diagnoses: [{ code: "F04", byPsychiatrist: true }] }).finalLevel).toBe(3);
    expect(scoreAssessment({ items: L2, diagnoses: [{ code: "F99", byPsychiatrist: true }] }).finalLevel).toBe(3);
    for (const diagnosis of ["F32.9", { code: "F20.0" }, { code: "F04", byPsychiatrist: false }]) {
      const result = scoreAssessment({ items: L2, diagnoses: [diagnosis] });
      expect(result.finalLevel, JSON.stringify(diagnosis)).toBe(2);
      expect(result.changes).toEqual([]);
    }
  });

  it("ignores diagnoses outside F00–F99", () => {
    const result = scoreAssessment({ items: L1, diagnoses: ["G30.9", { code: "I63.9", byPsychiatrist: true }, "E11"] });
    expect(result.finalLevel).toBe(1);
    expect(result.changes).toEqual([]);
  });

  it("two or more care-risk events in 30 days raise one level", () => {
    expect(scoreAssessment({ items: L1, riskEvents30d: 2 })).toMatchObject({
      finalLevel: 2,
      changes: [{ rule: "risk_events", from: 1, to: 2 }],
    });
    expect(scoreAssessment({ items: L1, riskEvents30d: ["fall", "choking"] }).finalLevel).toBe(2);
    expect(scoreAssessment({ items: L1, riskEvents30d: ["wandering", "wandering", "self_harm"] }).finalLevel).toBe(2);
    expect(scoreAssessment({ items: L1, riskEvents30d: 1 }).changes).toEqual([]);
    expect(scoreAssessment({ items: L1, riskEvents30d: ["fall"] }).finalLevel).toBe(1);
    expect(scoreAssessment({ items: L1, riskEvents30d: [] }).finalLevel).toBe(1);
  });

  it("raises once when the diagnosis and risk-event rules both apply", () => {
    const result = scoreAssessment({ items: L2, diagnoses: ["F01"], riskEvents30d: 2 });
    expect(result.finalLevel).toBe(3);
    expect(result.changes).toEqual([
      { rule: "dementia", from: 2, to: 3 },
      { rule: "risk_events", from: 3, to: 3 },
    ]);
  });

  it("raises twice with stackOneUpRules", () => {
    const result = scoreAssessment({ items: L1, diagnoses: ["F01"], riskEvents30d: 2 }, { stackOneUpRules: true });
    expect(result.finalLevel).toBe(3);
    expect(result.changes).toEqual([
      { rule: "dementia", from: 1, to: 2 },
      { rule: "risk_events", from: 2, to: 3 },
    ]);
  });

  it("treats dementia and a psychiatric diagnosis as one clause, even when stacking", () => {
    const diagnoses = ["F03", { code: "F32.1", byPsychiatrist: true }];
    for (const stackOneUpRules of [false, true]) {
      const result = scoreAssessment({ items: L1, diagnoses }, { stackOneUpRules });
      expect(result.finalLevel).toBe(2);
      expect(result.changes).toEqual([
        { rule: "dementia", from: 1, to: 2 },
        { rule: "mental_disorder", from: 2, to: 2 },
      ]);
    }
    const stacked = scoreAssessment({ items: L1, diagnoses, riskEvents30d: 2 }, { stackOneUpRules: true });
    expect(stacked.finalLevel).toBe(3);
    expect(stacked.changes.at(-1)).toEqual({ rule: "risk_events", from: 2, to: 3 });
  });

  it("never goes above level 4", () => {
    expect(scoreAssessment({ items: L4, diagnoses: ["F01"] })).toMatchObject({
      preliminaryLevel: 4,
      finalLevel: 4,
      changes: [{ rule: "dementia", from: 4, to: 4 }],
    });
    const result = scoreAssessment({ items: L3, diagnoses: ["F01"], riskEvents30d: 5 }, { stackOneUpRules: true });
    expect(result.finalLevel).toBe(4);
    expect(result.changes).toEqual([
      { rule: "dementia", from: 3, to: 4 },
      { rule: "risk_events", from: 4, to: 4 },
    ]);
  });
});

describe("ICD-10 codes", () => {
  it("parses common forms", () => {
    expect(parseIcd10("F01")).toEqual({ code: "F01", letter: "F", category: 1 });
    expect(parseIcd10("F01.1")).toEqual({ code: "F01.1", letter: "F", category: 1 });
    expect(parseIcd10(" f03 ")).toEqual({ code: "F03", letter: "F", category: 3 });
    expect(parseIcd10("F32.9")).toEqual({ code: "F32.9", letter: "F", category: 32 });
    expect(parseIcd10("F329")).toEqual({ code: "F32.9", letter: "F", category: 32 });
    expect(parseIcd10("F001")).toEqual({ code: "F00.1", letter: "F", category: 0 });
    expect(parseIcd10("F03.x00")).toEqual({ code: "F03.X00", letter: "F", category: 3 });
    expect(parseIcd10("G30.9")).toEqual({ code: "G30.9", letter: "G", category: 30 });
    for (const bad of ["", "F1", "F", "32.9", "FF01", "F01.", "F01-1", "F01..1", "痴呆"]) {
      expect(parseIcd10(bad), bad).toBeNull();
    }
  });

  it("classifies F00–F03 as dementia and F04–F99 as other mental disorders", () => {
    const kind = (code: string) => mentalDisorderKind(parseIcd10(code)!);
    expect(["F00", "F01.1", "F02", "F03.9"].map(kind)).toEqual(["dementia", "dementia", "dementia", "dementia"]);
    expect(["F04", "F10.2", "F32.9", "F99"].map(kind)).toEqual([
      "mental_disorder", "mental_disorder", "mental_disorder", "mental_disorder",
    ]);
    expect(["G30", "E11.9", "I63"].map(kind)).toEqual([null, null, null]);
  });
});

describe("ZScoreInput validation", () => {
  it("fills the optional fields", () => {
    expect(ZScoreInput.parse({ items: FULL })).toEqual({ items: FULL, coma: false, diagnoses: [], riskEvents30d: 0 });
  });

  it("names a missing item", () => {
    const { ["B2.4"]: _, ...items } = FULL;
    expect(messagesOf({ items })).toEqual(["缺少评估项 B2.4（上下楼梯）"]);
    expect(messagesOf({ items: { ...FULL, "B1.1": null } })).toEqual(["缺少评估项 B1.1（进食）"]);
  });

  it("rejects out-of-range and non-integer scores", () => {
    expect(messagesOf({ items: { ...FULL, "B2.4": 4 } })).toEqual(["B2.4（上下楼梯）的得分须为 0–3 的整数"]);
    expect(messagesOf({ items: { ...FULL, "B3.7": -1 } })).toEqual(["B3.7（攻击行为）的得分须为 0–1 的整数"]);
    expect(messagesOf({ items: { ...FULL, "B1.1": 2.5 } })).toEqual(["B1.1（进食）的得分须为 0–4 的整数"]);
    expect(messagesOf({ items: { ...FULL, "B4.1": "2" } })).toEqual(["B4.1（视力）的得分须为 0–2 的整数"]);
  });

  it("rejects unknown item codes and fields", () => {
    expect(messagesOf({ items: { ...FULL, "B5.1": 1 } })).toEqual(["未知的评估项 B5.1"]);
    expect(messagesOf({ items: FULL, riskEvents: 2 })[0]).toMatch(/^未知的字段 riskEvents/);
  });

  it("rejects a missing or malformed items object and non-objects", () => {
    expect(messagesOf({})).toEqual(["缺少 items（26 个评估项的得分）"]);
    expect(messagesOf({ items: [4, 4] })).toEqual(["items 须为对象，键为评估项编码，值为得分"]);
    expect(messagesOf([])[0]).toMatch(/^评估输入须为 JSON 对象/);
    expect(messagesOf("x")[0]).toMatch(/^评估输入须为 JSON 对象/);
  });

  it("rejects bad diagnoses, coma and risk events", () => {
    expect(messagesOf({ items: FULL, diagnoses: ["F1"] })).toEqual([
      '诊断编码 "F1" 不是有效的 ICD-10 编码（例如 F01、F03.9、F32.9）',
    ]);
    expect(messagesOf({ items: FULL, diagnoses: [7] })).toEqual(["每条诊断须为 ICD-10 编码，或 {code, byPsychiatrist} 对象"]);
    expect(messagesOf({ items: FULL, coma: "yes" })).toEqual(["coma 须为 true 或 false"]);
    for (const riskEvents30d of [-1, 1.5, "2", ["fall", "jumped"]]) {
      expect(messagesOf({ items: FULL, riskEvents30d })[0], JSON.stringify(riskEvents30d)).toMatch(/^riskEvents30d 须为/);
    }
  });

  it("makes scoreAssessment throw a ZodError listing every problem", () => {
    const items = { ...FULL, "B1.1": 5, "B4.4": 9 };
    expect(() => scoreAssessment({ items })).toThrow(ZodError);
    try {
      scoreAssessment({ items });
    } catch (error) {
      expect((error as ZodError).issues.map((i) => i.path.join("."))).toEqual(["items.B1.1", "items.B4.4"]);
    }
  });
});
