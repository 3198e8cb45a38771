// Re-deriving entitlements: load the inputs of the pure computation (lib/entitlements/segments.ts)
// set-based, compute in memory, and write only what changed — the derived columns, the segments,
// 应退未退 proposals and 追缴 overpayments — each change with its audit record.
//
// One code path serves a single elder (the registry hooks and approvals, inside the caller's
// transaction) and a whole county (the CLI, the nightly job, parameter changes), which runs in
// chunks of elders, each chunk one transaction that first locks its entitlement rows: a registry
// change committing meanwhile either waits for the chunk or is applied after it, never lost.
import { createHash } from "node:crypto";
import { db, type Db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordAudits } from "@/lib/audit/record";
import { NO_REQUEST_META, type TActor, type TRequestMeta } from "@/lib/authz/actor";
import type { TAuditEvent } from "@/lib/audit/events";
import { todayInShanghai } from "@/lib/dates";
import { parseContent } from "@/lib/catalogue/queries";
import { readParamHistory } from "@/lib/catalogue/params";
import { getCountySetting } from "@/lib/settings/county-settings";
import { unnestInsert } from "@/lib/utils/unnest-insert";
import type { TLevel } from "@/lib/assessment/items";
import type { TCircumstanceRecordForFacts } from "@/lib/elders/facts";
import type { TDelivery } from "@/lib/policy/catalogue-schema";
import {
  computeEntitlement,
  overpaidMonths,
  segmentAt,
  type TCertificationRule,
  type TCountyContext,
  type TEntitlementComputation,
  type TEntitlementInput,
  type TManualAction,
  type TPersonHistory,
  type TSegment,
  type TSegmentReason,
} from "@/lib/entitlements/segments";

/** The county's side of the computation, loaded once per run. */
export type TCountyInputs = TCountyContext & { certification: Record<string, TCertificationRule> };

export async function loadCountyInputs(countyCode: string, today: string, client: Db = db): Promise<TCountyInputs> {
  const [rows, params, rules, certification] = await Promise.all([
    client.catalogueVersion.findMany({
      where: { countyCode, status: { in: ["published", "retired"] }, effectiveFrom: { not: null } },
      orderBy: { number: "asc" },
    }),
    readParamHistory(countyCode, client),
    getCountySetting(countyCode, "entitlement.effectiveMonths", client),
    getCountySetting(countyCode, "entitlement.certification", client),
  ]);
  return {
    countyCode,
    versions: rows.map((row) => ({ number: row.number, effectiveFrom: row.effectiveFrom!.toISOString().slice(0, 10), catalogue: parseContent(row) })),
    params: params.map((p) => ({ name: p.name, effectiveFrom: p.effectiveFrom, valueFen: p.valueFen })),
    rules,
    certification,
    today,
  };
}

// ── Loading ──────────────────────────────────────────────────────────────────────────────────

type TEntitlementRow = {
  id: string;
  elder_id: string;
  county_code: string;
  township_code: string;
  village_code: string;
  item_code: string;
  item_name: string;
  delivery: string;
  start_month: string;
  granted_on: string;
  catalogue_number: number;
  granted_monthly_fen: number | null;
  one_off_amount_fen: number | null;
  monthly_amount_fen: number | null;
  end_month: string | null;
  status: "active" | "suspended" | "stopped";
  stop_reason: string | null;
  cert_due_on: string | null;
  segments_hash: string | null;
  computed: boolean;
};

type TStoredOverpayment = { id: string; entitlement_id: string; months: { month: string; paidFen: number; dueFen: number }[]; amount_fen: number; status: string; version: number };
type TStoredProposal = { id: string; entitlement_id: string; catalogue_number: number; status: string };

type TLoaded = {
  rows: TEntitlementRow[];
  inputs: Map<string, TEntitlementInput>;
  people: Map<string, TPersonHistory>;
  proposals: Map<string, TStoredProposal[]>;
};

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    let list = out.get(k);
    if (!list) out.set(k, (list = []));
    list.push(item);
  }
  return out;
}

