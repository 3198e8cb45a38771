// The rule language: what the schemas accept and reject.
import { describe, expect, it } from "vitest";
import { ZAmountExpr, ZAmountRule, ZRule, paramsOfAmount, ruleContains, type TAmountRule, type TRule } from "@/lib/policy/rules";

function accepts(rule: unknown) {
  return ZRule.safeParse(rule).success;
}

describe("ZRule", () => {
  it("accepts every predicate kind", () => {
    const rules: unknown[] = [
      { kind: "age", min: 80 },
      { kind: "age", max: 59 },
      { kind: "age", min: 80, max: 89 },
      { kind: "ageBySex", male: { min: 49, max: 59 }, female: { min: 49, max: 54 } },
      { kind: "sex", is: "male" },
      { kind: "hukou", local: true },
      { kind: "hukou", local: false },
      { kind: "residence", is: "rural" },
      { kind: "alive" },
      { kind: "circumstances", anyOf: ["dibao", "tekun_dispersed"] },
      { kind: "circumstances", allOf: ["dibao"], noneOf: ["tekun_centralized"] },
      { kind: "economicHardship" },
      { kind: "economicHardship", circumstances: ["dibao", "dibao_edge"] },
      { kind: "disability" },
      { kind: "disability", grade: { min: 1, max: 2 } },
      { kind: "disability", grade: { min: 3 }, categories: ["intellectual", "mental"] },
      { kind: "capability", levels: [3, 4] },
      { kind: "capability", min: 2 },
      { kind: "manualCheck", note: "持老年证" },
      { kind: "institution" },
    ];
    expect(rules.map(accepts)).toEqual(rules.map(() => true));
  });

  it("accepts nested combinators and returns the same JSON", () => {
    const rule: TRule = {
      kind: "and",
      rules: [
        { kind: "alive" },
        { kind: "or", rules: [{ kind: "circumstances", anyOf: ["dibao"] }, { kind: "not", rule: { kind: "hukou", local: true } }] },
      ],
    };
    expect(ZRule.parse(rule)).toEqual(rule);
    expect(ZRule.parse(JSON.parse(JSON.stringify(rule)))).toEqual(rule);
  });

  it("rejects malformed rules", () => {
    const bad: unknown[] = [
      { kind: "age" }, // neither bound
      { kind: "age", min: 90, max: 80 }, // inverted
      { kind: "age", min: 80.5 }, // not whole years
      { kind: "age", min: -1 },
      { kind: "age", min: 80, extra: 1 }, // unknown key (typo protection)
      { kind: "ageBySex", male: { min: 60 } }, // female missing
      { kind: "ageBySex", male: { min: 60, max: 50 }, female: {} },
      { kind: "sex", is: "other" },
      { kind: "hukou" },
      { kind: "residence", is: "suburban" },
      { kind: "circumstances" }, // no list
      { kind: "circumstances", anyOf: [] },
      { kind: "circumstances", anyOf: ["pension"] }, // unknown circumstance
      { kind: "disability", grade: {} },
      { kind: "disability", grade: { min: 0 } },
      { kind: "disability", grade: { min: 3, max: 2 } },
      { kind: "disability", categories: ["emotional"] },
      { kind: "capability" },
      { kind: "capability", levels: [5] },
      { kind: "capability", min: 4, max: 2 },
      { kind: "manualCheck", note: "  " },
      { kind: "or", rules: [] },
      { kind: "not", rules: [{ kind: "alive" }] },
      { kind: "and", rules: [{ kind: "alive" }, { kind: "unknown" }] },
      { kind: "and", rules: [{ kind: "age", min: "80" }] },
      "alive",
      null,
    ];
    expect(bad.map(accepts)).toEqual(bad.map(() => false));
  });

  it("reports where a nested rule is wrong", () => {
    const result = ZRule.safeParse({ kind: "and", rules: [{ kind: "alive" }, { kind: "age", min: 80, mni: 1 }] });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].path).toEqual(["rules", 1]);
  });
});

describe("ZAmountRule", () => {
  it("accepts every amount kind", () => {
    const rules: unknown[] = [
      { kind: "none" },
      { kind: "monthly", amount: { kind: "fixed", fen: 5000 } },
      { kind: "monthly", amount: { kind: "param", param: "dibao_standard_monthly", numerator: 30, denominator: 100, rounding: "ceil" } },
      {
        kind: "monthly",
        amount: {
          kind: "tiers",
          tiers: [{ when: { kind: "age", min: 80, max: 89 }, amount: { kind: "fixed", fen: 10000 } }],
          otherwise: { kind: "fixed", fen: 5000 },
        },
      },
      { kind: "monthly", amount: { kind: "sum", parts: [{ kind: "fixed", fen: 1 }, { kind: "param", param: "x_y" }] } },
      { kind: "oneOff", amount: { kind: "fixed", fen: 200000 }, upTo: true },
      { kind: "oneOff", amount: { kind: "param", param: "training" }, capFen: 400000 },
      { kind: "caseByCase", period: "monthly" },
    ];
    expect(rules.map((r) => ZAmountRule.safeParse(r).success)).toEqual(rules.map(() => true));
  });

  it("rejects floats, negative money, bad parameters and empty tiers", () => {
    const bad: unknown[] = [
      { kind: "monthly", amount: { kind: "fixed", fen: 50.5 } },
      { kind: "monthly", amount: { kind: "fixed", fen: -100 } },
      { kind: "monthly", amount: { kind: "fixed", fen: 2_000_000_000 } },
      { kind: "monthly", amount: { kind: "param", param: "Dibao Standard" } },
      { kind: "monthly", amount: { kind: "param", param: "dibao", denominator: 0 } },
      { kind: "monthly", amount: { kind: "param", param: "dibao", numerator: 0.3 } },
      { kind: "monthly", amount: { kind: "param", param: "dibao", rounding: "bankers" } },
      { kind: "monthly", amount: { kind: "tiers", tiers: [] } },
      { kind: "monthly", amount: { kind: "sum", parts: [] } },
      { kind: "monthly" },
      { kind: "oneOff", amount: { kind: "fixed", fen: 1 }, capFen: -1 },
      { kind: "caseByCase", period: "weekly" },
      { kind: "yearly", amount: { kind: "fixed", fen: 1 } },
    ];
    expect(bad.map((r) => ZAmountRule.safeParse(r).success)).toEqual(bad.map(() => false));
    expect(ZAmountExpr.safeParse({ kind: "fixed", fen: 100 }).success).toBe(true);
  });

  it("lists the parameters an amount references", () => {
    const rule: TAmountRule = {
      kind: "monthly",
      amount: {
        kind: "sum",
        parts: [
          { kind: "tiers", tiers: [{ when: { kind: "residence", is: "urban" }, amount: { kind: "param", param: "urban" } }], otherwise: { kind: "param", param: "rural" } },
          { kind: "param", param: "urban", numerator: 2 },
          { kind: "fixed", fen: 1 },
        ],
      },
    };
    expect(paramsOfAmount(rule)).toEqual(["urban", "rural"]);
    expect(paramsOfAmount({ kind: "none" })).toEqual([]);
    expect(paramsOfAmount({ kind: "caseByCase", period: "oneOff" })).toEqual([]);
  });

  it("finds predicate kinds inside a rule", () => {
    const rule: TRule = { kind: "and", rules: [{ kind: "alive" }, { kind: "not", rule: { kind: "or", rules: [{ kind: "hukou", local: true }] } }] };
    expect(ruleContains(rule, "hukou")).toBe(true);
    expect(ruleContains(rule, "age")).toBe(false);
  });
});
