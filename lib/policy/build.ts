// Small constructors for rule JSON, used by the catalogue data files so that they read close to
// the documents. They return plain objects: what they build is exactly the stored JSON.
import type { TCircumstanceKey, TDisabilityCategory, TResidence } from "@/lib/policy/facts";
import type { TCatalogueItemInput, TDelivery } from "@/lib/policy/catalogue-schema";
import type { TAgeRange, TAmountExpr, TAmountRule, TCapabilityLevel, TPredicate, TRounding, TRule } from "@/lib/policy/rules";

export const rule = {
  and: (...rules: TRule[]): TRule => ({ kind: "and", rules }),
  or: (...rules: TRule[]): TRule => ({ kind: "or", rules }),
  not: (r: TRule): TRule => ({ kind: "not", rule: r }),
  alive: (): TPredicate => ({ kind: "alive" }),
  /** A rule about a living person: alive and every given condition. */
  person: (...rules: TRule[]): TRule => ({ kind: "and", rules: [{ kind: "alive" }, ...rules] }),
  /** 周岁 in [min, max]; pass undefined for an open end. */
  age: (min?: number, max?: number): TPredicate => ({
    kind: "age",
    ...(min !== undefined ? { min } : {}),
    ...(max !== undefined ? { max } : {}),
  }),
  ageBySex: (male: TAgeRange, female: TAgeRange): TPredicate => ({ kind: "ageBySex", male, female }),
  local: (): TPredicate => ({ kind: "hukou", local: true }),
  nonLocal: (): TPredicate => ({ kind: "hukou", local: false }),
  residence: (is: TResidence): TPredicate => ({ kind: "residence", is }),
  anyOf: (...anyOf: TCircumstanceKey[]): TPredicate => ({ kind: "circumstances", anyOf }),
  allOf: (...allOf: TCircumstanceKey[]): TPredicate => ({ kind: "circumstances", allOf }),
  noneOf: (...noneOf: TCircumstanceKey[]): TPredicate => ({ kind: "circumstances", noneOf }),
  hardship: (): TPredicate => ({ kind: "economicHardship" }),
  disabled: (): TPredicate => ({ kind: "disability" }),
  disabilityGrade: (min: number, max: number, categories?: TDisabilityCategory[]): TPredicate => ({
    kind: "disability",
    grade: { min, max },
    ...(categories ? { categories } : {}),
  }),
  capability: (min: TCapabilityLevel, max: TCapabilityLevel = 4): TPredicate => ({ kind: "capability", min, max }),
  check: (note: string): TPredicate => ({ kind: "manualCheck", note }),
  institution: (): TPredicate => ({ kind: "institution" }),
};

export const amount = {
  none: (): TAmountRule => ({ kind: "none" }),
  monthly: (expr: TAmountExpr): TAmountRule => ({ kind: "monthly", amount: expr }),
  oneOff: (expr: TAmountExpr, options: { capFen?: number; upTo?: boolean } = {}): TAmountRule => ({ kind: "oneOff", amount: expr, ...options }),
  caseByCase: (period: "monthly" | "oneOff"): TAmountRule => ({ kind: "caseByCase", period }),
  /** Whole yuan as fen (documents state whole yuan; anything else is a mistake in the data). */
  yuan: (yuan: number): TAmountExpr => {
    if (!Number.isSafeInteger(yuan) || yuan < 0) throw new RangeError(`amount.yuan needs whole yuan, got ${yuan}`);
    return { kind: "fixed", fen: yuan * 100 };
  },
  fen: (fen: number): TAmountExpr => ({ kind: "fixed", fen }),
  param: (param: string, numerator = 1, denominator = 1, rounding: TRounding = "ceil"): TAmountExpr =>
    numerator === 1 && denominator === 1 ? { kind: "param", param } : { kind: "param", param, numerator, denominator, rounding },
  tiers: (tiers: [TRule, TAmountExpr][], otherwise?: TAmountExpr): TAmountExpr => ({
    kind: "tiers",
    tiers: tiers.map(([when, expr]) => ({ when, amount: expr })),
    ...(otherwise ? { otherwise } : {}),
  }),
  sum: (...parts: TAmountExpr[]): TAmountExpr => ({ kind: "sum", parts }),
};

/** Public notice of the default length, for cash items (DESIGN.md: 7 days). */
export const NOTICE_7 = { publicNotice: true, noticeDays: 7 } as const;
export const NO_NOTICE = { publicNotice: false, noticeDays: null } as const;

type TItemSpec = Omit<TCatalogueItemInput, "workflow" | "needsApplication" | "exclusions"> &
  Partial<Pick<TCatalogueItemInput, "workflow" | "needsApplication" | "exclusions">>;

const CASH: TDelivery[] = ["monthly_cash", "one_off_cash"];

/**
 * A catalogue item with the defaults spelled out in ADR 006: cash items need an application and
 * a 7-day public notice; services run by the civil-affairs bureau need an application and no
 * notice; referrals and information need neither. Any field given explicitly wins.
 */
export function defineItem(spec: TItemSpec): TCatalogueItemInput {
  const cash = CASH.includes(spec.delivery);
  return {
    ...spec,
    needsApplication: spec.needsApplication ?? (cash || spec.delivery === "service"),
    workflow: spec.workflow ?? (cash ? { ...NOTICE_7 } : { ...NO_NOTICE }),
    exclusions: spec.exclusions ?? [],
  };
}
