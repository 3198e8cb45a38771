// Turns the engine's structured reasons, and the rules themselves, into text through the message
// catalogue (messages/*/policy.json). Reasons keep codes and numbers; names of circumstances,
// levels and categories and yuan amounts are localised here, so a stored answer can be shown in
// either language.
import { translator } from "@/lib/i18n/translate";
import { DEFAULT_LOCALE, type TLocale } from "@/lib/i18n/config";
import { formatYuan } from "@/lib/money";
import type { TReason, TReasonParam } from "@/lib/policy/evaluate";
import type { TParameter } from "@/lib/policy/catalogue-schema";
import { flatOperands, type TAgeRange, type TAmountExpr, type TAmountRule, type TRule } from "@/lib/policy/rules";

type TTranslate = (key: string, values?: Record<string, string | number>) => string;

const translators = new Map<TLocale, TTranslate>();

/** A translator scoped to the policy namespace (cached per locale). */
function policyT(locale: TLocale): TTranslate {
  let t = translators.get(locale);
  if (!t) {
    const full = translator(locale) as unknown as TTranslate;
    t = (key, values) => full(`policy.${key}`, values);
    translators.set(locale, t);
  }
  return t;
}

const CIRCUMSTANCE_LIST_PARAMS = new Set(["matched", "required", "missing", "excluded", "present"]);

function list(t: TTranslate, names: string[]): string {
  return names.join(t("listSeparator"));
}

function localiseParam(t: TTranslate, name: string, value: TReasonParam): string | number {
  if (name.endsWith("Fen") && typeof value === "number") return formatYuan(value);
  if (CIRCUMSTANCE_LIST_PARAMS.has(name) && Array.isArray(value)) return list(t, value.map((k) => t(`circumstance.${k}`)));
  if (name === "categories" && Array.isArray(value)) return list(t, value.map((k) => t(`disabilityCategory.${k}`)));
  if (name === "category") return t(`disabilityCategory.${value}`);
  if (name === "levels" && Array.isArray(value)) return list(t, value.map((k) => t(`capabilityLevel.${k}`)));
  if (name === "level") return value === -1 ? t("capabilityLevel.none") : t(`capabilityLevel.${value}`);
  if (name === "sex" || name === "requiredSex") return t(`sex.${value}`);
  if (name === "residence" || name === "requiredResidence") return t(`residence.${value}`);
  if (Array.isArray(value)) return list(t, value.map(String));
  if (typeof value === "boolean") return String(value);
  return value;
}

export type TReasonLine = { text: string; ok: boolean; depth: number };

/** Reasons as lines of text with their nesting depth (for indented display). */
export function renderReasonLines(reasons: TReason[], locale: TLocale = DEFAULT_LOCALE): TReasonLine[] {
  const t = policyT(locale);
  return reasons.map((reason) => {
    const values: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(reason.params)) values[name] = localiseParam(t, name, value);
    return { text: t(`reason.${reason.key}`, values), ok: reason.ok, depth: reason.depth };
  });
}

/** Reasons as plain text, one string per reason, e.g. "年龄 85 周岁，满足 80–89 周岁档". */
export function renderReasons(reasons: TReason[], locale: TLocale = DEFAULT_LOCALE): string[] {
  return renderReasonLines(reasons, locale).map((line) => line.text);
}

// ---------------------------------------------------------------------------------------------
// Rules in plain language (catalogue administration)

export type TDescribeOptions = {
  /** The catalogue's 经济困难 circumstances, named in the description of economicHardship. */
  economicHardship?: string[];
  /** The catalogue's parameters, for their labels. */
  parameters?: TParameter[];
};

function ageRange(t: TTranslate, range: TAgeRange): string {
  if (range.min !== undefined && range.max !== undefined) return t("describe.ageRange.between", { min: range.min, max: range.max });
  if (range.min !== undefined) return t("describe.ageRange.atLeast", { min: range.min });
  if (range.max !== undefined) return t("describe.ageRange.atMost", { max: range.max });
  return t("describe.ageRange.any");
}

function levelsOf(rule: { levels?: number[]; min?: number; max?: number }): number[] {
  const levels: number[] = [];
  for (let level = 0; level <= 4; level++) {
    if (rule.levels && !rule.levels.includes(level)) continue;
    if (rule.min !== undefined && level < rule.min) continue;
    if (rule.max !== undefined && level > rule.max) continue;
    levels.push(level);
  }
  return levels;
}

