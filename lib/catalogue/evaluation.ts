// Asking the policy engine about people: one registered elder, typed-in facts, or — set-based —
// every elder of a county at once (a draft's preview, benchmarks, later worklists). One person's
// answer carries reasons in the user's language; bulk runs compile each catalogue once and skip
// reasons.
import { db, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { assertCan } from "@/lib/authz/policy";
import type { TActor } from "@/lib/authz/actor";
import type { TFormState } from "@/lib/entry/form-state";
import { DEFAULT_LOCALE, type TLocale } from "@/lib/i18n/config";
import { todayInShanghai } from "@/lib/dates";
import { getElderFacts } from "@/lib/elders/queries";
import { latestConfirmedLevelsInCounty } from "@/lib/assessment/queries";
import { factsAsOf, type TCircumstanceRecordForFacts, type TElderForFacts } from "@/lib/elders/facts";
import { createEvaluator, renderReasonLines, type TItemResult, type TParamValues, type TReason } from "@/lib/policy/evaluate";
import type { TReasonLine } from "@/lib/policy/render";
import type { TCatalogue, TDelivery, TServiceType } from "@/lib/policy/catalogue-schema";
import type { TPersonFacts } from "@/lib/policy/facts";
import { getVersion, versionInForce, type TCatalogueVersion } from "@/lib/catalogue/queries";
import { readParamValues } from "@/lib/catalogue/params";
import { seedCatalogue } from "@/lib/catalogue/data";
import { FactsInputError, resolveFactsInput, SEX_ASSUMED_NOTE, type TFactsInput } from "@/lib/catalogue/facts-input";

export type TEvaluationItem = {
  code: string;
  name: string;
  eligible: boolean;
  monthlyAmountFen: number | null;
  oneOffAmountFen: number | null;
  reasons: string[];
  /** The same reasons with their nesting and whether each holds (for the finder). */
  lines: TReasonLine[];
  excludedBy: string | null;
  needsApplication: boolean;
  delivery: TDelivery;
  serviceTypes: TServiceType[];
};

export type TEvaluation = {
  county: string;
  countyName: string | null;
  /** The number of the catalogue version used; null when none is in force on asOf. */
  catalogueVersion: number | null;
  catalogueLabel: string | null;
  asOf: string;
  age: number;
  items: TEvaluationItem[];
  note?: string;
};

/** The finder's form state: the usual form state and, on success, the answer. */
export type TFinderState = TFormState & { result?: TEvaluation };

/** The documented answer of the CLI and the API (issue 5): nothing more, nothing less. */
export type TPublicEvaluation = {
  county: string;
  catalogueVersion: number | null;
  asOf: string;
  age: number;
  items: { code: string; name: string; eligible: boolean; monthlyAmountFen: number | null; oneOffAmountFen: number | null; reasons: string[] }[];
  note?: string;
};

export function publicEvaluation(e: TEvaluation): TPublicEvaluation {
  return {
    county: e.county,
    catalogueVersion: e.catalogueVersion,
    asOf: e.asOf,
    age: e.age,
    items: e.items.map((i) => ({
      code: i.code,
      name: i.name,
      eligible: i.eligible,
      monthlyAmountFen: i.monthlyAmountFen,
      oneOffAmountFen: i.oneOffAmountFen,
      reasons: i.reasons,
    })),
    ...(e.note ? { note: e.note } : {}),
  };
}

const sexDependent = new WeakMap<TCatalogue, boolean>();

/** Whether any rule of the catalogue (eligibility or amount tiers) reads the person's sex. */
export function readsSex(catalogue: TCatalogue): boolean {
  let known = sexDependent.get(catalogue);
  if (known === undefined) {
    known = /"kind":"(ageBySex|sex)"/.test(JSON.stringify(catalogue.items.map((i) => [i.eligibility, i.amount])));
    sexDependent.set(catalogue, known);
  }
  return known;
}

/** Evaluates one person against a catalogue, with reasons rendered in `locale`. Pure. */
export function evaluateWith(
  catalogue: TCatalogue,
  versionNumber: number,
  facts: TPersonFacts,
  params: TParamValues,
  options: { county: string; locale?: TLocale; notes?: string[]; sexAssumed?: boolean },
): TEvaluation {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const notes = [...(options.notes ?? [])];
  if (options.sexAssumed && readsSex(catalogue)) notes.push(SEX_ASSUMED_NOTE);
  const results: TItemResult[] = createEvaluator(catalogue, params)(facts);
  const byCode = new Map(catalogue.items.map((item) => [item.code, item]));
  return {
    county: options.county,
    countyName: catalogue.countyName,
    catalogueVersion: versionNumber,
    catalogueLabel: catalogue.versionLabel,
    asOf: facts.asOf,
    age: facts.age,
    items: results.map((r) => {
      const item = byCode.get(r.code)!;
      const lines = renderReasonLines(r.reasons, locale);
      return {
        code: r.code,
        name: r.name,
        eligible: r.eligible,
        monthlyAmountFen: r.monthlyAmountFen,
        oneOffAmountFen: r.oneOffAmountFen,
        reasons: lines.map((l) => l.text),
        lines,
        excludedBy: r.excludedBy,
        needsApplication: item.needsApplication,
        delivery: item.delivery,
        serviceTypes: item.serviceTypes,
      };
    }),
    ...(notes.length ? { note: notes.join("；") } : {}),
  };
}

function noCatalogue(county: string, facts: TPersonFacts, notes: string[]): TEvaluation {
  return {
    county,
    countyName: null,
    catalogueVersion: null,
    catalogueLabel: null,
    asOf: facts.asOf,
    age: facts.age,
    items: [],
    note: [`${county} 在 ${facts.asOf} 没有生效的服务清单`, ...notes].join("；"),
  };
}

/**
 * Evaluates facts against the catalogue of `county` in force on the facts' date in the database
 * in use. With `fallbackToSeed`, a county without any version there is evaluated against its
 * seed catalogue (version 1), and the answer says so in `note` (the CLI on a fresh database).
 */
export async function evaluateFactsInCounty(
  county: string,
  facts: TPersonFacts,
  options: { locale?: TLocale; notes?: string[]; sexAssumed?: boolean; fallbackToSeed?: boolean; client?: Db } = {},
): Promise<TEvaluation> {
  const client = options.client ?? db;
  const notes = [...(options.notes ?? [])];
  const version = await versionInForce(county, facts.asOf, client);
  if (version) {
    const params = await readParamValues(county, facts.asOf, client);
    return evaluateWith(version.catalogue, version.number, facts, params, { county, locale: options.locale, notes, sexAssumed: options.sexAssumed });
  }
  if (options.fallbackToSeed && (await client.catalogueVersion.count({ where: { countyCode: county } })) === 0) {
    const seed = seedCatalogue(county);
    if (seed) {
      notes.unshift(`数据库中没有 ${county} 的服务清单，使用内置种子清单第 ${seed.version} 版（自 ${seed.effectiveFrom} 起施行）；县级参数按清单默认值`);
      if (seed.effectiveFrom > facts.asOf) notes.push(`注意：该清单自 ${seed.effectiveFrom} 起施行，晚于查询日期`);
      return evaluateWith(seed, seed.version, facts, {}, { county, locale: options.locale, notes, sexAssumed: options.sexAssumed });
    }
  }
  return noCatalogue(county, facts, notes);
}

/** 政策找人 for a registered elder in the actor's region (NOT_FOUND outside it). */
export async function evaluateElder(actor: TActor, elderId: string, options: { asOf?: string; locale?: TLocale } = {}): Promise<TEvaluation> {
  assertCan(actor, "policy.evaluate");
  const asOf = options.asOf ?? todayInShanghai();
  // getElderFacts loads the elder inside the actor's region, so the elder's county is the actor's.
  const facts = await getElderFacts(actor, elderId, asOf);
  return evaluateFactsInCounty(actor.countyCode, facts, { locale: options.locale });
}

/** 政策找人 for someone typed in (not necessarily registered), in the actor's county. */
export async function evaluateTypedFacts(
  actor: TActor,
  input: TFactsInput,
  options: { asOf?: string; locale?: TLocale } = {},
): Promise<TEvaluation> {
  assertCan(actor, "policy.evaluate");
  const asOf = options.asOf ?? todayInShanghai();
  let resolved;
  try {
    resolved = resolveFactsInput(input, { countyCode: actor.countyCode, asOf });
  } catch (error) {
    if (error instanceof FactsInputError) throw new AppError("VALIDATION", error.message, { fieldErrors: { [error.field]: [error.message] } });
    throw error;
  }
  return evaluateFactsInCounty(actor.countyCode, resolved.facts, { locale: options.locale, notes: resolved.notes, sexAssumed: resolved.sexAssumed });
}

// ---------------------------------------------------------------------------------------------
// Set-based: a whole county in a few queries

type TElderRow = {
  id: string;
  birth_date: string;
  sex: "male" | "female";
  hukou_region_code: string;
  residence: "urban" | "rural";
  status: "living" | "deceased" | "moved_out";
  death_date: string | null;
  moved_out_date: string | null;
};
type TRecordRow = {
  elder_id: string;
  type: string;
  start_date: string;
  end_date: string | null;
  disability_category: string | null;
  disability_grade: number | null;
};

/** Why an elder's records could not be turned into facts (a key under catalogue.preview.skipReason). */
export type TSkipReason = "disabilityGrade" | "disabilityCategory" | "malformed";
export type TSkippedElder = { elderId: string; reason: TSkipReason };

export type TCountyFacts = { ids: string[]; facts: TPersonFacts[]; skipped: number; skippedElders: TSkippedElder[]; loadMs: number };

function skipReason(error: unknown): TSkipReason {
  const message = error instanceof Error ? error.message : "";
  if (message.startsWith("disability record with grade")) return "disabilityGrade";
  if (message.startsWith("disability record with category")) return "disabilityCategory";
  return "malformed";
}

/**
 * The facts of every elder of a county on `asOf`, in three queries: the elders, the
 * circumstance records in force, and each elder's latest confirmed capability level (DISTINCT ON).
 * Facts are then built in memory with the same pure function as for one elder
 * (lib/elders/facts.ts), so bulk and single answers agree. An elder whose records are malformed
 * (factsAsOf refuses them) is counted in `skipped` and named in `skippedElders`.
 */
export async function loadCountyFacts(countyCode: string, asOf: string, client: Db = db): Promise<TCountyFacts> {
  const started = performance.now();
  const [elders, records, levels] = await Promise.all([
    client.$queryRawUnsafe<TElderRow[]>(
      `SELECT id::text AS id, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, sex::text AS sex, hukou_region_code,
              residence::text AS residence, status::text AS status,
              to_char(death_date, 'YYYY-MM-DD') AS death_date, to_char(moved_out_date, 'YYYY-MM-DD') AS moved_out_date
         FROM elders WHERE county_code = $1`,
      countyCode,
    ),
    client.$queryRawUnsafe<TRecordRow[]>(
      `SELECT c.elder_id::text AS elder_id, c.type, to_char(c.start_date, 'YYYY-MM-DD') AS start_date,
              to_char(c.end_date, 'YYYY-MM-DD') AS end_date, c.disability_category, c.disability_grade::int AS disability_grade
         FROM circumstance_records c JOIN elders e ON e.id = c.elder_id
        WHERE e.county_code = $1 AND c.start_date <= $2::date AND (c.end_date IS NULL OR c.end_date >= $2::date)`,
      countyCode,
      asOf,
    ),
    latestConfirmedLevelsInCounty(countyCode, asOf, client),
  ]);
  const recordsByElder = new Map<string, TCircumstanceRecordForFacts[]>();
  for (const r of records) {
    let list = recordsByElder.get(r.elder_id);
    if (!list) recordsByElder.set(r.elder_id, (list = []));
    list.push({
      type: r.type as TCircumstanceRecordForFacts["type"],
      startDate: r.start_date,
      endDate: r.end_date,
      disabilityCategory: r.disability_category as TCircumstanceRecordForFacts["disabilityCategory"],
      disabilityGrade: r.disability_grade,
    });
  }
  const ids: string[] = [];
  const facts: TPersonFacts[] = [];
  const skippedElders: TSkippedElder[] = [];
  const none: TCircumstanceRecordForFacts[] = [];
  for (const e of elders) {
    const elder: TElderForFacts = {
      birthDate: e.birth_date,
      sex: e.sex,
      hukouRegionCode: e.hukou_region_code,
      residence: e.residence,
      status: e.status,
      deathDate: e.death_date,
      movedOutDate: e.moved_out_date,
    };
    try {
      facts.push(factsAsOf(elder, recordsByElder.get(e.id) ?? none, asOf, { countyCode, capabilityLevel: levels.get(e.id) ?? null }));
      ids.push(e.id);
    } catch (error) {
      skippedElders.push({ elderId: e.id, reason: skipReason(error) });
    }
  }
  return { ids, facts, skipped: skippedElders.length, skippedElders, loadMs: performance.now() - started };
}

export type TPreviewRow = {
  code: string;
  name: string;
  /** Only in the draft, only in the version in force, or in both. */
  presence: "both" | "added" | "removed";
  before: number;
  after: number;
  gained: number;
  lost: number;
  /** Eligible under both, with a different amount. */
  amountChanged: number;
};

export type TPreview = {
  version: TCatalogueVersion;
  baseline: TCatalogueVersion | null;
  asOf: string;
  elders: number;
  skipped: number;
  skippedElders: TSkippedElder[];
  rows: TPreviewRow[];
  loadMs: number;
  evaluateMs: number;
};

export type TAmounts = { monthlyFen: number | null; oneOffFen: number | null };

/** One person's change on one item: `person` indexes the facts compared. */
export type TPreviewChange = {
  person: number;
  code: string;
  change: "gained" | "lost" | "amount_changed";
  /** Under the version in force (null when not eligible there). */
  before: TAmounts | null;
  /** Under the draft (null when not eligible, or the draft removes the item). */
  after: TAmounts | null;
  /** Why, predicate by predicate: the draft's, or the version in force's for an item the draft removes. */
  reasons: TReason[];
};

const amountsOf = (r: TItemResult): TAmounts => ({ monthlyFen: r.monthlyAmountFen, oneOffFen: r.oneOffAmountFen });

/**
 * Per item: how many of `facts` each evaluator finds eligible, and the differences. Pure.
 * `onChange` hears every person's gain, loss or changed amount; `onProgress` the count of people
 * done, every 1,000.
 */
export function compareCatalogues(
  base: TCatalogue | null,
  next: TCatalogue,
  facts: TPersonFacts[],
  params: TParamValues,
  options: { onChange?: (change: TPreviewChange) => void; onProgress?: (done: number) => void } = {},
): TPreviewRow[] {
  const { onChange, onProgress } = options;
  // Reasons only for people who change, each evaluated once more with reasons: the counting
  // itself stays without them.
  const nextWhy = onChange ? createEvaluator(next, params) : null;
  const baseWhy = onChange && base ? createEvaluator(base, params) : null;
  const nextEval = createEvaluator(next, params, { withReasons: false });
  const baseEval = base ? createEvaluator(base, params, { withReasons: false }) : null;
  const rows = new Map<string, TPreviewRow>();
  for (const item of next.items) rows.set(item.code, { code: item.code, name: item.name, presence: "added", before: 0, after: 0, gained: 0, lost: 0, amountChanged: 0 });
  for (const item of base?.items ?? []) {
    const row = rows.get(item.code);
    if (row) row.presence = "both";
    else rows.set(item.code, { code: item.code, name: item.name, presence: "removed", before: 0, after: 0, gained: 0, lost: 0, amountChanged: 0 });
  }
  const nextRows = next.items.map((item) => rows.get(item.code)!);
  const baseRows = (base?.items ?? []).map((item) => rows.get(item.code)!);
  // Index of each draft item in the base results, to compare amounts item by item.
  const baseIndex = next.items.map((item) => base?.items.findIndex((b) => b.code === item.code) ?? -1);
  for (let p = 0; p < facts.length; p++) {
    const person = facts[p];
    const after = nextEval(person);
    const before = baseEval ? baseEval(person) : null;
    let nextReasons: TItemResult[] | null = null;
    let baseReasons: TItemResult[] | null = null;
    const why = (i: number) => (nextReasons ??= nextWhy!(person))[i].reasons;
    const whyBefore = (j: number) => (baseReasons ??= baseWhy!(person))[j].reasons;
    for (let i = 0; i < after.length; i++) {
      const a = after[i];
      const row = nextRows[i];
      if (a.eligible) row.after++;
      const j = baseIndex[i];
      const b = before && j >= 0 ? before[j] : null;
      const wasEligible = b?.eligible ?? false;
      if (a.eligible && !wasEligible) {
        row.gained++;
        onChange?.({ person: p, code: row.code, change: "gained", before: null, after: amountsOf(a), reasons: why(i) });
      } else if (!a.eligible && wasEligible) {
        row.lost++;
        onChange?.({ person: p, code: row.code, change: "lost", before: amountsOf(b!), after: null, reasons: why(i) });
      } else if (a.eligible && b && (a.monthlyAmountFen !== b.monthlyAmountFen || a.oneOffAmountFen !== b.oneOffAmountFen)) {
        row.amountChanged++;
        onChange?.({ person: p, code: row.code, change: "amount_changed", before: amountsOf(b), after: amountsOf(a), reasons: why(i) });
      }
    }
    if (before) {
      for (let j = 0; j < before.length; j++) {
        if (!before[j].eligible) continue;
        const row = baseRows[j];
        row.before++;
        if (row.presence === "removed") {
          row.lost++;
          onChange?.({ person: p, code: row.code, change: "lost", before: amountsOf(before[j]), after: null, reasons: whyBefore(j) });
        }
      }
    }
    if (onProgress && (p + 1) % 1000 === 0) onProgress(p + 1);
  }
  onProgress?.(facts.length);
  return [...rows.values()];
}

/**
 * 预览: for each item of a version (normally the draft), how many elders of the county would
 * gain or lose it compared with the version in force on `asOf`, with the county's parameters.
 * It runs as a background job (lib/catalogue/preview-job.ts), which also hears every person's
 * change (`onChange`, with the elders' ids) and the progress.
 */
export async function previewVersion(
  actor: TActor,
  versionId: string,
  asOf = todayInShanghai(),
  options: {
    /** Every person's change, with the elder's id. */
    onChange?: (change: TPreviewChange & { elderId: string }) => void;
    onProgress?: (done: number, total: number) => void;
  } = {},
): Promise<TPreview> {
  assertCan(actor, "catalogue.manage");
  const version = await getVersion(actor, versionId);
  const [baseline, params, county] = await Promise.all([
    versionInForce(actor.countyCode, asOf),
    readParamValues(actor.countyCode, asOf),
    loadCountyFacts(actor.countyCode, asOf),
  ]);
  const started = performance.now();
  const base = baseline?.id === version.id ? null : (baseline?.catalogue ?? null);
  const { onChange } = options;
  const rows = compareCatalogues(base, version.catalogue, county.facts, params, {
    onChange: onChange && ((change) => onChange({ ...change, elderId: county.ids[change.person] })),
    onProgress: options.onProgress && ((done) => options.onProgress!(done, county.facts.length)),
  });
  const { catalogue: _c, ...versionRow } = version;
  return {
    version: versionRow,
    baseline: baseline ? (({ catalogue: _b, ...rest }) => rest)(baseline) : null,
    asOf,
    elders: county.facts.length,
    skipped: county.skipped,
    skippedElders: county.skippedElders,
    rows,
    loadMs: Math.round(county.loadMs),
    evaluateMs: Math.round(performance.now() - started),
  };
}
