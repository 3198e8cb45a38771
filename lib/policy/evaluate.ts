// The policy engine: evaluates a parsed catalogue for one person's facts. Rules are compiled once
// per catalogue into closures (cached by catalogue object), so evaluating many people never
// re-parses or re-walks the JSON. Every answer carries structured reasons, predicate by
// predicate, which lib/policy/render.ts turns into Chinese or English text.
import { CIRCUMSTANCE_KEYS, type TCircumstanceKey, type TPersonFacts } from "@/lib/policy/facts";
import { mulDivRound } from "@/lib/money";
import type { TCatalogue, TCatalogueItem } from "@/lib/policy/catalogue-schema";
import { flatOperands, type TAmountExpr, type TAmountRule, type TCapabilityLevel, type TRule } from "@/lib/policy/rules";

export { renderReasons, renderReasonLines, describeRule, describeAmount } from "@/lib/policy/render";

export type TReasonParam = string | number | boolean | string[] | number[];
/**
 * One step of an answer. `key` names a message under policy.reason in the message catalogue;
 * `ok` says whether the step is satisfied; `depth` nests the steps of and/or/not groups.
 */
export type TReason = { key: string; params: Record<string, TReasonParam>; ok: boolean; depth: number };

export type TItemResult = {
  code: string;
  name: string;
  eligible: boolean;
  /** Monthly amount in fen; null when not eligible, not monthly, or not determinable. */
  monthlyAmountFen: number | null;
  /** One-off amount in fen; null when not eligible, not one-off, or not determinable. */
  oneOffAmountFen: number | null;
  reasons: TReason[];
  /** Set when the person qualifies but an exclusive item was chosen instead. */
  excludedBy: string | null;
};

/** Values of county parameters in fen; a missing name falls back to the catalogue default. */
export type TParamValues = Record<string, number | null | undefined>;
export type TEvaluateOptions = {
  /** Build reasons (default true). Bulk scans that need only eligibility and amounts turn it off. */
  withReasons?: boolean;
};

/** What evaluateRule/evaluateAmount count as 经济困难 when no catalogue says otherwise. */
export const DEFAULT_ECONOMIC_HARDSHIP: TCircumstanceKey[] = ["low_income", "dibao", "dibao_edge", "tekun_dispersed", "tekun_centralized"];

// ---------------------------------------------------------------------------------------------
// Compilation

type TCtx = {
  facts: TPersonFacts;
  mask: number;
  out: TReason[] | null;
  params: Map<string, number | null>;
  labels: Map<string, string>;
};
type TPredicateFn = (ctx: TCtx, depth: number) => boolean;
type TAmountFn = (ctx: TCtx, depth: number) => number | null;
type TCompileEnv = { hardshipMask: number };

// Circumstances become bits of a 31-bit mask; more keys than that need a wider representation.
if (CIRCUMSTANCE_KEYS.length > 31) throw new Error("circumstance masks hold at most 31 keys");
const CIRCUMSTANCE_BIT = new Map<string, number>(CIRCUMSTANCE_KEYS.map((key, i) => [key, 1 << i]));

function maskOf(keys: readonly string[] | undefined): number {
  let mask = 0;
  for (const key of keys ?? []) mask |= CIRCUMSTANCE_BIT.get(key) ?? 0;
  return mask;
}

function keysOf(mask: number): TCircumstanceKey[] {
  return CIRCUMSTANCE_KEYS.filter((key) => (mask & CIRCUMSTANCE_BIT.get(key)!) !== 0);
}

type TShape = "between" | "atLeast" | "atMost";
function shapeOf(min: number | undefined, max: number | undefined): TShape {
  if (min !== undefined && max !== undefined) return "between";
  return min !== undefined ? "atLeast" : "atMost";
}

function rangeParams(min: number | undefined, max: number | undefined): Record<string, number> {
  const params: Record<string, number> = {};
  if (min !== undefined) params.min = min;
  if (max !== undefined) params.max = max;
  return params;
}

