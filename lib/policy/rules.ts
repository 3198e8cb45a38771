// The declarative rule language of a catalogue item: an eligibility rule (a predicate tree over
// TPersonFacts) and an amount rule (integer fen). Rules are plain JSON, stored with a catalogue
// version and validated here; docs/decisions/006-policy-rule-language.md describes the language.
//
// The types are written out by hand because the language is recursive (and/or/not, tiers inside
// sums); each schema is annotated with its type so the two cannot drift apart.
import { z } from "zod";
import { CIRCUMSTANCE_KEYS, DISABILITY_CATEGORIES, type TCircumstanceKey, type TDisabilityCategory, type TResidence, type TSex } from "@/lib/policy/facts";

/** The largest amount, in fen, any rule may produce or reference (¥10,000,000). */
export const MAX_FEN = 1_000_000_000;

export type TAgeRange = { min?: number; max?: number };
export type TGradeRange = { min?: number; max?: number };
export type TCapabilityLevel = 0 | 1 | 2 | 3 | 4;

export type TPredicate =
  /** 周岁 between min and max, both inclusive, either optional. */
  | { kind: "age"; min?: number; max?: number }
  /** 周岁 range chosen by sex (杨陵区 计生 tiers: men 49–59 / women 49–54). */
  | { kind: "ageBySex"; male: TAgeRange; female: TAgeRange }
  | { kind: "sex"; is: TSex }
  /** 户籍 in the county (local: true) or outside it (local: false). */
  | { kind: "hukou"; local: boolean }
  | { kind: "residence"; is: TResidence }
  | { kind: "alive" }
  /** Circumstances in force: at least one of anyOf, every one of allOf, none of noneOf. */
  | { kind: "circumstances"; anyOf?: TCircumstanceKey[]; allOf?: TCircumstanceKey[]; noneOf?: TCircumstanceKey[] }
  /** 经济困难: any of the circumstances the catalogue counts as hardship (or this override). */
  | { kind: "economicHardship"; circumstances?: TCircumstanceKey[] }
  /** Holds a disability certificate; optionally a grade range (1 = most severe) and categories. */
  | { kind: "disability"; grade?: TGradeRange; categories?: TDisabilityCategory[] }
  /** Final capability level (GB/T 42195, 0–4) in a set and/or a range. */
  | { kind: "capability"; levels?: TCapabilityLevel[]; min?: TCapabilityLevel; max?: TCapabilityLevel }
  /** A condition the facts cannot show (参保, 有需求, 自愿…): always holds, staff must check it. */
  | { kind: "manualCheck"; note: string }
  /** The item serves institutions, not persons: never holds for a person. */
  | { kind: "institution" };

export type TRule =
  | TPredicate
  | { kind: "and"; rules: TRule[] }
  | { kind: "or"; rules: TRule[] }
  | { kind: "not"; rule: TRule };

export type TRounding = "ceil" | "floor" | "halfUp";

/** An amount in fen, evaluated for one person. */
export type TAmountExpr =
  | { kind: "fixed"; fen: number }
  /** A named county parameter (fen) × numerator / denominator, rounded to whole fen. */
  | { kind: "param"; param: string; numerator?: number; denominator?: number; rounding?: TRounding }
  /** First tier whose `when` holds; `otherwise` when none does (no amount when absent). */
  | { kind: "tiers"; tiers: { when: TRule; amount: TAmountExpr }[]; otherwise?: TAmountExpr }
  | { kind: "sum"; parts: TAmountExpr[] };

export type TAmountRule =
  | { kind: "none" }
  | { kind: "monthly"; amount: TAmountExpr }
  /** Paid once; capFen limits the computed amount; upTo marks the figure as a ceiling (不超过). */
  | { kind: "oneOff"; amount: TAmountExpr; capFen?: number; upTo?: boolean }
  /** Money is paid but the document fixes no formula: set case by case (e.g. fee minus benefits). */
  | { kind: "caseByCase"; period: "monthly" | "oneOff" };

const ZAge = z.number().int().min(0).max(150);
const ZAgeRange: z.ZodType<TAgeRange> = z
  .strictObject({ min: ZAge.optional(), max: ZAge.optional() })
  .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, { message: "min must not exceed max" });
const ZGrade = z.number().int().min(1).max(4);
const ZCapabilityLevel = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export const ZCircumstanceKey = z.enum(CIRCUMSTANCE_KEYS);
export const ZDisabilityCategory = z.enum(DISABILITY_CATEGORIES);
const ZCircumstanceList = z.array(ZCircumstanceKey).min(1);

const ZAgePredicate = z
  .strictObject({ kind: z.literal("age"), min: ZAge.optional(), max: ZAge.optional() })
  .refine((r) => r.min !== undefined || r.max !== undefined, { message: "an age predicate needs min or max" })
  .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, { message: "min must not exceed max" });

const ZAgeBySexPredicate = z.strictObject({ kind: z.literal("ageBySex"), male: ZAgeRange, female: ZAgeRange });

