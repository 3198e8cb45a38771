// The months of an entitlement (享受待遇), computed by one pure function from the person's dated
// facts, the catalogue versions with their effective dates, the county's dated parameters, the
// county's "takes effect from" rules, and what staff recorded on the entitlement (manual actions,
// certifications, review decisions). The answer is a list of segments — runs of months with one
// amount, kind and reason — and everything the pages, the rolls and the overpayment rule read is
// derived from it. docs/decisions/016-entitlement-history.md explains the choices.
//
// Months are "YYYY-MM" (lib/dates). The function evaluates only at the months where an input can
// change (birthdays at the item's age thresholds, death, circumstance starts and ends, assessment
// confirmations, versions, parameter values, actions, suspensions): between two such months
// every month has the same answer, so an entitlement is a handful of evaluations, not hundreds.
import {
  addDays,
  addMonths,
  addYears,
  ageOn,
  firstDayOfMonth,
  lastDayOfMonth,
  monthAfter,
  monthOf,
  previousMonth,
} from "@/lib/dates";
import { CIRCUMSTANCE_KEYS, type TPersonFacts, type TResidence, type TSex } from "@/lib/policy/facts";
import type { TCatalogue, TCatalogueItem, TDelivery } from "@/lib/policy/catalogue-schema";
import { createEvaluator, type TReason } from "@/lib/policy/evaluate";
import { paramsOfAmount, type TAmountExpr, type TRule } from "@/lib/policy/rules";
import { disabilityInForce, type TCircumstanceRecordForFacts } from "@/lib/elders/facts";
import { isCircumstanceKey } from "@/lib/elders/circumstances";
import type { TLevel } from "@/lib/assessment/items";
import type { TCertificationSettings, TEffectiveMonths } from "@/lib/settings/county-settings";

export type { TEffectiveMonths };
export type TEffectiveMonth = TEffectiveMonths[keyof TEffectiveMonths];
export type TCertificationRule = TCertificationSettings[string];

// ── Inputs ───────────────────────────────────────────────────────────────────────────────────

/** A confirmed (or since superseded) capability assessment. */
export type TAssessmentFact = {
  id: string;
  assessedOn: string;
  /** The day it was confirmed (Asia/Shanghai): a new level applies from the month after. */
  confirmedOn: string;
  level: TLevel;
  /** Set on a correction: the assessment it replaced. */
  supersedesId: string | null;
};

/** The person as the registry records them, with every dated fact. */
export type TPersonHistory = {
  birthDate: string;
  sex: TSex;
  hukouRegionCode: string | null;
  residence: TResidence | null;
  status: "living" | "deceased" | "moved_out";
  deathDate: string | null;
  movedOutDate: string | null;
  circumstances: readonly TCircumstanceRecordForFacts[];
  assessments: readonly TAssessmentFact[];
};

export const ACTION_KINDS = ["stop", "suspend", "resume", "correct"] as const;
export type TActionKind = (typeof ACTION_KINDS)[number];

/** A manual action on the entitlement (or a stop confirmed on review), in the order taken. */
export type TManualAction = {
  id: string;
  kind: TActionKind;
  fromMonth: string;
  /** correct: the monthly amount from fromMonth; null = back to the computed amount. */
  amountFen: number | null;
  /** resume: whether the suspended months are paid back. */
  backPay: boolean;
  reason: string;
  source: "manual" | "review";
  byName: string;
};

export type TEntitlementInput = {
  itemCode: string;
  delivery: TDelivery;
  startMonth: string;
  /** The approval date: the first certification period runs from it. */
  grantedOn: string;
  /** The catalogue version the case was pinned to. */
  catalogueNumber: number;
  /** Amounts fixed at approval: the monthly one is kept when a month's amount cannot be computed. */
  grantedMonthlyFen: number | null;
  oneOffAmountFen: number | null;
  /** The start month of a later entitlement of the same item: this one ends before it. */
  endBefore: string | null;
  /** In the order they were taken. */
  actions: readonly TManualAction[];
  certifications: readonly { certifiedOn: string }[];
  /** The county's 资格认证 rule for the item; null when it needs none. */
  certification: TCertificationRule | null;
  /** Catalogue versions whose "no longer qualifies" a reviewer dismissed (应退未退 dismissed). */
  dismissedVersions: readonly number[];
};