function inRange(value: number, min: number | undefined, max: number | undefined): boolean {
  return (min === undefined || value >= min) && (max === undefined || value <= max);
}

function capabilityLevels(rule: { levels?: TCapabilityLevel[]; min?: TCapabilityLevel; max?: TCapabilityLevel }): number[] {
  const levels: number[] = [];
  for (let level = 0; level <= 4; level++) {
    if (rule.levels && !rule.levels.includes(level as TCapabilityLevel)) continue;
    if (!inRange(level, rule.min, rule.max)) continue;
    levels.push(level);
  }
  return levels;
}

function push(ctx: TCtx, key: string, ok: boolean, depth: number, params: Record<string, TReasonParam> = {}) {
  ctx.out!.push({ key, params, ok, depth });
}

/** Compiles a rule; `grouped` shows an and-group's own heading (inside or/not). */
function compileRule(rule: TRule, env: TCompileEnv, grouped = false): TPredicateFn {
  switch (rule.kind) {
    case "age": {
      const { min, max } = rule;
      const shape = shapeOf(min, max);
      const range = rangeParams(min, max);
      return (ctx, depth) => {
        const age = ctx.facts.age;
        const ok = inRange(age, min, max);
        if (ctx.out) push(ctx, `age.${shape}.${ok ? "ok" : "fail"}`, ok, depth, { age, ...range });
        return ok;
      };
    }
    case "ageBySex": {
      const bySex = {
        male: { ...rule.male, shape: shapeOf(rule.male.min, rule.male.max), range: rangeParams(rule.male.min, rule.male.max) },
        female: { ...rule.female, shape: shapeOf(rule.female.min, rule.female.max), range: rangeParams(rule.female.min, rule.female.max) },
      };
      return (ctx, depth) => {
        const sex = ctx.facts.sex;
        const r = bySex[sex];
        const age = ctx.facts.age;
        // An open range on both ends would accept every age; the schema allows it, so honour it.
        const ok = inRange(age, r.min, r.max);
        if (ctx.out) push(ctx, `ageBySex.${r.min === undefined && r.max === undefined ? "any" : r.shape}.${ok ? "ok" : "fail"}`, ok, depth, { sex, age, ...r.range });
        return ok;
      };
    }
    case "sex": {
      const required = rule.is;
      return (ctx, depth) => {
        const ok = ctx.facts.sex === required;
        if (ctx.out) push(ctx, ok ? "sex.ok" : "sex.fail", ok, depth, { sex: ctx.facts.sex, requiredSex: required });
        return ok;
      };
    }
    case "hukou": {
      const wantLocal = rule.local;
      const prefix = wantLocal ? "hukou.local" : "hukou.nonLocal";
      return (ctx, depth) => {
        const ok = ctx.facts.hukouLocal === wantLocal;
        if (ctx.out) push(ctx, `${prefix}.${ok ? "ok" : "fail"}`, ok, depth);
        return ok;
      };
    }
    case "residence": {
      const required = rule.is;
      return (ctx, depth) => {
        const residence = ctx.facts.residence;
        const ok = residence === required;
        if (ctx.out) {
          if (residence === null) push(ctx, "residence.unknown", false, depth, { requiredResidence: required });
          else push(ctx, ok ? "residence.ok" : "residence.fail", ok, depth, { residence, requiredResidence: required });
        }
        return ok;
      };
    }
    case "alive":
      return (ctx, depth) => {
        const ok = ctx.facts.alive;
        if (ctx.out) push(ctx, ok ? "alive.ok" : "alive.fail", ok, depth);
        return ok;
      };
    case "circumstances": {
      const anyMask = maskOf(rule.anyOf);
      const allMask = maskOf(rule.allOf);
      const noneMask = maskOf(rule.noneOf);
      const anyOf = rule.anyOf ? keysOf(anyMask) : null;
      const allOf = rule.allOf ? keysOf(allMask) : null;
      const noneOf = rule.noneOf ? keysOf(noneMask) : null;
      return (ctx, depth) => {
        const mask = ctx.mask;
        const anyOk = anyOf === null || (mask & anyMask) !== 0;
        const allOk = allOf === null || (mask & allMask) === allMask;
        const noneOk = noneOf === null || (mask & noneMask) === 0;
        if (ctx.out) {
          if (anyOf) {
            if (anyOk) push(ctx, "circumstances.anyOf.ok", true, depth, { matched: keysOf(mask & anyMask) });
            else push(ctx, anyOf.length === 1 ? "circumstances.anyOf.failOne" : "circumstances.anyOf.fail", false, depth, { required: anyOf });
          }
          if (allOf) {
            if (allOk) push(ctx, "circumstances.allOf.ok", true, depth, { required: allOf });
            else push(ctx, "circumstances.allOf.fail", false, depth, { missing: keysOf(allMask & ~mask) });
          }
          if (noneOf) {
            if (noneOk) push(ctx, "circumstances.noneOf.ok", true, depth, { excluded: noneOf });
            else push(ctx, "circumstances.noneOf.fail", false, depth, { present: keysOf(mask & noneMask) });
          }
        }
        return anyOk && allOk && noneOk;
      };
    }
    case "economicHardship": {
      const hardshipMask = rule.circumstances ? maskOf(rule.circumstances) : env.hardshipMask;
      const required = keysOf(hardshipMask);
      return (ctx, depth) => {
        const matched = ctx.mask & hardshipMask;
        const ok = matched !== 0;
        if (ctx.out) {
          if (ok) push(ctx, "economicHardship.ok", true, depth, { matched: keysOf(matched) });
          else push(ctx, "economicHardship.fail", false, depth, { required });
        }
        return ok;
      };
    }
    case "disability": {
      const grade = rule.grade ? { min: rule.grade.min ?? 1, max: rule.grade.max ?? 4 } : null;
      const gradeShape = grade && grade.min === grade.max ? "exact" : "between";
      const categories = rule.categories ?? null;
      return (ctx, depth) => {
        const d = ctx.facts.disability;
        if (d === null) {
          if (ctx.out) push(ctx, "disability.none", false, depth);
          return false;
        }
        const gradeOk = grade === null || (d.grade >= grade.min && d.grade <= grade.max);
        const categoryOk = categories === null || categories.includes(d.category);
        if (ctx.out) {
          if (grade === null && categories === null) push(ctx, "disability.any", true, depth, { grade: d.grade, category: d.category });
          if (grade) push(ctx, `disability.grade.${gradeShape}.${gradeOk ? "ok" : "fail"}`, gradeOk, depth, { grade: d.grade, min: grade.min, max: grade.max });
          if (categories) push(ctx, `disability.category.${categoryOk ? "ok" : "fail"}`, categoryOk, depth, { category: d.category, categories });
        }
        return gradeOk && categoryOk;
      };
    }
    case "capability": {
      const levels = capabilityLevels(rule);
      const allowed = new Set(levels);
      return (ctx, depth) => {
        const level = ctx.facts.capabilityLevel;
        if (level === null) {
          if (ctx.out) push(ctx, "capability.none", false, depth, { levels });
          return false;
        }
        const ok = allowed.has(level);
        if (ctx.out) push(ctx, ok ? "capability.ok" : "capability.fail", ok, depth, { level, levels });
        return ok;
      };
    }
    case "manualCheck": {
      const note = rule.note;
      return (ctx, depth) => {
        if (ctx.out) push(ctx, "manualCheck", true, depth, { note });
        return true;
      };
    }
    case "institution":
      return (ctx, depth) => {
        if (ctx.out) push(ctx, "institution", false, depth);
        return false;
      };
    case "and": {
      const children = flatOperands("and", rule.rules).map((r) => compileRule(r, env, false));
      return (ctx, depth) => {
        if (!ctx.out) {
          for (const child of children) if (!child(ctx, depth)) return false;
          return true;
        }
        let header: TReason | null = null;
        if (grouped) {
          header = { key: "allOf.ok", params: {}, ok: true, depth };
          ctx.out.push(header);
        }
        const childDepth = grouped ? depth + 1 : depth;
        let ok = true;
        for (const child of children) if (!child(ctx, childDepth)) ok = false;
        if (header) {
          header.ok = ok;
          header.key = ok ? "allOf.ok" : "allOf.fail";
        }
        return ok;
      };
    }
    case "or": {
      const children = flatOperands("or", rule.rules).map((r) => compileRule(r, env, true));
      return (ctx, depth) => {
        const out = ctx.out;
        if (!out) {
          for (const child of children) if (child(ctx, depth)) return true;
          return false;
        }
        const branches: TReason[][] = [];
        let firstOk = -1;
        for (let i = 0; i < children.length; i++) {
          const branch: TReason[] = [];
          ctx.out = branch;
          const ok = children[i](ctx, depth + 1);
          branches.push(branch);
          if (ok && firstOk < 0) firstOk = i;
        }
        ctx.out = out;
        if (firstOk >= 0) {
          // Only the branch that qualifies is shown: the others would read as failures.
          out.push({ key: "anyOf.ok", params: {}, ok: true, depth });
          out.push(...branches[firstOk]);
          return true;
        }
        out.push({ key: "anyOf.fail", params: {}, ok: false, depth });
        for (const branch of branches) out.push(...branch);
        return false;
      };
    }
    case "not": {
      const child = compileRule(rule.rule, env, true);
      return (ctx, depth) => {
        if (!ctx.out) return !child(ctx, depth);
        const header: TReason = { key: "not.ok", params: {}, ok: true, depth };
        ctx.out.push(header);
        const ok = !child(ctx, depth + 1);
        header.ok = ok;
        header.key = ok ? "not.ok" : "not.fail";
        return ok;
      };
    }
  }
}