const ZCircumstancesPredicate = z
  .strictObject({
    kind: z.literal("circumstances"),
    anyOf: ZCircumstanceList.optional(),
    allOf: ZCircumstanceList.optional(),
    noneOf: ZCircumstanceList.optional(),
  })
  .refine((r) => r.anyOf || r.allOf || r.noneOf, { message: "a circumstances predicate needs anyOf, allOf or noneOf" });

const ZDisabilityPredicate = z.strictObject({
  kind: z.literal("disability"),
  grade: z
    .strictObject({ min: ZGrade.optional(), max: ZGrade.optional() })
    .refine((r) => r.min !== undefined || r.max !== undefined, { message: "a grade range needs min or max" })
    .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, { message: "min must not exceed max" })
    .optional(),
  categories: z.array(ZDisabilityCategory).min(1).optional(),
});

const ZCapabilityPredicate = z
  .strictObject({
    kind: z.literal("capability"),
    levels: z.array(ZCapabilityLevel).min(1).optional(),
    min: ZCapabilityLevel.optional(),
    max: ZCapabilityLevel.optional(),
  })
  .refine((r) => r.levels || r.min !== undefined || r.max !== undefined, { message: "a capability predicate needs levels, min or max" })
  .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, { message: "min must not exceed max" });

export const ZRule: z.ZodType<TRule> = z.lazy(() =>
  z.discriminatedUnion("kind", [
    ZAgePredicate,
    ZAgeBySexPredicate,
    z.strictObject({ kind: z.literal("sex"), is: z.enum(["male", "female"]) }),
    z.strictObject({ kind: z.literal("hukou"), local: z.boolean() }),
    z.strictObject({ kind: z.literal("residence"), is: z.enum(["urban", "rural"]) }),
    z.strictObject({ kind: z.literal("alive") }),
    ZCircumstancesPredicate,
    z.strictObject({ kind: z.literal("economicHardship"), circumstances: ZCircumstanceList.optional() }),
    ZDisabilityPredicate,
    ZCapabilityPredicate,
    z.strictObject({ kind: z.literal("manualCheck"), note: z.string().trim().min(1).max(200) }),
    z.strictObject({ kind: z.literal("institution") }),
    z.strictObject({ kind: z.literal("and"), rules: z.array(ZRule) }),
    z.strictObject({ kind: z.literal("or"), rules: z.array(ZRule).min(1) }),
    z.strictObject({ kind: z.literal("not"), rule: ZRule }),
  ]),
);

const ZFen = z.number().int().min(0).max(MAX_FEN);
export const ZParamName = z.string().regex(/^[a-z][a-z0-9_]{1,63}$/, "parameter names are snake_case");

export const ZAmountExpr: z.ZodType<TAmountExpr> = z.lazy(() =>
  z.discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("fixed"), fen: ZFen }),
    z.strictObject({
      kind: z.literal("param"),
      param: ZParamName,
      numerator: z.number().int().min(0).max(1_000_000).optional(),
      denominator: z.number().int().min(1).max(1_000_000).optional(),
      rounding: z.enum(["ceil", "floor", "halfUp"]).optional(),
    }),
    z.strictObject({
      kind: z.literal("tiers"),
      tiers: z.array(z.strictObject({ when: ZRule, amount: ZAmountExpr })).min(1),
      otherwise: ZAmountExpr.optional(),
    }),
    z.strictObject({ kind: z.literal("sum"), parts: z.array(ZAmountExpr).min(1) }),
  ]),
);

export const ZAmountRule: z.ZodType<TAmountRule> = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("none") }),
  z.strictObject({ kind: z.literal("monthly"), amount: ZAmountExpr }),
  z.strictObject({ kind: z.literal("oneOff"), amount: ZAmountExpr, capFen: ZFen.optional(), upTo: z.boolean().optional() }),
  z.strictObject({ kind: z.literal("caseByCase"), period: z.enum(["monthly", "oneOff"]) }),
]);

/** Every parameter name an amount rule references, in order of first appearance. */
export function paramsOfAmount(rule: TAmountRule): string[] {
  const names: string[] = [];
  const walk = (expr: TAmountExpr) => {
    switch (expr.kind) {
      case "fixed":
        return;
      case "param":
        if (!names.includes(expr.param)) names.push(expr.param);
        return;
      case "tiers":
        expr.tiers.forEach((t) => walk(t.amount));
        if (expr.otherwise) walk(expr.otherwise);
        return;
      case "sum":
        expr.parts.forEach(walk);
        return;
    }
  };
  if (rule.kind === "monthly" || rule.kind === "oneOff") walk(rule.amount);
  return names;
}

/** Whether the rule tree contains a predicate of the given kind (used by catalogue checks). */
export function ruleContains(rule: TRule, kind: TRule["kind"]): boolean {
  if (rule.kind === kind) return true;
  if (rule.kind === "and" || rule.kind === "or") return rule.rules.some((r) => ruleContains(r, kind));
  if (rule.kind === "not") return ruleContains(rule.rule, kind);
  return false;
}

/** The operands of an and/or with nested operands of the same kind spliced in ((a∨b)∨c = a∨b∨c). */
export function flatOperands(kind: "and" | "or", rules: TRule[]): TRule[] {
  return rules.flatMap((rule) => (rule.kind === kind ? flatOperands(kind, rule.rules) : [rule]));
}
