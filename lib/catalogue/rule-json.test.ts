import { describe, expect, it } from "vitest";
import { parseJsonWith, pathText } from "@/lib/catalogue/rule-json";
import { ZAmountRule, ZRule } from "@/lib/policy/rules";

describe("rule JSON from the item editor", () => {
  it("accepts a valid rule", () => {
    const text = '{"kind":"and","rules":[{"kind":"alive"},{"kind":"hukou","local":true},{"kind":"age","min":80}]}';
    expect(parseJsonWith(text, ZRule)).toEqual({ ok: true, value: JSON.parse(text) });
  });

  it("names each problem by its place in the JSON", () => {
    expect(parseJsonWith("", ZRule)).toEqual({ ok: false, problems: [{ key: "json.empty", values: {} }] });
    const syntax = parseJsonWith('{"kind":', ZRule);
    expect(syntax.ok === false && syntax.problems[0].key).toBe("json.syntax");
    expect(parseJsonWith('{"kind":"and","rules":[{"kind":"alive"},{"kind":"agee","min":80}]}', ZRule)).toEqual({
      ok: false,
      problems: [{ key: "json.unknownKind", values: { at: "rules[1].kind" } }],
    });
    expect(parseJsonWith('{"kind":"age","min":90,"max":80}', ZRule)).toEqual({ ok: false, problems: [{ key: "json.minAboveMax", values: { at: "—" } }] });
    expect(parseJsonWith('{"kind":"age","min":"80"}', ZRule)).toMatchObject({ ok: false, problems: [{ key: "json.type", values: { at: "min", expected: "number" } }] });
    expect(parseJsonWith('{"kind":"hukou","local":true,"where":1}', ZRule)).toMatchObject({ ok: false, problems: [{ key: "json.unknownKeys", values: { keys: "where" } }] });
    expect(parseJsonWith('{"kind":"monthly","amount":{"kind":"fixed","fen":-1}}', ZAmountRule)).toMatchObject({
      ok: false,
      problems: [{ key: "json.tooSmall", values: { at: "amount.fen", minimum: "0" } }],
    });
    expect(parseJsonWith('{"kind":"monthly"}', ZAmountRule)).toMatchObject({ ok: false, problems: [{ key: "json.missing", values: { at: "amount" } }] });
  });

  it("writes paths the way an admin reads them", () => {
    expect(pathText(["rules", 1, "min"])).toBe("rules[1].min");
    expect(pathText(["amount", "tiers", 0, "when"])).toBe("amount.tiers[0].when");
    expect(pathText([])).toBe("");
  });
});