export type TDatedVersion = { number: number; effectiveFrom: string; catalogue: TCatalogue };
export type TDatedParamValue = { name: string; effectiveFrom: string; valueFen: number | null };

export type TCountyContext = {
  countyCode: string;
  /** Published (and retired) versions. */
  versions: readonly TDatedVersion[];
  params: readonly TDatedParamValue[];
  rules: TEffectiveMonths;
  /** Asia/Shanghai: decides which certifications are overdue and which month is current. */
  today: string;
};

// ── Output ───────────────────────────────────────────────────────────────────────────────────

export const SEGMENT_KINDS = ["due", "backpay", "pending_review", "suspended", "stopped", "one_off"] as const;
/**
 * due: payable at the computed (or corrected) amount; backpay: suspended months paid back after
 * resumption; pending_review: a new version says no, the old amount is paid until a township
 * reviewer decides; suspended: nothing due; stopped: nothing due, for good; one_off: the single
 * payment of a one-off grant.
 */
export type TSegmentKind = (typeof SEGMENT_KINDS)[number];

export const REASON_KEYS = [
  "granted",
  "oneOff",
  "ageBracket",
  "capability",
  "circumstances",
  "catalogue",
  "parameter",
  "amountKept",
  "correction",
  "correctionEnded",
  "death",
  "movedOut",
  "ineligible",
  "manualStop",
  "reviewStop",
  "superseded",
  "certOverdue",
  "certified",
  "backPay",
  "manualSuspend",
  "manualResume",
  "ruleChange",
  "ruleChangeDismissed",
  "recomputed",
] as const;
export type TReasonKey = (typeof REASON_KEYS)[number];

export type TReasonParamValue = string | number | boolean | string[];
/** Why a segment's amount is what it is: a message key (entitlements.reason.<key>) and its values. */
export type TSegmentReason = {
  key: TReasonKey;
  params: Record<string, TReasonParamValue>;
  /** For ineligible: the conditions that fail, as the policy engine states them. */
  policy?: TReason[];
};

export type TSegment = {
  fromMonth: string;
  /** The last month of the segment; null = open-ended. */
  toMonth: string | null;
  monthlyAmountFen: number;
  kind: TSegmentKind;
  reasons: TSegmentReason[];
};

export type TEntitlementStatus = "active" | "suspended" | "stopped";

export type TProposalNeed = {
  catalogueNumber: number;
  fromMonth: string;
  /** The conditions the new version finds unmet. */
  failing: TReason[];
};

export type TEntitlementComputation = {
  segments: TSegment[];
  status: TEntitlementStatus;
  /** The last month due once a stop is known (before startMonth when stopped before it began). */
  endMonth: string | null;
  stopReason: TReasonKey | null;
  /** Due in the current month (or the start month, when that is later). */
  currentAmountFen: number;
  /** When the next certification is due; null when none is needed or the entitlement is stopped. */
  certDueOn: string | null;
  /** A catalogue version says no while the registry shows no change: a 应退未退 proposal. */
  proposal: TProposalNeed | null;
};

// ── Helpers ──────────────────────────────────────────────────────────────────────────────────

/** The first month a change dated `date` applies to under `rule`. */
export function effectMonth(date: string, rule: TEffectiveMonth): string {
  return rule === "next_month" ? monthAfter(date) : monthOf(date);
}

/** The ages at which an item's rules can give another answer: every min and every max + 1. */
export function ageThresholds(item: TCatalogueItem): number[] {
  const ages = new Set<number>();
  const range = (r: { min?: number; max?: number }) => {
    if (r.min !== undefined) ages.add(r.min);
    if (r.max !== undefined) ages.add(r.max + 1);
  };
  const walkRule = (rule: TRule) => {
    switch (rule.kind) {
      case "age":
        range(rule);
        return;
      case "ageBySex":
        range(rule.male);
        range(rule.female);
        return;
      case "and":
      case "or":
        rule.rules.forEach(walkRule);
        return;
      case "not":
        walkRule(rule.rule);
        return;
      default:
        return;
    }
  };
  const walkAmount = (expr: TAmountExpr) => {
    if (expr.kind === "tiers") {
      for (const tier of expr.tiers) {
        walkRule(tier.when);
        walkAmount(tier.amount);
      }
      if (expr.otherwise) walkAmount(expr.otherwise);
    } else if (expr.kind === "sum") expr.parts.forEach(walkAmount);
  };
  walkRule(item.eligibility);
  if (item.amount.kind === "monthly" || item.amount.kind === "oneOff") walkAmount(item.amount.amount);
  return [...ages].sort((a, b) => a - b);
}