/** Everything the computation reads for the entitlements of `elderIds`, in one query per table. */
async function loadForElders(client: Db, elderIds: readonly string[], county: TCountyInputs): Promise<TLoaded> {
  const ids = [...elderIds];
  const rows = await client.$queryRaw<TEntitlementRow[]>`
    SELECT id::text, elder_id::text, county_code, township_code, village_code, item_code, item_name, delivery, start_month,
           to_char(granted_on, 'YYYY-MM-DD') AS granted_on, catalogue_number, granted_monthly_fen, one_off_amount_fen,
           monthly_amount_fen, end_month, status::text AS status, stop_reason, to_char(cert_due_on, 'YYYY-MM-DD') AS cert_due_on,
           segments_hash, computed_at IS NOT NULL AS computed
      FROM entitlements WHERE elder_id = ANY(${ids}::uuid[]) ORDER BY elder_id, start_month, created_at`;
  const entitlementIds = rows.map((r) => r.id);
  const [elders, records, assessments, actions, certifications, proposals] = await Promise.all([
    client.$queryRaw<{ id: string; birth_date: string; sex: "male" | "female"; hukou_region_code: string; residence: "urban" | "rural"; status: TPersonHistory["status"]; death_date: string | null; moved_out_date: string | null }[]>`
      SELECT id::text, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, sex::text AS sex, hukou_region_code, residence::text AS residence,
             status::text AS status, to_char(death_date, 'YYYY-MM-DD') AS death_date, to_char(moved_out_date, 'YYYY-MM-DD') AS moved_out_date
        FROM elders WHERE id = ANY(${ids}::uuid[])`,
    client.$queryRaw<{ elder_id: string; type: string; start_date: string; end_date: string | null; disability_category: string | null; disability_grade: number | null }[]>`
      SELECT elder_id::text, type, to_char(start_date, 'YYYY-MM-DD') AS start_date, to_char(end_date, 'YYYY-MM-DD') AS end_date,
             disability_category, disability_grade::int AS disability_grade
        FROM circumstance_records WHERE elder_id = ANY(${ids}::uuid[])`,
    client.$queryRaw<{ id: string; elder_id: string; assessed_on: string; confirmed_on: string; final_level: number; supersedes_id: string | null }[]>`
      SELECT id::text, elder_id::text, to_char(assessed_on, 'YYYY-MM-DD') AS assessed_on,
             to_char(confirmed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS confirmed_on, final_level::int AS final_level, supersedes_id::text
        FROM assessments
       WHERE elder_id = ANY(${ids}::uuid[]) AND status IN ('confirmed', 'superseded') AND final_level IS NOT NULL AND confirmed_at IS NOT NULL`,
    client.$queryRaw<{ id: string; entitlement_id: string; kind: TManualAction["kind"]; from_month: string; amount_fen: number | null; back_pay: boolean; reason: string; source: TManualAction["source"]; created_by_name: string }[]>`
      SELECT id::text, entitlement_id::text, kind, from_month, amount_fen, back_pay, reason, source, created_by_name
        FROM entitlement_actions WHERE entitlement_id = ANY(${entitlementIds}::uuid[]) ORDER BY created_at, id`,
    client.$queryRaw<{ entitlement_id: string; certified_on: string }[]>`
      SELECT entitlement_id::text, to_char(certified_on, 'YYYY-MM-DD') AS certified_on
        FROM certifications WHERE entitlement_id = ANY(${entitlementIds}::uuid[])`,
    client.$queryRaw<TStoredProposal[]>`
      SELECT id::text, entitlement_id::text, catalogue_number, status FROM entitlement_proposals WHERE entitlement_id = ANY(${entitlementIds}::uuid[])`,
  ]);

  const recordsByElder = groupBy(records, (r) => r.elder_id);
  const assessmentsByElder = groupBy(assessments, (a) => a.elder_id);
  const people = new Map<string, TPersonHistory>();
  for (const e of elders) {
    people.set(e.id, {
      birthDate: e.birth_date,
      sex: e.sex,
      hukouRegionCode: e.hukou_region_code,
      residence: e.residence,
      status: e.status,
      deathDate: e.death_date,
      movedOutDate: e.moved_out_date,
      circumstances: (recordsByElder.get(e.id) ?? []).map(
        (r): TCircumstanceRecordForFacts => ({
          type: r.type as TCircumstanceRecordForFacts["type"],
          startDate: r.start_date,
          endDate: r.end_date,
          disabilityCategory: r.disability_category as TCircumstanceRecordForFacts["disabilityCategory"],
          disabilityGrade: r.disability_grade,
        }),
      ),
      assessments: (assessmentsByElder.get(e.id) ?? []).map((a) => ({
        id: a.id,
        assessedOn: a.assessed_on,
        confirmedOn: a.confirmed_on,
        level: a.final_level as TLevel,
        supersedesId: a.supersedes_id,
      })),
    });
  }

  const actionsBy = groupBy(actions, (a) => a.entitlement_id);
  const certsBy = groupBy(certifications, (c) => c.entitlement_id);
  const proposalsBy = groupBy(proposals, (p) => p.entitlement_id);
  // A later entitlement of the same elder and item ends the earlier one (rows are in start order).
  const next = new Map<string, string>();
  for (const group of groupBy(rows, (r) => `${r.elder_id}|${r.item_code}`).values()) {
    for (let i = 0; i < group.length - 1; i++) next.set(group[i].id, group[i + 1].start_month);
  }
  const inputs = new Map<string, TEntitlementInput>();
  for (const r of rows) {
    inputs.set(r.id, {
      itemCode: r.item_code,
      delivery: r.delivery as TDelivery,
      startMonth: r.start_month,
      grantedOn: r.granted_on,
      catalogueNumber: r.catalogue_number,
      grantedMonthlyFen: r.granted_monthly_fen,
      oneOffAmountFen: r.one_off_amount_fen,
      endBefore: next.get(r.id) ?? null,
      actions: (actionsBy.get(r.id) ?? []).map((a) => ({
        id: a.id,
        kind: a.kind,
        fromMonth: a.from_month,
        amountFen: a.amount_fen,
        backPay: a.back_pay,
        reason: a.reason,
        source: a.source,
        byName: a.created_by_name,
      })),
      certifications: (certsBy.get(r.id) ?? []).map((c) => ({ certifiedOn: c.certified_on })),
      certification: county.certification[r.item_code] ?? null,
      dismissedVersions: (proposalsBy.get(r.id) ?? []).filter((p) => p.status === "dismissed").map((p) => p.catalogue_number),
    });
  }
  return {
    rows,
    inputs,
    people,
    proposals: proposalsBy,
  };
}