/** The reason that names the tier a person falls into, e.g. "年龄 85 周岁，满足 80–89 周岁档". */
function compileTierReason(when: TRule, index: number, env: TCompileEnv): (ctx: TCtx, depth: number) => void {
  switch (when.kind) {
    case "age": {
      const shape = shapeOf(when.min, when.max);
      const range = rangeParams(when.min, when.max);
      return (ctx, depth) => push(ctx, `amount.tier.age.${shape}`, true, depth, { age: ctx.facts.age, ...range });
    }
    case "ageBySex":
      return (ctx, depth) => {
        const r = when[ctx.facts.sex];
        push(ctx, `amount.tier.ageBySex.${shapeOf(r.min, r.max)}`, true, depth, { sex: ctx.facts.sex, age: ctx.facts.age, ...rangeParams(r.min, r.max) });
      };
    case "capability": {
      const levels = capabilityLevels(when);
      return (ctx, depth) => push(ctx, "amount.tier.capability", true, depth, { level: ctx.facts.capabilityLevel ?? -1, levels });
    }
    case "disability":
      if (when.grade && !when.categories) {
        const min = when.grade.min ?? 1;
        const max = when.grade.max ?? 4;
        const shape = min === max ? "exact" : "between";
        return (ctx, depth) => push(ctx, `amount.tier.disability.${shape}`, true, depth, { grade: ctx.facts.disability?.grade ?? 0, min, max });
      }
      break;
    case "residence":
      return (ctx, depth) => push(ctx, "amount.tier.residence", true, depth, { residence: when.is });
    case "circumstances":
      if (when.anyOf && !when.allOf && !when.noneOf) {
        const anyMask = maskOf(when.anyOf);
        return (ctx, depth) => push(ctx, "amount.tier.circumstances", true, depth, { matched: keysOf(ctx.mask & anyMask) });
      }
      break;
  }
  const detail = compileRule(when, env, false);
  return (ctx, depth) => {
    push(ctx, "amount.tier.generic", true, depth, { index: index + 1 });
    detail(ctx, depth + 1);
  };
}