const maxMonth = (a: string, b: string) => (a > b ? a : b);

// What depends only on the county (its versions, parameters and rules), computed once per context
// and shared by every entitlement of a run: per item, its rules across versions; per month, the
// version and the parameter values in force.
type TItemInfo = { thresholds: number[]; paramNames: string[] };
type TCountyCache = { items: Map<string, TItemInfo>; months: Map<string, { version: TDatedVersion | null; params: { values: Record<string, number>; key: string } }> };
const countyCaches = new WeakMap<TCountyContext, TCountyCache>();

function countyCache(ctx: TCountyContext): TCountyCache {
  let cache = countyCaches.get(ctx);
  if (!cache) countyCaches.set(ctx, (cache = { items: new Map(), months: new Map() }));
  return cache;
}

function itemInfo(ctx: TCountyContext, code: string): TItemInfo {
  const cache = countyCache(ctx).items;
  let info = cache.get(code);
  if (!info) {
    const items = ctx.versions.map((v) => v.catalogue.items.find((i) => i.code === code)).filter((i): i is TCatalogueItem => i !== undefined);
    info = { thresholds: [...new Set(items.flatMap(ageThresholds))].sort((a, b) => a - b), paramNames: [...new Set(items.flatMap((i) => paramsOfAmount(i.amount)))] };
    cache.set(code, info);
  }
  return info;
}

function monthContext(ctx: TCountyContext, month: string, pinned: number) {
  const cache = countyCache(ctx).months;
  const key = `${month}|${pinned}`;
  let found = cache.get(key);
  if (!found) cache.set(key, (found = { version: versionAt(ctx.versions, month, ctx.rules.catalogue, pinned), params: paramsAt(ctx.params, month, ctx.rules.parameter) }));
  return found;
}

// The day whose 周岁 decides a month's age bracket, per rule and month (shared by every person).
const ageDates = new Map<string, string>();
function ageDateFor(month: string, rule: TEffectiveMonth): string {
  const key = `${rule}|${month}`;
  let date = ageDates.get(key);
  if (date === undefined) ageDates.set(key, (date = rule === "next_month" ? lastDayOfMonth(previousMonth(month)) : lastDayOfMonth(month)));
  return date;
}

// Single-item catalogues (the item evaluated on its own, as at approval) and their evaluators,
// cached per catalogue object so that compiling happens once per version and parameter set.
const singleItems = new WeakMap<TCatalogue, Map<string, TCatalogue | null>>();
const evaluators = new WeakMap<TCatalogue, Map<string, ReturnType<typeof createEvaluator>>>();

function singleItem(catalogue: TCatalogue, code: string): TCatalogue | null {
  let byCode = singleItems.get(catalogue);
  if (!byCode) singleItems.set(catalogue, (byCode = new Map()));
  if (!byCode.has(code)) {
    const item = catalogue.items.find((i) => i.code === code);
    byCode.set(code, item ? { ...catalogue, items: [{ ...item, exclusions: [] }] } : null);
  }
  return byCode.get(code)!;
}

type TEvaluation = { eligible: boolean; monthly: number | null; oneOff: number | null; reasons: TReason[] };

function evaluateItem(catalogue: TCatalogue, code: string, facts: TPersonFacts, params: Record<string, number>, paramKey: string, withReasons = false): TEvaluation | null {
  const single = singleItem(catalogue, code);
  if (!single) return null;
  let byParams = evaluators.get(single);
  if (!byParams) evaluators.set(single, (byParams = new Map()));
  const key = `${withReasons ? "r" : "n"}|${paramKey}`;
  let evaluate = byParams.get(key);
  if (!evaluate) byParams.set(key, (evaluate = createEvaluator(single, params, { withReasons })));
  const [result] = evaluate(facts);
  return { eligible: result.eligible, monthly: result.monthlyAmountFen, oneOff: result.oneOffAmountFen, reasons: result.reasons };
}