function describeWith(t: TTranslate, rule: TRule, options: TDescribeOptions, nested: boolean): string {
  const circumstances = (keys: string[]) => list(t, keys.map((k) => t(`circumstance.${k}`)));
  switch (rule.kind) {
    case "age":
      return t(`describe.age.${rule.min !== undefined && rule.max !== undefined ? "between" : rule.min !== undefined ? "atLeast" : "atMost"}`, {
        ...(rule.min !== undefined ? { min: rule.min } : {}),
        ...(rule.max !== undefined ? { max: rule.max } : {}),
      });
    case "ageBySex":
      return t("describe.ageBySex", { male: ageRange(t, rule.male), female: ageRange(t, rule.female) });
    case "sex":
      return t("describe.sex", { sex: t(`sex.${rule.is}`) });
    case "hukou":
      return t(rule.local ? "describe.hukou.local" : "describe.hukou.nonLocal");
    case "residence":
      return t("describe.residence", { residence: t(`residence.${rule.is}`) });
    case "alive":
      return t("describe.alive");
    case "circumstances": {
      const parts: string[] = [];
      if (rule.anyOf) parts.push(t(rule.anyOf.length === 1 ? "describe.circumstances.one" : "describe.circumstances.anyOf", { list: circumstances(rule.anyOf) }));
      if (rule.allOf) parts.push(t("describe.circumstances.allOf", { list: circumstances(rule.allOf) }));
      if (rule.noneOf) parts.push(t("describe.circumstances.noneOf", { list: circumstances(rule.noneOf) }));
      return parts.join(t("describe.separator"));
    }
    case "economicHardship": {
      const keys = rule.circumstances ?? options.economicHardship;
      return keys ? t("describe.economicHardship.listed", { list: circumstances(keys) }) : t("describe.economicHardship.plain");
    }
    case "disability": {
      const parts: string[] = [];
      if (rule.grade) {
        const min = rule.grade.min ?? 1;
        const max = rule.grade.max ?? 4;
        parts.push(min === max ? t("describe.disability.gradeExact", { grade: min }) : t("describe.disability.grade", { min, max }));
      }
      if (rule.categories) parts.push(t("describe.disability.category", { list: list(t, rule.categories.map((c) => t(`disabilityCategory.${c}`))) }));
      return parts.length ? parts.join(t("describe.joiner")) : t("describe.disability.any");
    }
    case "capability":
      return t("describe.capability", { levels: list(t, levelsOf(rule).map((l) => t(`capabilityLevel.${l}`))) });
    case "manualCheck":
      return t("describe.manualCheck", { note: rule.note });
    case "institution":
      return t("describe.institution");
    case "and": {
      const operands = flatOperands("and", rule.rules);
      if (operands.length === 0) return t("describe.always");
      if (operands.length === 1) return describeWith(t, operands[0], options, nested);
      const text = operands.map((r) => describeWith(t, r, options, true)).join(t("describe.separator"));
      return nested ? t("describe.group", { rule: text }) : text;
    }
    case "or": {
      const operands = flatOperands("or", rule.rules);
      if (operands.length === 1) return describeWith(t, operands[0], options, nested);
      const text = t("describe.anyOf", { rules: operands.map((r) => describeWith(t, r, options, true)).join(t("describe.orSeparator")) });
      return nested ? t("describe.group", { rule: text }) : text;
    }
    case "not":
      return t("describe.not", { rule: describeWith(t, rule.rule, options, true) });
  }
}

/** An eligibility rule in plain language, e.g. "健在；本县户籍；年满 80 周岁". */
export function describeRule(rule: TRule, locale: TLocale = DEFAULT_LOCALE, options: TDescribeOptions = {}): string {
  return describeWith(policyT(locale), rule, options, false);
}

function describeExpr(t: TTranslate, expr: TAmountExpr, options: TDescribeOptions): string {
  switch (expr.kind) {
    case "fixed":
      return t("describe.amount.fixed", { amount: formatYuan(expr.fen) });
    case "param": {
      const label = options.parameters?.find((p) => p.name === expr.param)?.label ?? expr.param;
      const numerator = expr.numerator ?? 1;
      const denominator = expr.denominator ?? 1;
      if (numerator === denominator) return t("describe.amount.param", { label });
      return t(`describe.amount.scaled.${expr.rounding ?? "ceil"}`, { label, numerator, denominator });
    }
    case "tiers": {
      const parts = expr.tiers.map((tier) =>
        t("describe.amount.tier", { when: describeWith(t, tier.when, options, true), amount: describeExpr(t, tier.amount, options) }),
      );
      if (expr.otherwise) parts.push(t("describe.amount.otherwise", { amount: describeExpr(t, expr.otherwise, options) }));
      return parts.join(t("describe.separator"));
    }
    case "sum":
      return expr.parts
        .map((part) => (part.kind === "tiers" && part.tiers.length + (part.otherwise ? 1 : 0) > 1 ? t("describe.group", { rule: describeExpr(t, part, options) }) : describeExpr(t, part, options)))
        .join(t("describe.amount.plus"));
  }
}

/** An amount rule in plain language, e.g. "每月：70–79 周岁：50 元；80–89 周岁：100 元". */
export function describeAmount(rule: TAmountRule, locale: TLocale = DEFAULT_LOCALE, options: TDescribeOptions = {}): string {
  const t = policyT(locale);
  switch (rule.kind) {
    case "none":
      return t("describe.amount.none");
    case "caseByCase":
      return t(`describe.amount.caseByCase.${rule.period}`);
    case "monthly":
      return t("describe.amount.monthly", { amount: describeExpr(t, rule.amount, options) });
    case "oneOff": {
      const text = t(rule.upTo ? "describe.amount.oneOffUpTo" : "describe.amount.oneOff", { amount: describeExpr(t, rule.amount, options) });
      return rule.capFen === undefined ? text : `${text}${t("describe.amount.cap", { cap: formatYuan(rule.capFen) })}`;
    }
  }
}