function compileAmountExpr(expr: TAmountExpr, env: TCompileEnv): TAmountFn {
  switch (expr.kind) {
    case "fixed": {
      const fen = expr.fen;
      return () => fen;
    }
    case "param": {
      const name = expr.param;
      const numerator = expr.numerator ?? 1;
      const denominator = expr.denominator ?? 1;
      const rounding = expr.rounding ?? "ceil";
      const scaled = numerator !== denominator;
      return (ctx, depth) => {
        const value = ctx.params.get(name) ?? null;
        if (value === null) {
          if (ctx.out) push(ctx, "amount.paramUnset", false, depth, { param: name, label: ctx.labels.get(name) ?? name });
          return null;
        }
        const result = scaled ? mulDivRound(value, numerator, denominator, rounding) : value;
        if (ctx.out) {
          const label = ctx.labels.get(name) ?? name;
          if (scaled) push(ctx, `amount.param.scaled.${rounding}`, true, depth, { param: name, label, valueFen: value, numerator, denominator, resultFen: result });
          else push(ctx, "amount.param.plain", true, depth, { param: name, label, valueFen: value });
        }
        return result;
      };
    }
    case "tiers": {
      const tiers = expr.tiers.map((tier, i) => ({
        when: compileRule(tier.when, env, false),
        reason: compileTierReason(tier.when, i, env),
        amount: compileAmountExpr(tier.amount, env),
      }));
      const otherwise = expr.otherwise ? compileAmountExpr(expr.otherwise, env) : null;
      return (ctx, depth) => {
        const out = ctx.out;
        ctx.out = null;
        const matched = tiers.find((tier) => tier.when(ctx, depth));
        ctx.out = out;
        if (matched) {
          if (out) matched.reason(ctx, depth);
          return matched.amount(ctx, depth);
        }
        if (otherwise) {
          if (out) push(ctx, "amount.tier.otherwise", true, depth);
          return otherwise(ctx, depth);
        }
        if (out) push(ctx, "amount.noTier", false, depth);
        return null;
      };
    }
    case "sum": {
      const parts = expr.parts.map((part) => compileAmountExpr(part, env));
      return (ctx, depth) => {
        let total: number | null = 0;
        for (const part of parts) {
          const value = part(ctx, depth);
          if (value === null) total = null;
          else if (total !== null) total += value;
          // Keep evaluating after a null part so every unset parameter is reported.
          if (total === null && !ctx.out) return null;
        }
        return total;
      };
    }
  }
}