// ── Certification ────────────────────────────────────────────────────────────────────────────

export type TSuspension = {
  /** The first month suspended. */
  fromMonth: string;
  /** The first month paid again; null while suspended. */
  resumeMonth: string | null;
  backPay: boolean;
  cause: TSegmentReason;
  resumeReason: TSegmentReason | null;
};

/**
 * Walks the certification periods: each runs intervalMonths from the approval or the previous
 * certification. A certification within the period plus its grace days starts the next period.
 * Overdue past the grace (before today) suspends payment from the month after the day it became
 * overdue; a later certification resumes it from its own month.
 */
export function certificationPeriods(
  grantedOn: string,
  certifications: readonly { certifiedOn: string }[],
  rule: TCertificationRule | null,
  today: string,
): { suspensions: TSuspension[]; dueOn: string | null } {
  if (!rule) return { suspensions: [], dueOn: null };
  const dates = certifications.map((c) => c.certifiedOn).sort();
  const suspensions: TSuspension[] = [];
  let baseline = grantedOn;
  for (;;) {
    const dueOn = addMonths(baseline, rule.intervalMonths);
    const lastGraceDay = addDays(dueOn, rule.graceDays);
    const next = dates.find((d) => d > baseline);
    if (next !== undefined && next <= lastGraceDay) {
      baseline = next;
      continue;
    }
    const overdueOn = addDays(lastGraceDay, 1);
    if (overdueOn > today) return { suspensions, dueOn };
    const fromMonth = monthAfter(overdueOn);
    const cause: TSegmentReason = { key: "certOverdue", params: { dueOn, graceDays: rule.graceDays } };
    if (next === undefined) {
      suspensions.push({ fromMonth, resumeMonth: null, backPay: rule.backPay, cause, resumeReason: null });
      return { suspensions, dueOn };
    }
    const resumeMonth = monthOf(next);
    // Certified late but before the suspension began: nothing was suspended.
    if (resumeMonth > fromMonth) {
      suspensions.push({ fromMonth, resumeMonth, backPay: rule.backPay, cause, resumeReason: { key: "certified", params: { date: next } } });
    }
    baseline = next;
  }
}

/** Manual suspensions: each suspend opens one from its month, the next resume closes it. */
function manualSuspensions(actions: readonly TManualAction[]): TSuspension[] {
  const out: TSuspension[] = [];
  let open: TSuspension | null = null;
  for (const a of actions) {
    if (a.kind === "suspend" && !open) {
      open = { fromMonth: a.fromMonth, resumeMonth: null, backPay: false, cause: { key: "manualSuspend", params: { reason: a.reason, by: a.byName } }, resumeReason: null };
      out.push(open);
    } else if (a.kind === "resume" && open) {
      open.resumeMonth = a.fromMonth;
      open.backPay = a.backPay;
      open.resumeReason = { key: "manualResume", params: { reason: a.reason, by: a.byName } };
      open = null;
    }
  }
  return out.filter((s) => s.resumeMonth === null || s.resumeMonth > s.fromMonth);
}

// ── The computation ──────────────────────────────────────────────────────────────────────────

type TInputs = {
  versionNumber: number;
  versionEffectiveFrom: string;
  paramValues: Record<string, number>;
  ageBand: number;
  age: number;
  level: TLevel | null;
  levelConfirmedOn: string | null;
  circumstances: string[];
  disability: string;
  alive: boolean;
  movedOut: boolean;
};

type TState = {
  kind: TSegmentKind;
  amount: number;
  inputs: TInputs | null;
  /** Reasons when the kind itself is the news (stop, suspension, review…). */
  kindReasons: TSegmentReason[];
  correction: TManualAction | null;
  stopKey: TReasonKey | null;
};

function paramsAt(params: readonly TDatedParamValue[], month: string, rule: TEffectiveMonth): { values: Record<string, number>; key: string } {
  const latest = new Map<string, TDatedParamValue>();
  for (const p of params) {
    if (effectMonth(p.effectiveFrom, rule) > month) continue;
    const seen = latest.get(p.name);
    if (!seen || p.effectiveFrom > seen.effectiveFrom) latest.set(p.name, p);
  }
  const values: Record<string, number> = {};
  for (const [name, p] of [...latest.entries()].sort(([a], [b]) => a.localeCompare(b))) if (p.valueFen !== null) values[name] = p.valueFen;
  return { values, key: JSON.stringify(values) };
}