// ── Comparing and writing ────────────────────────────────────────────────────────────────────

/** JSON with object keys sorted: what PostgreSQL's jsonb hands back compares equal to what was written. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/** What is stored to tell whether the segments changed, without reading them back. */
export const segmentsHash = (segments: readonly TSegment[]) =>
  createHash("md5")
    .update(canonical(segments.map((s) => [s.fromMonth, s.toMonth, s.monthlyAmountFen, s.kind, s.reasons])))
    .digest("hex");

const summary = (segments: readonly Pick<TSegment, "fromMonth" | "toMonth" | "monthlyAmountFen" | "kind">[]) =>
  segments.map((s): [string, string | null, number, string] => [s.fromMonth, s.toMonth, s.monthlyAmountFen, s.kind]);

export type TRecomputeResult = {
  /** Entitlements looked at. */
  entitlements: number;
  /** Entitlements with any change (derived columns, segments, proposals or overpayments). */
  changed: number;
  proposalsCreated: number;
  overpaymentsCreated: number;
};

type TPath = { countyCode: string; townshipCode: string; villageCode: string };

/** Computes the loaded entitlements and writes what changed, in the caller's transaction. */
async function applyComputations(tx: Tx, actor: TActor, meta: TRequestMeta, loaded: TLoaded, county: TCountyInputs): Promise<TRecomputeResult & { changedIds: Set<string> }> {
  const result: TRecomputeResult = { entitlements: loaded.rows.length, changed: 0, proposalsCreated: 0, overpaymentsCreated: 0 };
  const changedIds = new Set<string>();
  const audits: TAuditEvent[] = [];
  const updates: { row: TEntitlementRow; c: TEntitlementComputation; hash: string }[] = [];
  const newProposals: { row: TEntitlementRow; need: NonNullable<TEntitlementComputation["proposal"]> }[] = [];
  const obsoleteProposals: { row: TEntitlementRow; proposal: TStoredProposal }[] = [];

  for (const row of loaded.rows) {
    const person = loaded.people.get(row.elder_id);
    if (!person) continue;
    let c: TEntitlementComputation;
    try {
      c = computeEntitlement(loaded.inputs.get(row.id)!, person, county);
    } catch (error) {
      // Malformed registry data (e.g. a disability record without a grade) must not stop a county run.
      console.error(`entitlement ${row.id}: ${(error as Error).message}`);
      continue;
    }
    const hash = segmentsHash(c.segments);
    const changed =
      hash !== row.segments_hash ||
      row.monthly_amount_fen !== c.currentAmountFen ||
      row.end_month !== c.endMonth ||
      row.status !== c.status ||
      row.stop_reason !== c.stopReason ||
      row.cert_due_on !== c.certDueOn ||
      !row.computed;
    if (changed) {
      updates.push({ row, c, hash });
      changedIds.add(row.id);
    }

    // 应退未退: one proposal per entitlement and version; a pending one no longer needed is withdrawn.
    const proposals = loaded.proposals.get(row.id) ?? [];
    if (c.proposal && !proposals.some((p) => p.catalogue_number === c.proposal!.catalogueNumber)) {
      newProposals.push({ row, need: c.proposal });
      changedIds.add(row.id);
    }
    for (const p of proposals) {
      if (p.status === "pending" && p.catalogue_number !== c.proposal?.catalogueNumber) {
        obsoleteProposals.push({ row, proposal: p });
        changedIds.add(row.id);
      }
    }
  }

  if (updates.length) {
    const ids = updates.map((u) => u.row.id);
    // The segments as they were, for the audit records (only of what changes).
    const before = groupBy(
      await tx.$queryRaw<{ entitlement_id: string; from_month: string; to_month: string | null; monthly_amount_fen: number; kind: string }[]>`
        SELECT entitlement_id::text, from_month, to_month, monthly_amount_fen, kind FROM entitlement_segments
         WHERE entitlement_id = ANY(${ids}::uuid[]) ORDER BY entitlement_id, from_month`,
      (s) => s.entitlement_id,
    );
    await tx.$executeRaw`
      UPDATE entitlements e SET monthly_amount_fen = u.amount, end_month = u.end_month, status = u.status::entitlement_status,
             stop_reason = u.stop_reason, cert_due_on = u.cert_due_on::date, segments_hash = u.hash, computed_at = now(), updated_at = now(), version = e.version + 1
        FROM unnest(${ids}::uuid[], ${updates.map((u) => u.c.currentAmountFen)}::int[], ${updates.map((u) => u.c.endMonth)}::text[],
                    ${updates.map((u) => u.c.status)}::text[], ${updates.map((u) => u.c.stopReason)}::text[], ${updates.map((u) => u.c.certDueOn)}::text[],
                    ${updates.map((u) => u.hash)}::text[])
          AS u(id, amount, end_month, status, stop_reason, cert_due_on, hash)
       WHERE e.id = u.id`;
    const rewritten = updates.filter((u) => u.hash !== u.row.segments_hash);
    if (rewritten.length) {
      await tx.$executeRaw`DELETE FROM entitlement_segments WHERE entitlement_id = ANY(${rewritten.map((u) => u.row.id)}::uuid[])`;
      const rows = rewritten.flatMap((u) => u.c.segments.map((s) => ({ entitlementId: u.row.id, countyCode: u.row.county_code, itemCode: u.row.item_code, s })));
      await unnestInsert(tx, "entitlement_segments", SEGMENT_COLUMNS, rows);
    }
    for (const { row, c } of updates) {
      audits.push({
        type: "entitlement.recomputed",
        entityType: "entitlement",
        entityId: row.id,
        ...pathOf(row),
        before: {
          status: row.status,
          monthlyAmountFen: row.monthly_amount_fen,
          endMonth: row.end_month,
          stopReason: row.stop_reason,
          certDueOn: row.cert_due_on,
          segments: (before.get(row.id) ?? []).map((s): [string, string | null, number, string] => [s.from_month, s.to_month, s.monthly_amount_fen, s.kind]),
        },
        after: { status: c.status, monthlyAmountFen: c.currentAmountFen, endMonth: c.endMonth, stopReason: c.stopReason, certDueOn: c.certDueOn, segments: summary(c.segments) },
      });
    }
  }

  for (const { row, need } of newProposals) {
    const created = await tx.entitlementProposal.create({
      data: {
        entitlementId: row.id,
        elderId: row.elder_id,
        ...pathOf(row),
        itemCode: row.item_code,
        itemName: row.item_name,
        catalogueNumber: need.catalogueNumber,
        fromMonth: need.fromMonth,
        reasons: need.failing as never,
      },
    });
    result.proposalsCreated++;
    audits.push({
      type: "entitlement.proposal_created",
      entityType: "entitlement",
      entityId: row.id,
      ...pathOf(row),
      after: { proposalId: created.id, catalogueNumber: need.catalogueNumber, fromMonth: need.fromMonth },
    });
  }
  if (obsoleteProposals.length) {
    await tx.entitlementProposal.updateMany({
      where: { id: { in: obsoleteProposals.map((o) => o.proposal.id) }, status: "pending" },
      data: { status: "obsolete", decidedAt: new Date(), decidedBy: actor.username, decidedByName: actor.displayName, version: { increment: 1 } },
    });
    for (const { row, proposal } of obsoleteProposals) {
      audits.push({
        type: "entitlement.proposal_obsolete",
        entityType: "entitlement",
        entityId: row.id,
        ...pathOf(row),
        before: { proposalId: proposal.id, status: "pending" },
        after: { proposalId: proposal.id, status: "obsolete" },
      });
    }
  }

  await recordAudits(tx, actor, meta, audits);
  result.changed = changedIds.size;
  return { ...result, changedIds };
}