type TAmountResult = { monthly: number | null; oneOff: number | null };
type TAmountRuleFn = (ctx: TCtx, depth: number) => TAmountResult;

const NO_AMOUNT: TAmountResult = Object.freeze({ monthly: null, oneOff: null }) as TAmountResult;

function compileAmountRule(rule: TAmountRule, env: TCompileEnv): TAmountRuleFn {
  switch (rule.kind) {
    case "none":
      return () => NO_AMOUNT;
    case "caseByCase": {
      const key = `amount.caseByCase.${rule.period}`;
      return (ctx, depth) => {
        if (ctx.out) push(ctx, key, true, depth);
        return NO_AMOUNT;
      };
    }
    case "monthly": {
      const expr = compileAmountExpr(rule.amount, env);
      return (ctx, depth) => {
        const value = expr(ctx, depth);
        if (value !== null && ctx.out) push(ctx, "amount.monthly", true, depth, { amountFen: value });
        return { monthly: value, oneOff: null };
      };
    }
    case "oneOff": {
      const expr = compileAmountExpr(rule.amount, env);
      const cap = rule.capFen;
      const key = rule.upTo ? "amount.oneOffUpTo" : "amount.oneOff";
      return (ctx, depth) => {
        let value = expr(ctx, depth);
        if (value !== null && cap !== undefined && value > cap) {
          value = cap;
          if (ctx.out) push(ctx, "amount.capped", true, depth, { capFen: cap });
        }
        if (value !== null && ctx.out) push(ctx, key, true, depth, { amountFen: value });
        return { monthly: null, oneOff: value };
      };
    }
  }
}