function levelAt(assessments: readonly TAssessmentFact[], month: string, rule: TEffectiveMonth): TAssessmentFact | null {
  const known = assessments.filter((a) => effectMonth(a.confirmedOn, rule) <= month);
  const replaced = new Set(known.map((a) => a.supersedesId).filter((id): id is string => id !== null));
  let best: TAssessmentFact | null = null;
  for (const a of known) {
    if (replaced.has(a.id)) continue;
    if (!best || a.assessedOn > best.assessedOn || (a.assessedOn === best.assessedOn && a.confirmedOn > best.confirmedOn)) best = a;
  }
  return best;
}

function versionAt(versions: readonly TDatedVersion[], month: string, rule: TEffectiveMonth, pinned: number): TDatedVersion | null {
  let found: TDatedVersion | null = null;
  for (const v of versions) {
    if (effectMonth(v.effectiveFrom, rule) > month) continue;
    if (!found || v.effectiveFrom > found.effectiveFrom || (v.effectiveFrom === found.effectiveFrom && v.number > found.number)) found = v;
  }
  return found ?? versions.find((v) => v.number === pinned) ?? versions[0] ?? null;
}

function sameStringList(a: readonly string[], b: readonly string[]) {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Why the inputs moved between two months (the causes a segment boundary names). */
function inputCauses(prev: TInputs, next: TInputs, names: readonly string[], versions: readonly TDatedVersion[]): TSegmentReason[] {
  const causes: TSegmentReason[] = [];
  if (prev.versionNumber !== next.versionNumber) causes.push({ key: "catalogue", params: { version: next.versionNumber, effectiveFrom: next.versionEffectiveFrom } });
  const changed = names.filter((n) => prev.paramValues[n] !== next.paramValues[n]);
  if (changed.length) {
    const catalogue = versions.find((v) => v.number === next.versionNumber)?.catalogue;
    const labels = changed.map((n) => catalogue?.parameters.find((p) => p.name === n)?.label ?? n);
    causes.push({ key: "parameter", params: { names: labels } });
  }
  if (prev.ageBand !== next.ageBand) causes.push({ key: "ageBracket", params: { age: next.age } });
  if (prev.level !== next.level) causes.push({ key: "capability", params: { level: next.level ?? -1, confirmedOn: next.levelConfirmedOn ?? "" } });
  if (!sameStringList(prev.circumstances, next.circumstances) || prev.disability !== next.disability) {
    const added = next.circumstances.filter((c) => !prev.circumstances.includes(c));
    const removed = prev.circumstances.filter((c) => !next.circumstances.includes(c));
    if (prev.disability !== next.disability) (next.disability ? added : removed).push("disability");
    causes.push({ key: "circumstances", params: { added, removed } });
  }
  return causes;
}

/**
 * The entitlement's segments and everything derived from them. Pure: the same inputs give the
 * same answer (today only decides which certifications are overdue and which month is current).
 */
export function computeEntitlement(ent: TEntitlementInput, person: TPersonHistory, ctx: TCountyContext): TEntitlementComputation {
  const { rules, versions } = ctx;
  const start = ent.startMonth;
  const oneOff = ent.delivery === "one_off_cash";
  const cash = ent.delivery === "monthly_cash";

  const { thresholds, paramNames } = itemInfo(ctx, ent.itemCode);
  // The person's dated facts as months, once: when each stops or starts counting.
  const deathMonth = person.status === "deceased" && person.deathDate ? effectMonth(person.deathDate, rules.death) : null;
  const movedMonth = person.status === "moved_out" && person.movedOutDate ? effectMonth(person.movedOutDate, rules.movedOut) : null;
  const recordMonths = person.circumstances.map((r) => ({ record: r, from: monthOf(r.startDate), until: r.endDate ? effectMonth(r.endDate, rules.circumstanceEnd) : null }));

  const certification = certificationPeriods(ent.grantedOn, ent.certifications, ent.certification, ctx.today);
  const suspensions = [...certification.suspensions, ...manualSuspensions(ent.actions)];
  const stops = ent.actions.filter((a) => a.kind === "stop");
  const corrections = ent.actions.filter((a) => a.kind === "correct");

  // The months at which anything can change.
  const candidates = new Set<string>([start]);
  if (!oneOff) {
    const add = (m: string | null | undefined) => {
      if (m && m > start) candidates.add(m);
    };
    for (const age of thresholds) {
      const birthday = addYears(person.birthDate, age);
      add(rules.ageBracket === "next_month" ? monthAfter(birthday) : monthOf(birthday));
    }
    add(deathMonth);
    add(movedMonth);
    for (const r of recordMonths) {
      add(r.from);
      add(r.until);
    }
    for (const a of person.assessments) add(effectMonth(a.confirmedOn, rules.capability));
    for (const v of versions) add(effectMonth(v.effectiveFrom, rules.catalogue));
    for (const p of ctx.params) add(effectMonth(p.effectiveFrom, rules.parameter));
    for (const a of ent.actions) add(a.fromMonth);
    for (const s of suspensions) {
      add(s.fromMonth);
      add(s.resumeMonth);
    }
    add(ent.endBefore);
  }
  const months = [...candidates].sort();

  const factsAt = (m: string): { facts: TPersonFacts; inputs: Omit<TInputs, "versionNumber" | "versionEffectiveFrom" | "paramValues"> } => {
    const ageDate = ageDateFor(m, rules.ageBracket);
    const age = ageDate < person.birthDate ? 0 : ageOn(person.birthDate, ageDate);
    const alive = !(person.status === "deceased" && (deathMonth === null || deathMonth <= m));
    const movedOut = person.status === "moved_out" && (movedMonth === null || movedMonth <= m);
    const records = recordMonths.filter((r) => r.from <= m && (r.until === null || r.until > m)).map((r) => r.record);
    const keys = new Set(records.map((r) => r.type).filter(isCircumstanceKey));
    const circumstances = CIRCUMSTANCE_KEYS.filter((k) => keys.has(k));
    const disability = disabilityInForce(records);
    const assessment = levelAt(person.assessments, m, rules.capability);
    const hukouRegionCode = person.hukouRegionCode;
    const facts: TPersonFacts = {
      asOf: firstDayOfMonth(m),
      birthDate: person.birthDate,
      sex: person.sex,
      age,
      hukouRegionCode,
      hukouLocal: !movedOut && hukouRegionCode !== null && hukouRegionCode.startsWith(ctx.countyCode),
      residence: person.residence,
      alive,
      circumstances,
      disability,
      capabilityLevel: assessment?.level ?? null,
    };
    return {
      facts,
      inputs: {
        age,
        ageBand: thresholds.filter((t) => t <= age).length,
        level: assessment?.level ?? null,
        levelConfirmedOn: assessment?.confirmedOn ?? null,
        circumstances,
        disability: disability ? `${disability.category}:${disability.grade}` : "",
        alive,
        movedOut,
      },
    };
  };

  let proposal: TProposalNeed | null = null;

  const stateAt = (m: string): TState => {
    const manualStop = stops.find((s) => s.fromMonth <= m);
    if (manualStop) {
      const key: TReasonKey = manualStop.source === "review" ? "reviewStop" : "manualStop";
      return stopped(key, [{ key, params: { reason: manualStop.reason, by: manualStop.byName } }]);
    }
    if (ent.endBefore && ent.endBefore <= m) return stopped("superseded", [{ key: "superseded", params: { month: ent.endBefore } }]);

    const { facts, inputs: personInputs } = factsAt(m);
    const { version, params } = monthContext(ctx, m, ent.catalogueNumber);
    const { values, key: paramKey } = params;
    const inputs: TInputs = { ...personInputs, versionNumber: version?.number ?? 0, versionEffectiveFrom: version?.effectiveFrom ?? "", paramValues: values };
    const current = version ? evaluateItem(version.catalogue, ent.itemCode, facts, values, paramKey) : null;

    let evaluation = current;
    let kind: TSegmentKind = oneOff ? "one_off" : "due";
    const kindReasons: TSegmentReason[] = [];
    if (!current?.eligible) {
      // Does an earlier version (from the pinned one on) still say yes? Then only the rule changed.
      const older = versions
        .filter((v) => version && v.number < version.number && v.number >= ent.catalogueNumber)
        .sort((a, b) => b.number - a.number);
      let kept: TEvaluation | null = null;
      let firstNo = version;
      for (const v of older) {
        const e = evaluateItem(v.catalogue, ent.itemCode, facts, values, paramKey);
        if (e?.eligible) {
          kept = e;
          break;
        }
        firstNo = v;
      }
      if (!kept || !firstNo) {
        if (!inputs.alive) return stopped("death", [{ key: "death", params: { date: person.deathDate ?? "", month: m } }], inputs);
        if (inputs.movedOut) return stopped("movedOut", [{ key: "movedOut", params: { date: person.movedOutDate ?? "", month: m } }], inputs);
        const failing = version ? (evaluateItem(version.catalogue, ent.itemCode, facts, values, paramKey, true)?.reasons ?? []).filter((r) => !r.ok) : [];
        return stopped("ineligible", [{ key: "ineligible", params: { month: m }, policy: failing }], inputs);
      }
      evaluation = kept;
      if (ent.dismissedVersions.includes(firstNo.number)) {
        kindReasons.push({ key: "ruleChangeDismissed", params: { version: firstNo.number } });
      } else {
        kind = "pending_review";
        kindReasons.push({ key: "ruleChange", params: { version: firstNo.number, effectiveFrom: firstNo.effectiveFrom } });
        if (!proposal) {
          const failing = (evaluateItem(firstNo.catalogue, ent.itemCode, facts, values, paramKey, true)?.reasons ?? []).filter((r) => !r.ok);
          proposal = {
            catalogueNumber: firstNo.number,
            fromMonth: m,
            failing: failing.length ? failing : [{ key: "itemRemoved", params: { version: firstNo.number }, ok: false, depth: 0 }],
          };
        }
      }
    }

    let amount: number;
    if (oneOff) amount = ent.oneOffAmountFen ?? evaluation?.oneOff ?? 0;
    else if (cash) {
      amount = evaluation?.monthly ?? ent.grantedMonthlyFen ?? 0;
      if (evaluation?.monthly == null) kindReasons.push({ key: "amountKept", params: { amountFen: ent.grantedMonthlyFen ?? 0 } });
    } else amount = 0;

    const correction = cash ? ([...corrections].reverse().find((c) => c.fromMonth <= m) ?? null) : null;
    if (correction && correction.amountFen !== null) amount = correction.amountFen;
    const suspension = oneOff ? undefined : suspensions.find((s) => s.fromMonth <= m && (s.resumeMonth === null || m < s.resumeMonth));
    if (suspension) {
      if (suspension.resumeMonth !== null && suspension.backPay) {
        return { kind: "backpay", amount, inputs, kindReasons: [suspension.cause, { key: "backPay", params: { resumeMonth: suspension.resumeMonth } }], correction, stopKey: null };
      }
      return { kind: "suspended", amount: 0, inputs, kindReasons: [suspension.cause], correction, stopKey: null };
    }
    return { kind, amount, inputs, kindReasons, correction, stopKey: null };
  };

  function stopped(stopKey: TReasonKey, kindReasons: TSegmentReason[], inputs: TInputs | null = null): TState {
    return { kind: "stopped", amount: 0, inputs, kindReasons, correction: null, stopKey };
  }

  // Walk the candidate months; a stop is final.
  const states: { month: string; state: TState }[] = [];
  for (const m of months) {
    const state = stateAt(m);
    states.push({ month: m, state });
    if (state.kind === "stopped") break;
  }

  const segments: TSegment[] = [];
  let prev: TState | null = null;
  for (const { month, state } of states) {
    const last = segments.at(-1);
    if (last && prev && last.kind === state.kind && last.monthlyAmountFen === state.amount) {
      prev = state;
      continue;
    }
    segments.push({ fromMonth: month, toMonth: null, monthlyAmountFen: state.amount, kind: state.kind, reasons: reasonsFor(prev, state) });
    prev = state;
  }
  for (let i = 0; i < segments.length - 1; i++) segments[i].toMonth = previousMonth(segments[i + 1].fromMonth);
  if (oneOff && segments.length === 1 && segments[0].kind === "one_off") segments[0].toMonth = start;

  function reasonsFor(before: TState | null, state: TState): TSegmentReason[] {
    if (state.kind === "stopped") {
      const causes = before?.inputs && state.inputs && state.stopKey === "ineligible" ? inputCauses(before.inputs, state.inputs, [], versions) : [];
      return [...causes, ...state.kindReasons];
    }
    if (!before) {
      if (state.kind === "one_off") return [{ key: "oneOff", params: {} }, ...state.kindReasons];
      if (state.kind === "due") return [{ key: "granted", params: { version: state.inputs?.versionNumber ?? ent.catalogueNumber } }, ...state.kindReasons, ...correctionReasons(null, state)];
      return state.kindReasons;
    }
    const newKind = before.kind !== state.kind;
    if (newKind && (state.kind === "suspended" || state.kind === "backpay" || state.kind === "pending_review")) return state.kindReasons;
    // Back to due after a suspension or a back-paid stretch: what ended it.
    if (newKind && (before.kind === "suspended" || before.kind === "backpay")) {
      const ended = suspensions.find((s) => s.resumeReason && s.cause === before.kindReasons[0]);
      return [ended?.resumeReason ?? { key: "recomputed", params: {} }, ...state.kindReasons];
    }
    const causes = before.inputs && state.inputs ? inputCauses(before.inputs, state.inputs, paramNames, versions) : [];
    const corrected = correctionReasons(before, state);
    // Within a run of one kind, the kind's own reason was given where the run began.
    const kindReasons = newKind ? state.kindReasons : state.kindReasons.filter((r) => r.key === "amountKept");
    const all = [...corrected, ...(corrected.length && state.correction?.amountFen != null ? [] : causes), ...kindReasons];
    return all.length ? all : [{ key: "recomputed", params: {} }];
  }

  function correctionReasons(before: TState | null, state: TState): TSegmentReason[] {
    if (state.correction === before?.correction) return [];
    if (state.correction && state.correction.amountFen !== null) return [{ key: "correction", params: { reason: state.correction.reason, by: state.correction.byName } }];
    if (state.correction) return [{ key: "correctionEnded", params: { reason: state.correction.reason, by: state.correction.byName } }];
    return [];
  }

  const stopSegment = segments.find((s) => s.kind === "stopped");
  const current = maxMonth(monthOf(ctx.today), start);
  const currentSegment = segmentAt(segments, current);
  const status: TEntitlementStatus = stopSegment ? "stopped" : currentSegment?.kind === "suspended" ? "suspended" : "active";
  const stopState = states.find((s) => s.state.kind === "stopped")?.state;
  return {
    segments,
    status,
    endMonth: stopSegment ? previousMonth(stopSegment.fromMonth) : oneOff ? start : null,
    stopReason: stopState?.stopKey ?? null,
    currentAmountFen: currentSegment?.monthlyAmountFen ?? 0,
    certDueOn: stopSegment || oneOff ? null : certification.dueOn,
    proposal: stopSegment && proposal && stopSegment.fromMonth <= (proposal as TProposalNeed).fromMonth ? null : proposal,
  };
}

/** The segment covering `month`, if any (none before the start, or after a one-off's month). */
export function segmentAt(segments: readonly TSegment[], month: string): TSegment | null {
  for (const s of segments) if (s.fromMonth <= month && (s.toMonth === null || month <= s.toMonth)) return s;
  return null;
}

/** The amount due in `month` with its kind and reasons; nothing is due outside the segments. */
export function amountDueIn(segments: readonly TSegment[], month: string): { amountFen: number; kind: TSegmentKind | null; reasons: TSegmentReason[] } {
  const s = segmentAt(segments, month);
  return s ? { amountFen: s.monthlyAmountFen, kind: s.kind, reasons: s.reasons } : { amountFen: 0, kind: null, reasons: [] };
}

export type TOverpaidMonth = { month: string; paidFen: number; dueFen: number };

/**
 * 追缴: the months for which more was paid than is due (e.g. paid after a death recorded later),
 * with the payments summed per month. Months paid in full or less are not overpaid.
 */
export function overpaidMonths(segments: readonly TSegment[], payments: readonly { month: string; amountFen: number }[]): TOverpaidMonth[] {
  const paid = new Map<string, number>();
  for (const p of payments) paid.set(p.month, (paid.get(p.month) ?? 0) + p.amountFen);
  return [...paid.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, paidFen]) => ({ month, paidFen, dueFen: amountDueIn(segments, month).amountFen }))
    .filter((m) => m.paidFen > m.dueFen);
}