/**
 * 追缴 for the entitlements `where` selects (one elder's, or a county's), once their segments are
 * written: SQL finds those with a month paid beyond its segment's amount (and those with a
 * pending overpayment); their stored segments and payments go through the pure overpaidMonths
 * rule. Months already recovered or waived are never claimed again; one pending overpayment per
 * entitlement, updated as the months change, cancelled when none are overpaid any more.
 */
async function reconcileOverpayments(tx: Tx, actor: TActor, meta: TRequestMeta, scope: { elderId: string } | { countyCode: string }): Promise<{ changed: Set<string>; created: number }> {
  const filter = "elderId" in scope ? Prisma.sql`e.elder_id = ${scope.elderId}::uuid` : Prisma.sql`e.county_code = ${scope.countyCode}`;
  const candidates = await tx.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT p.entitlement_id::text AS id FROM (
      SELECT b.entitlement_id, b.month, sum(b.amount_fen) AS paid FROM benefit_payments b JOIN entitlements e ON e.id = b.entitlement_id
       WHERE ${filter} GROUP BY b.entitlement_id, b.month
    ) p
    LEFT JOIN entitlement_segments s ON s.entitlement_id = p.entitlement_id AND s.from_month <= p.month AND (s.to_month IS NULL OR s.to_month >= p.month)
    WHERE p.paid > COALESCE(s.monthly_amount_fen, 0)
    UNION
    SELECT o.entitlement_id::text FROM overpayments o JOIN entitlements e ON e.id = o.entitlement_id WHERE ${filter} AND o.status = 'pending'`;
  const ids = candidates.map((c) => c.id);
  const out = { changed: new Set<string>(), created: 0 };
  if (ids.length === 0) return out;
  const [rows, segments, payments, overpayments] = await Promise.all([
    tx.$queryRaw<TEntitlementRow[]>`
      SELECT id::text, elder_id::text, county_code, township_code, village_code, item_code, item_name FROM entitlements WHERE id = ANY(${ids}::uuid[]) FOR UPDATE`,
    tx.$queryRaw<{ entitlement_id: string; from_month: string; to_month: string | null; monthly_amount_fen: number; kind: TSegment["kind"]; reasons: TSegmentReason[] }[]>`
      SELECT entitlement_id::text, from_month, to_month, monthly_amount_fen, kind, reasons FROM entitlement_segments WHERE entitlement_id = ANY(${ids}::uuid[]) ORDER BY from_month`,
    tx.$queryRaw<{ entitlement_id: string; month: string; amount_fen: number }[]>`
      SELECT entitlement_id::text, month, amount_fen FROM benefit_payments WHERE entitlement_id = ANY(${ids}::uuid[])`,
    tx.$queryRaw<TStoredOverpayment[]>`
      SELECT id::text, entitlement_id::text, months, amount_fen, status, version FROM overpayments WHERE entitlement_id = ANY(${ids}::uuid[]) AND status <> 'cancelled'`,
  ]);
  const segmentsBy = groupBy(segments, (s) => s.entitlement_id);
  const paymentsBy = groupBy(payments, (p) => p.entitlement_id);
  const overpaymentsBy = groupBy(overpayments, (o) => o.entitlement_id);
  const audits: TAuditEvent[] = [];
  for (const row of rows) {
    const id = row.id;
    const segs: TSegment[] = (segmentsBy.get(id) ?? []).map((s) => ({ fromMonth: s.from_month, toMonth: s.to_month, monthlyAmountFen: s.monthly_amount_fen, kind: s.kind, reasons: s.reasons }));
    const existing = overpaymentsBy.get(id) ?? [];
    const settled = new Set(existing.filter((o) => o.status !== "pending").flatMap((o) => o.months.map((m) => m.month)));
    const paid = (paymentsBy.get(id) ?? []).map((p) => ({ month: p.month, amountFen: p.amount_fen }));
    const months = overpaidMonths(segs, paid).filter((m) => !settled.has(m.month));
    const pending = existing.find((o) => o.status === "pending");
    const reasons = months.length ? (segmentAt(segs, months[0].month)?.reasons ?? []) : [];
    const amountFen = months.reduce((sum, m) => sum + m.paidFen - m.dueFen, 0);
    if (pending) {
      if (canonical(pending.months) === canonical(months)) continue;
      await tx.overpayment.update({
        where: { id: pending.id },
        data: months.length
          ? { months: months as never, amountFen, reasons: reasons as never, version: { increment: 1 } }
          : { status: "cancelled", decisionReason: "登记信息更正后不再多发", decidedAt: new Date(), decidedBy: actor.username, decidedByName: actor.displayName, version: { increment: 1 } },
      });
      audits.push({
        type: "overpayment.updated",
        entityType: "overpayment",
        entityId: pending.id,
        ...pathOf(row),
        before: { months: pending.months.map((m) => m.month), amountFen: pending.amount_fen, status: "pending" },
        after: { months: months.map((m) => m.month), amountFen, status: months.length ? "pending" : "cancelled" },
      });
    } else if (months.length) {
      const created = await tx.overpayment.create({
        data: { entitlementId: id, elderId: row.elder_id, ...pathOf(row), itemCode: row.item_code, itemName: row.item_name, months: months as never, amountFen, reasons: reasons as never },
      });
      out.created++;
      audits.push({
        type: "overpayment.created",
        entityType: "overpayment",
        entityId: created.id,
        ...pathOf(row),
        after: { entitlementId: id, months: months.map((m) => m.month), amountFen },
      });
    } else continue;
    out.changed.add(id);
  }
  await recordAudits(tx, actor, meta, audits);
  return out;
}

const pathOf = (row: TEntitlementRow): TPath => ({ countyCode: row.county_code, townshipCode: row.township_code, villageCode: row.village_code });

const SEGMENT_COLUMNS = [
  ["entitlement_id", "uuid", (r: { entitlementId: string }) => r.entitlementId],
  ["county_code", "text", (r: { countyCode: string }) => r.countyCode],
  ["item_code", "text", (r: { itemCode: string }) => r.itemCode],
  ["from_month", "text", (r: { s: TSegment }) => r.s.fromMonth],
  ["to_month", "text", (r: { s: TSegment }) => r.s.toMonth],
  ["monthly_amount_fen", "int", (r: { s: TSegment }) => r.s.monthlyAmountFen],
  ["kind", "text", (r: { s: TSegment }) => r.s.kind],
  ["reasons", "jsonb", (r: { s: TSegment }) => JSON.stringify(r.s.reasons)],
] as const;

// ── Entry points ─────────────────────────────────────────────────────────────────────────────

/**
 * Re-derives every entitlement of one elder inside the caller's transaction (registry changes,
 * approvals, manual actions): locks the rows, computes, writes what changed with audit records.
 */
export async function recomputeElderEntitlements(tx: Tx, actor: TActor, meta: TRequestMeta, elderId: string, countyCode: string, today = todayInShanghai()): Promise<TRecomputeResult> {
  const [{ locked }] = await tx.$queryRaw<{ locked: number }[]>`SELECT count(*)::int AS locked FROM (SELECT 1 FROM entitlements WHERE elder_id = ${elderId}::uuid FOR UPDATE) rows`;
  if (locked === 0) return { entitlements: 0, changed: 0, proposalsCreated: 0, overpaymentsCreated: 0 };
  const county = await loadCountyInputs(countyCode, today, tx);
  const result = await applyComputations(tx, actor, meta, await loadForElders(tx, [elderId], county), county);
  const overpaid = await reconcileOverpayments(tx, actor, meta, { elderId });
  return merge(result, overpaid);
}

/** A run's counts with the overpayment pass's: an entitlement changed by both counts once. */
function merge(result: TRecomputeResult & { changedIds?: Set<string> }, overpaid: { changed: Set<string>; created: number }): TRecomputeResult {
  const changed = new Set([...(result.changedIds ?? []), ...overpaid.changed]);
  return { entitlements: result.entitlements, changed: changed.size, proposalsCreated: result.proposalsCreated, overpaymentsCreated: overpaid.created };
}

export type TRecomputeOptions = {
  today?: string;
  /** Who recomputes: the CLI's or the job's system actor, or the admin whose change caused it. */
  actor: TActor;
  /** Elders per transaction. */
  chunkSize?: number;
  onProgress?: (done: number, total: number) => void;
};

/**
 * 重新计算: re-derives every entitlement of a county (the nightly job and `entitlements
 * recompute`). Idempotent: a second run the same day changes nothing.
 */
export async function recomputeCounty(countyCode: string, options: TRecomputeOptions): Promise<TRecomputeResult> {
  const today = options.today ?? todayInShanghai();
  const actor = options.actor;
  const county = await loadCountyInputs(countyCode, today);
  const elderRows = await db.$queryRaw<{ elder_id: string }[]>`SELECT DISTINCT elder_id::text FROM entitlements WHERE county_code = ${countyCode} ORDER BY 1`;
  const elderIds = elderRows.map((r) => r.elder_id);
  const total: TRecomputeResult = { entitlements: 0, changed: 0, proposalsCreated: 0, overpaymentsCreated: 0 };
  const changedIds = new Set<string>();
  const size = options.chunkSize ?? 5_000;
  for (let i = 0; i < elderIds.length; i += size) {
    const chunk = elderIds.slice(i, i + size);
    const r = await db.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT count(*)::int FROM (SELECT 1 FROM entitlements WHERE elder_id = ANY(${chunk}::uuid[]) FOR UPDATE) locked`;
        return applyComputations(tx, actor, NO_REQUEST_META, await loadForElders(tx, chunk, county), county);
      },
      { timeout: 120_000, maxWait: 30_000 },
    );
    total.entitlements += r.entitlements;
    total.proposalsCreated += r.proposalsCreated;
    for (const id of r.changedIds ?? []) changedIds.add(id);
    options.onProgress?.(Math.min(i + size, elderIds.length), elderIds.length);
  }
  // 追缴 over the whole county at once, now that every segment is written.
  const overpaid = await db.$transaction((tx) => reconcileOverpayments(tx, actor, NO_REQUEST_META, { countyCode }), { timeout: 120_000, maxWait: 30_000 });
  return merge({ ...total, changedIds }, overpaid);
}