type TCompiledItem = {
  item: TCatalogueItem;
  index: number;
  eligibility: TPredicateFn;
  amount: TAmountRuleFn;
  exclusions: number[];
};
type TCompiledCatalogue = {
  items: TCompiledItem[];
  hasExclusions: boolean;
  defaults: Map<string, number | null>;
  labels: Map<string, string>;
};

const compiledCache = new WeakMap<TCatalogue, TCompiledCatalogue>();

function compileCatalogue(catalogue: TCatalogue): TCompiledCatalogue {
  const cached = compiledCache.get(catalogue);
  if (cached) return cached;
  const env: TCompileEnv = { hardshipMask: maskOf(catalogue.economicHardship) };
  const indexOf = new Map(catalogue.items.map((item, i) => [item.code, i]));
  const items = catalogue.items.map((item, index) => ({
    item,
    index,
    eligibility: compileRule(item.eligibility, env),
    amount: compileAmountRule(item.amount, env),
    exclusions: item.exclusions.map((code) => indexOf.get(code)).filter((i): i is number => i !== undefined),
  }));
  const compiled: TCompiledCatalogue = {
    items,
    hasExclusions: items.some((i) => i.exclusions.length > 0),
    defaults: new Map(catalogue.parameters.map((p) => [p.name, p.defaultFen])),
    labels: new Map(catalogue.parameters.map((p) => [p.name, p.label])),
  };
  compiledCache.set(catalogue, compiled);
  return compiled;
}

function resolveParams(compiled: TCompiledCatalogue, params: TParamValues): Map<string, number | null> {
  const resolved = new Map(compiled.defaults);
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined || !resolved.has(name)) continue;
    if (value !== null && (!Number.isSafeInteger(value) || value < 0)) {
      throw new RangeError(`parameter ${name} must be a non-negative whole number of fen, got ${value}`);
    }
    resolved.set(name, value);
  }
  return resolved;
}

function circumstanceMask(facts: TPersonFacts): number {
  let mask = 0;
  for (const key of facts.circumstances) mask |= CIRCUMSTANCE_BIT.get(key) ?? 0;
  return mask;
}

// ---------------------------------------------------------------------------------------------
// Evaluation

/** Amount used to rank exclusive items: monthly first, else one-off; unknown ranks lowest. */
function rankAmount(result: TItemResult): number {
  return result.monthlyAmountFen ?? result.oneOffAmountFen ?? -1;
}

/**
 * Among eligible items that exclude each other, keep the highest amount; on a tie (or when
 * neither amount is known) keep the item declared first in the catalogue. Greedy over the
 * ranking, so chains (A–B, B–C but not A–C) resolve deterministically.
 */
function resolveExclusions(compiled: TCompiledCatalogue, results: TItemResult[], withReasons: boolean) {
  const candidates = compiled.items.filter((c) => c.exclusions.length > 0 && results[c.index].eligible);
  if (candidates.length < 2) return;
  const rank = new Map(candidates.map((c) => [c.index, rankAmount(results[c.index])]));
  candidates.sort((a, b) => rank.get(b.index)! - rank.get(a.index)! || a.index - b.index);
  const kept = new Set<number>();
  for (const candidate of candidates) {
    // The best-ranked item already kept that this one conflicts with (kept is in rank order).
    let winner: number | undefined;
    for (const k of kept) {
      if (candidate.exclusions.includes(k)) {
        winner = k;
        break;
      }
    }
    if (winner === undefined) {
      kept.add(candidate.index);
      continue;
    }
    const loser = results[candidate.index];
    const won = results[winner];
    loser.eligible = false;
    loser.excludedBy = won.code;
    loser.monthlyAmountFen = null;
    loser.oneOffAmountFen = null;
    if (withReasons) {
      const tie = rank.get(winner) === rank.get(candidate.index);
      loser.reasons.push({ key: tie ? "exclusion.lostByPriority" : "exclusion.lost", params: { other: won.name, otherCode: won.code }, ok: false, depth: 0 });
      won.reasons.push({ key: "exclusion.won", params: { other: loser.name, otherCode: loser.code }, ok: true, depth: 0 });
    }
  }
}

