import { describe, expect, it } from "vitest";
import { ITEM_CODES, ITEM_MAX_SCORES } from "@/lib/assessment/items";
import { formatScoreText, scoreFromJson } from "./assess";

const FULL = Object.fromEntries(ITEM_CODES.map((code) => [code, ITEM_MAX_SCORES[code]]));

describe("assess score", () => {
  it("scores piped JSON into the documented shape", () => {
    const result = scoreFromJson(JSON.stringify({ items: FULL, coma: false, diagnoses: ["F01"], riskEvents30d: 0 }));
    expect(result).toEqual({
      total: 90,
      indicators: { B1: 32, B2: 15, B3: 28, B4: 15 },
      preliminaryLevel: 0,
      finalLevel: 1,
      changes: [{ rule: "dementia", from: 0, to: 1 }],
    });
  });

  it("passes the stacking option through", () => {
    const text = JSON.stringify({ items: FULL, diagnoses: ["F01"], riskEvents30d: 2 });
    expect(scoreFromJson(text).finalLevel).toBe(1);
    expect(scoreFromJson(text, { stackOneUpRules: true }).finalLevel).toBe(2);
  });

  it("rejects empty input, bad JSON and bad items with Chinese messages", () => {
    expect(() => scoreFromJson("  \n")).toThrow(/^标准输入为空/);
    expect(() => scoreFromJson("{items:")).toThrow(/^输入不是有效的 JSON/);
    const { ["B2.4"]: _, ...missing } = FULL;
    expect(() => scoreFromJson(JSON.stringify({ items: missing }))).toThrow("缺少评估项 B2.4（上下楼梯）");
    expect(() => scoreFromJson(JSON.stringify({ items: { ...FULL, "B2.4": 4 } }))).toThrow("B2.4（上下楼梯）的得分须为 0–3 的整数");
  });

  it("summarizes the result in Chinese without --json", () => {
    const text = formatScoreText(scoreFromJson(JSON.stringify({ items: { ...FULL, "B1.1": 0 }, riskEvents30d: 2 })));
    expect(text.split("\n")).toEqual([
      "总分 86/90（自理能力 28/32，基础运动能力 15/15，精神状态 28/28，感知觉与社会参与 15/15）",
      "初步等级 1 能力轻度受损（轻度失能）",
      "等级变更 近30天内发生过2次及以上照护风险事件（如跌倒、噎食、自杀、自伤、走失等），在原有能力级别上提高一个等级：1 → 2",
      "最终等级 2 能力中度受损（中度失能）",
    ]);
  });
});