/**
 * A reusable evaluator for one catalogue and one set of parameter values: the form to use when
 * evaluating many people (the catalogue is compiled once and the parameters resolved once).
 */
export function createEvaluator(catalogue: TCatalogue, params: TParamValues = {}, options: TEvaluateOptions = {}) {
  const compiled = compileCatalogue(catalogue);
  const resolved = resolveParams(compiled, params);
  const withReasons = options.withReasons ?? true;
  return (facts: TPersonFacts): TItemResult[] => {
    const ctx: TCtx = { facts, mask: circumstanceMask(facts), out: null, params: resolved, labels: compiled.labels };
    const results: TItemResult[] = new Array(compiled.items.length);
    for (const c of compiled.items) {
      const reasons: TReason[] = [];
      ctx.out = withReasons ? reasons : null;
      const eligible = c.eligibility(ctx, 0);
      const amounts = eligible ? c.amount(ctx, 0) : NO_AMOUNT;
      const result: TItemResult = {
        code: c.item.code,
        name: c.item.name,
        eligible,
        monthlyAmountFen: amounts.monthly,
        oneOffAmountFen: amounts.oneOff,
        reasons,
        excludedBy: null,
      };
      results[c.index] = result;
    }
    if (compiled.hasExclusions) resolveExclusions(compiled, results, withReasons);
    return results;
  };
}

/** Evaluates every item of a parsed catalogue for one person. */
export function evaluateCatalogue(
  catalogue: TCatalogue,
  facts: TPersonFacts,
  params: TParamValues = {},
  options: TEvaluateOptions = {},
): TItemResult[] {
  return createEvaluator(catalogue, params, options)(facts);
}

/** Evaluates one eligibility rule on its own (admin previews, tests). */
export function evaluateRule(
  rule: TRule,
  facts: TPersonFacts,
  options: { economicHardship?: TCircumstanceKey[] } = {},
): { ok: boolean; reasons: TReason[] } {
  const env: TCompileEnv = { hardshipMask: maskOf(options.economicHardship ?? DEFAULT_ECONOMIC_HARDSHIP) };
  const reasons: TReason[] = [];
  const ctx: TCtx = { facts, mask: circumstanceMask(facts), out: reasons, params: new Map(), labels: new Map() };
  const ok = compileRule(rule, env)(ctx, 0);
  return { ok, reasons };
}

/** Evaluates one amount rule on its own, with parameter values and optional labels. */
export function evaluateAmount(
  rule: TAmountRule,
  facts: TPersonFacts,
  params: Record<string, number | null> = {},
  labels: Record<string, string> = {},
): { monthlyAmountFen: number | null; oneOffAmountFen: number | null; reasons: TReason[] } {
  const env: TCompileEnv = { hardshipMask: maskOf(DEFAULT_ECONOMIC_HARDSHIP) };
  const reasons: TReason[] = [];
  const ctx: TCtx = {
    facts,
    mask: circumstanceMask(facts),
    out: reasons,
    params: new Map(Object.entries(params)),
    labels: new Map(Object.entries(labels)),
  };
  const result = compileAmountRule(rule, env)(ctx, 0);
  return { monthlyAmountFen: result.monthly, oneOffAmountFen: result.oneOff, reasons };
}
