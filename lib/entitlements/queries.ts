// Reads of the 待遇发放 area: the entitlements list, one entitlement with its history, the 应退未退
// review list, the certification lists, overpayments with totals by township, and the county's
// amounts due in a month. Every read is scoped by the actor's region in the query.
import { db, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { assertCan, can } from "@/lib/authz/policy";
import { regionScope } from "@/lib/authz/scope";
import type { TActor } from "@/lib/authz/actor";
import { maskIdNumber } from "@/lib/audit/mask";
import { ageOn, firstDayOfMonth, isoDate, isoDateOrNull, lastDayOfMonth, monthOf, todayInShanghai, dateValue } from "@/lib/dates";
import { DEFAULT_LOCALE, type TLocale } from "@/lib/i18n/config";
import { regionNames } from "@/lib/regions/queries";
import { getCountySetting } from "@/lib/settings/county-settings";
import { renderReasons } from "@/lib/policy/render";
import type { TReason } from "@/lib/policy/evaluate";
import { amountDueIn, type TSegment, type TSegmentKind, type TSegmentReason } from "@/lib/entitlements/segments";
import { renderSegmentReasons } from "@/lib/entitlements/render";
import type { Entitlement, Prisma } from "@/lib/generated/prisma/client";
import type { TEntitlementQuery } from "@/lib/api/schemas";
import type {
  TCertificationListQuery,
  TEntitlementListQuery,
  TOverpaymentListQuery,
  TProposalListQuery,
} from "@/lib/entitlements/schemas";

export const ENTITLEMENT_PAGE_SIZE = 20;

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The entitlement inside the actor's region, for a read or a change (NOT_FOUND outside it or when malformed). */
export async function findEntitlementInScope(client: Db, actor: TActor, id: string): Promise<Entitlement> {
  const found = UUID.test(id) ? await client.entitlement.findFirst({ where: { id, ...regionScope(actor) } }) : null;
  if (!found) throw new AppError("NOT_FOUND", "entitlement not found");
  return found;
}

/** The codes whose names a list needs: every row's village and township. */
const placeCodes = (rows: readonly { townshipCode: string; villageCode: string }[]) => rows.flatMap((r) => [r.villageCode, `${r.townshipCode}000`]);

/** A row's township and village names (the code when a name is missing). */
function placeOf(names: Map<string, string>, r: { townshipCode: string; villageCode: string }) {
  return { townshipName: names.get(`${r.townshipCode}000`) ?? r.townshipCode, villageName: names.get(r.villageCode) ?? r.villageCode };
}

export type TEntitlementStatus = "active" | "suspended" | "stopped";

export type TEntitlementListItem = {
  id: string;
  elderId: string;
  elderName: string;
  idNumberMasked: string;
  townshipName: string;
  villageName: string;
  itemCode: string;
  itemName: string;
  delivery: string;
  status: TEntitlementStatus;
  /** Due in the current month per its segment; null before the start (or after a one-off's month). */
  dueThisMonthFen: number | null;
  kindThisMonth: TSegmentKind | null;
  startMonth: string;
  endMonth: string | null;
  stopReason: string | null;
  certDueOn: string | null;
  /** A segment starts in the current month (a new amount, a stop, a suspension…). */
  changesThisMonth: boolean;
};

function listWhere(actor: TActor, query: Omit<TEntitlementListQuery, "page">, month: string): Prisma.EntitlementWhereInput {
  const and: Prisma.EntitlementWhereInput[] = [regionScope(actor)];
  if (query.itemCode) and.push({ itemCode: query.itemCode });
  if (query.townshipCode) and.push({ townshipCode: query.townshipCode });
  if (query.villageCode) and.push({ villageCode: query.villageCode });
  if (query.status) and.push({ status: query.status });
  if (query.q) and.push({ elder: { name: { startsWith: query.q } } });
  // A segment starting this month, other than the first: the amount or the state changes now.
  if (query.changed) and.push({ segments: { some: { fromMonth: month } } }, { startMonth: { not: month } });
  return { AND: and };
}

/** 享受待遇 list: newest grants first, with the figures of the current month. */
export async function listEntitlements(actor: TActor, query: TEntitlementListQuery, today = todayInShanghai()) {
  assertCan(actor, "entitlement.read");
  const month = monthOf(today);
  const where = listWhere(actor, query, month);
  // The segment covering the month: this month's amount, and whether it starts now (a change).
  const covering: Prisma.EntitlementSegmentWhereInput = { fromMonth: { lte: month }, OR: [{ toMonth: null }, { toMonth: { gte: month } }] };
  const [rows, total, due] = await Promise.all([
    db.entitlement.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (query.page - 1) * ENTITLEMENT_PAGE_SIZE,
      take: ENTITLEMENT_PAGE_SIZE,
      include: { elder: { select: { name: true, idNumber: true } }, segments: { where: covering, select: { fromMonth: true, monthlyAmountFen: true, kind: true } } },
    }),
    db.entitlement.count({ where }),
    db.entitlementSegment.aggregate({ where: { ...covering, monthlyAmountFen: { gt: 0 }, entitlement: where }, _sum: { monthlyAmountFen: true }, _count: { _all: true } }),
  ]);
  const names = await regionNames(placeCodes(rows));
  const items: TEntitlementListItem[] = rows.map((r) => ({
    id: r.id,
    elderId: r.elderId,
    elderName: r.elder.name,
    idNumberMasked: maskIdNumber(r.elder.idNumber)!,
    ...placeOf(names, r),
    itemCode: r.itemCode,
    itemName: r.itemName,
    delivery: r.delivery,
    status: r.status,
    dueThisMonthFen: r.segments[0]?.monthlyAmountFen ?? null,
    kindThisMonth: (r.segments[0]?.kind as TSegmentKind | undefined) ?? null,
    startMonth: r.startMonth,
    endMonth: r.endMonth,
    stopReason: r.stopReason,
    certDueOn: isoDateOrNull(r.certDueOn),
    changesThisMonth: r.segments[0]?.fromMonth === month,
  }));
  return { items, total, page: query.page, pageSize: ENTITLEMENT_PAGE_SIZE, month, dueCount: due._count._all, dueFen: due._sum.monthlyAmountFen ?? 0 };
}

/** A stored segment with its reasons rendered in the reader's language. */
export type TSegmentView = TSegment & { reasonText: string };

function segmentView(s: { fromMonth: string; toMonth: string | null; monthlyAmountFen: number; kind: string; reasons: unknown }, locale: TLocale): TSegmentView {
  const reasons = (s.reasons ?? []) as TSegmentReason[];
  return { fromMonth: s.fromMonth, toMonth: s.toMonth, monthlyAmountFen: s.monthlyAmountFen, kind: s.kind as TSegmentKind, reasons, reasonText: renderSegmentReasons(reasons, locale) };
}

/**
 * One entitlement inside the actor's region with its whole history: segments (a timeline),
 * the month's amount and reason, manual actions, certifications, review proposals, payments,
 * overpayments, and which actions this user may take.
 */
export async function getEntitlement(actor: TActor, id: string, options: { locale?: TLocale; today?: string } = {}) {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const today = options.today ?? todayInShanghai();
  const found = await findEntitlementInScope(db, actor, id);
  assertCan(actor, "entitlement.read", found);
  const e = await db.entitlement.findUniqueOrThrow({
    where: { id: found.id },
    include: {
      elder: true,
      case: { select: { caseNo: true, decidedAt: true, decidedBy: true } },
      segments: { orderBy: { fromMonth: "asc" } },
      actions: { orderBy: { createdAt: "desc" } },
      certifications: { orderBy: [{ certifiedOn: "desc" }, { createdAt: "desc" }] },
      proposals: { orderBy: { createdAt: "desc" } },
      payments: { orderBy: [{ month: "asc" }, { createdAt: "asc" }] },
      overpayments: { orderBy: { createdAt: "desc" } },
    },
  });
  const [names, certificationRules] = await Promise.all([
    regionNames(placeCodes([e])),
    getCountySetting(e.countyCode, "entitlement.certification"),
  ]);
  const segments = e.segments.map((s) => segmentView(s, locale));
  const month = monthOf(today);
  const due = amountDueIn(segments, month);
  const birthDate = isoDate(e.elder.birthDate);
  const active = e.status !== "stopped";
  return {
    id: e.id,
    version: e.version,
    countyCode: e.countyCode,
    townshipCode: e.townshipCode,
    villageCode: e.villageCode,
    ...placeOf(names, e),
    itemCode: e.itemCode,
    itemName: e.itemName,
    delivery: e.delivery,
    catalogueNumber: e.catalogueNumber,
    status: e.status as TEntitlementStatus,
    monthlyAmountFen: e.monthlyAmountFen,
    oneOffAmountFen: e.oneOffAmountFen,
    grantedMonthlyFen: e.grantedMonthlyFen,
    grantedOn: isoDate(e.grantedOn),
    startMonth: e.startMonth,
    endMonth: e.endMonth,
    stopReason: e.stopReason,
    certDueOn: isoDateOrNull(e.certDueOn),
    computedAt: e.computedAt,
    caseNo: e.case.caseNo,
    elder: {
      id: e.elder.id,
      name: e.elder.name,
      sex: e.elder.sex,
      birthDate,
      age: ageOn(birthDate, today),
      idNumberMasked: maskIdNumber(e.elder.idNumber)!,
      status: e.elder.status,
      deathDate: isoDateOrNull(e.elder.deathDate),
      movedOutDate: isoDateOrNull(e.elder.movedOutDate),
    },
    month,
    dueThisMonth: { amountFen: due.amountFen, kind: due.kind, reasonText: renderSegmentReasons(due.reasons, locale) },
    segments,
    actions: e.actions.map((a) => ({
      id: a.id,
      kind: a.kind,
      fromMonth: a.fromMonth,
      amountFen: a.amountFen,
      backPay: a.backPay,
      reason: a.reason,
      source: a.source,
      byName: a.createdByName,
      at: a.createdAt,
    })),
    certification: certificationRules[e.itemCode] ?? null,
    certifications: e.certifications.map((c) => ({ id: c.id, certifiedOn: isoDate(c.certifiedOn), method: c.method, note: c.note, byName: c.createdByName, at: c.createdAt })),
    proposals: e.proposals.map((p) => ({
      id: p.id,
      version: p.version,
      status: p.status,
      catalogueNumber: p.catalogueNumber,
      fromMonth: p.fromMonth,
      reasons: renderReasons(p.reasons as TReason[], locale),
      decisionReason: p.decisionReason,
      decidedByName: p.decidedByName,
      decidedAt: p.decidedAt,
      createdAt: p.createdAt,
    })),
    payments: e.payments.map((p) => ({ month: p.month, amountFen: p.amountFen, paidOn: isoDate(p.paidOn), source: p.source })),
    overpayments: e.overpayments.map((o) => overpaymentView(o, locale)),
    can: {
      manage: active && can(actor, "entitlement.manage"),
      certify: active && can(actor, "entitlement.certify") && (certificationRules[e.itemCode] !== undefined || e.certDueOn !== null),
      review: can(actor, "entitlement.review"),
      settleOverpayments: can(actor, "entitlement.manage"),
    },
    /** A manual suspension open now (for the resume form). */
    openSuspensionFrom: openManualSuspension(e.actions),
  };
}
export type TEntitlementDetail = Awaited<ReturnType<typeof getEntitlement>>;

function openManualSuspension(actionsNewestFirst: { kind: string; fromMonth: string }[]): string | null {
  let open: string | null = null;
  for (const a of [...actionsNewestFirst].reverse()) {
    if (a.kind === "suspend" && open === null) open = a.fromMonth;
    else if (a.kind === "resume") open = null;
  }
  return open;
}

type TOverpaymentRow = {
  id: string;
  version: number;
  status: string;
  itemCode: string;
  itemName: string;
  months: unknown;
  amountFen: number;
  reasons: unknown;
  recoveredAmountFen: number | null;
  recoveredOn: Date | null;
  recoveryMethod: string | null;
  decisionReason: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  createdAt: Date;
};

function overpaymentView(o: TOverpaymentRow, locale: TLocale) {
  return {
    id: o.id,
    version: o.version,
    status: o.status,
    itemCode: o.itemCode,
    itemName: o.itemName,
    months: o.months as { month: string; paidFen: number; dueFen: number }[],
    amountFen: o.amountFen,
    reasonText: renderSegmentReasons((o.reasons ?? []) as TSegmentReason[], locale),
    recoveredAmountFen: o.recoveredAmountFen,
    recoveredOn: isoDateOrNull(o.recoveredOn),
    recoveryMethod: o.recoveryMethod,
    decisionReason: o.decisionReason,
    decidedByName: o.decidedByName,
    decidedAt: o.decidedAt,
    createdAt: o.createdAt,
  };
}

/** The elder's 待遇 tab: every entitlement (current first) with its segments. */
export type TElderEntitlement = Awaited<ReturnType<typeof listElderEntitlements>>[number];
export async function listElderEntitlements(actor: TActor, elderId: string, locale: TLocale = DEFAULT_LOCALE) {
  if (!can(actor, "entitlement.read") && !can(actor, "case.read")) return [];
  const rows = await db.entitlement.findMany({
    where: { elderId, ...regionScope(actor) },
    orderBy: [{ status: "asc" }, { startMonth: "desc" }],
    include: {
      case: { select: { caseNo: true } },
      segments: { orderBy: { fromMonth: "asc" } },
      overpayments: { where: { status: { not: "cancelled" } }, orderBy: { createdAt: "desc" } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    itemCode: r.itemCode,
    itemName: r.itemName,
    delivery: r.delivery,
    status: r.status as TEntitlementStatus,
    monthlyAmountFen: r.monthlyAmountFen,
    oneOffAmountFen: r.oneOffAmountFen,
    startMonth: r.startMonth,
    endMonth: r.endMonth,
    caseNo: r.case.caseNo,
    segments: r.segments.map((s) => segmentView(s, locale)),
    overpayments: r.overpayments.map((o) => overpaymentView(o, locale)),
  }));
}

// ── Review list (应退未退) ──────────────────────────────────────────────────────────────────

export async function listProposals(actor: TActor, query: TProposalListQuery, locale: TLocale = DEFAULT_LOCALE) {
  assertCan(actor, "entitlement.read");
  const where: Prisma.EntitlementProposalWhereInput = { ...regionScope(actor), status: query.status, ...(query.townshipCode ? { townshipCode: query.townshipCode } : {}) };
  const [rows, total] = await Promise.all([
    db.entitlementProposal.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      skip: (query.page - 1) * ENTITLEMENT_PAGE_SIZE,
      take: ENTITLEMENT_PAGE_SIZE,
      include: { entitlement: { select: { elder: { select: { name: true, idNumber: true } }, monthlyAmountFen: true } } },
    }),
    db.entitlementProposal.count({ where }),
  ]);
  const names = await regionNames(placeCodes(rows));
  return {
    items: rows.map((p) => ({
      id: p.id,
      version: p.version,
      entitlementId: p.entitlementId,
      elderId: p.elderId,
      elderName: p.entitlement.elder.name,
      idNumberMasked: maskIdNumber(p.entitlement.elder.idNumber)!,
      ...placeOf(names, p),
      itemCode: p.itemCode,
      itemName: p.itemName,
      monthlyAmountFen: p.entitlement.monthlyAmountFen,
      catalogueNumber: p.catalogueNumber,
      fromMonth: p.fromMonth,
      status: p.status,
      reasons: renderReasons(p.reasons as TReason[], locale),
      decisionReason: p.decisionReason,
      decidedByName: p.decidedByName,
      decidedAt: p.decidedAt,
    })),
    total,
    page: query.page,
    pageSize: ENTITLEMENT_PAGE_SIZE,
    canDecide: can(actor, "entitlement.review"),
  };
}

/** Pending proposals in the actor's region (the area's tab badge). */
export async function pendingProposalCount(actor: TActor): Promise<number> {
  if (!can(actor, "entitlement.read")) return 0;
  return db.entitlementProposal.count({ where: { ...regionScope(actor), status: "pending" } });
}

// ── Certification lists ──────────────────────────────────────────────────────────────────────

/**
 * 资格认证 lists: due this month (due date in the current month), overdue (past the due date,
 * not yet suspended), suspended (payment suspended now).
 */
export async function listCertifications(actor: TActor, query: TCertificationListQuery, today = todayInShanghai()) {
  assertCan(actor, "entitlement.read");
  const month = monthOf(today);
  const where: Prisma.EntitlementWhereInput = { ...regionScope(actor) };
  if (query.view === "due") Object.assign(where, { status: "active", certDueOn: { gte: dateValue(firstDayOfMonth(month)), lte: dateValue(lastDayOfMonth(month)) } });
  if (query.view === "overdue") Object.assign(where, { status: "active", certDueOn: { lt: dateValue(today) } });
  if (query.view === "suspended") Object.assign(where, { status: "suspended" });
  const [rows, total, counts] = await Promise.all([
    db.entitlement.findMany({
      where,
      orderBy: [{ certDueOn: { sort: "asc", nulls: "last" } }, { id: "asc" }],
      skip: (query.page - 1) * ENTITLEMENT_PAGE_SIZE,
      take: ENTITLEMENT_PAGE_SIZE,
      include: {
        elder: { select: { name: true, idNumber: true, phone: true } },
        certifications: { orderBy: { certifiedOn: "desc" }, take: 1, select: { certifiedOn: true } },
      },
    }),
    db.entitlement.count({ where }),
    certificationCounts(actor, today),
  ]);
  const names = await regionNames(placeCodes(rows));
  return {
    items: rows.map((r) => ({
      id: r.id,
      version: r.version,
      elderId: r.elderId,
      elderName: r.elder.name,
      idNumberMasked: maskIdNumber(r.elder.idNumber)!,
      ...placeOf(names, r),
      itemName: r.itemName,
      status: r.status as TEntitlementStatus,
      certDueOn: isoDateOrNull(r.certDueOn),
      lastCertifiedOn: r.certifications[0] ? isoDate(r.certifications[0].certifiedOn) : null,
    })),
    total,
    page: query.page,
    pageSize: ENTITLEMENT_PAGE_SIZE,
    counts,
    canCertify: can(actor, "entitlement.certify"),
  };
}

async function certificationCounts(actor: TActor, today: string) {
  const month = monthOf(today);
  const scope = regionScope(actor);
  const [due, overdue, suspended] = await Promise.all([
    db.entitlement.count({ where: { ...scope, status: "active", certDueOn: { gte: dateValue(firstDayOfMonth(month)), lte: dateValue(lastDayOfMonth(month)) } } }),
    db.entitlement.count({ where: { ...scope, status: "active", certDueOn: { lt: dateValue(today) } } }),
    db.entitlement.count({ where: { ...scope, status: "suspended" } }),
  ]);
  return { due, overdue, suspended };
}

// ── Overpayments (追缴) ──────────────────────────────────────────────────────────────────────

export async function listOverpayments(actor: TActor, query: TOverpaymentListQuery, locale: TLocale = DEFAULT_LOCALE) {
  assertCan(actor, "entitlement.read");
  const where: Prisma.OverpaymentWhereInput = {
    ...regionScope(actor),
    status: query.status ?? { not: "cancelled" },
    ...(query.townshipCode ? { townshipCode: query.townshipCode } : {}),
  };
  const [rows, total, byTownship] = await Promise.all([
    db.overpayment.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (query.page - 1) * ENTITLEMENT_PAGE_SIZE,
      take: ENTITLEMENT_PAGE_SIZE,
      include: { entitlement: { select: { elder: { select: { name: true, idNumber: true } } } } },
    }),
    db.overpayment.count({ where }),
    db.overpayment.groupBy({
      by: ["townshipCode", "status"],
      where: { ...regionScope(actor), status: { not: "cancelled" } },
      _sum: { amountFen: true, recoveredAmountFen: true },
      _count: { _all: true },
    }),
  ]);
  const names = await regionNames([...placeCodes(rows), ...byTownship.map((t) => `${t.townshipCode}000`)]);
  // Totals by township: what is still to recover, what was recovered, what was waived.
  const townships = new Map<string, { townshipCode: string; townshipName: string; count: number; pendingFen: number; recoveredFen: number; waivedFen: number }>();
  for (const g of byTownship) {
    let t = townships.get(g.townshipCode);
    if (!t) townships.set(g.townshipCode, (t = { townshipCode: g.townshipCode, townshipName: names.get(`${g.townshipCode}000`) ?? g.townshipCode, count: 0, pendingFen: 0, recoveredFen: 0, waivedFen: 0 }));
    t.count += g._count._all;
    if (g.status === "pending") t.pendingFen += g._sum.amountFen ?? 0;
    if (g.status === "recovered") t.recoveredFen += g._sum.recoveredAmountFen ?? 0;
    if (g.status === "waived") t.waivedFen += g._sum.amountFen ?? 0;
  }
  const totals = [...townships.values()].sort((a, b) => a.townshipCode.localeCompare(b.townshipCode));
  return {
    items: rows.map((o) => ({
      ...overpaymentView(o, locale),
      entitlementId: o.entitlementId,
      elderId: o.elderId,
      elderName: o.entitlement.elder.name,
      idNumberMasked: maskIdNumber(o.entitlement.elder.idNumber)!,
      ...placeOf(names, o),
    })),
    total,
    page: query.page,
    pageSize: ENTITLEMENT_PAGE_SIZE,
    byTownship: totals,
    sum: totals.reduce((s, t) => ({ count: s.count + t.count, pendingFen: s.pendingFen + t.pendingFen, recoveredFen: s.recoveredFen + t.recoveredFen, waivedFen: s.waivedFen + t.waivedFen }), {
      count: 0,
      pendingFen: 0,
      recoveredFen: 0,
      waivedFen: 0,
    }),
    canSettle: can(actor, "entitlement.manage"),
  };
}

// ── Amounts due in a month (CLI, benchmark, later the rolls) ─────────────────────────────────

export type TDueTotals = { month: string; count: number; totalFen: number; byItem: { itemCode: string; count: number; totalFen: number }[] };

/**
 * What a county owes for `month`: every entitlement whose segment covering the month has an
 * amount, summed per item — one SQL statement over entitlement_segments.
 */
export async function dueTotals(countyCode: string, month: string): Promise<TDueTotals> {
  const rows = await db.$queryRaw<{ item_code: string; count: bigint; total: bigint }[]>`
    SELECT item_code, count(*) AS count, sum(monthly_amount_fen) AS total
      FROM entitlement_segments
     WHERE county_code = ${countyCode} AND from_month <= ${month} AND (to_month IS NULL OR to_month >= ${month}) AND monthly_amount_fen > 0
     GROUP BY item_code ORDER BY item_code`;
  const byItem = rows.map((r) => ({ itemCode: r.item_code, count: Number(r.count), totalFen: Number(r.total) }));
  return { month, count: byItem.reduce((s, r) => s + r.count, 0), totalFen: byItem.reduce((s, r) => s + r.totalFen, 0), byItem };
}

// ── API ──────────────────────────────────────────────────────────────────────────────────────

/** GET /api/v1/entitlements: keyset pages by id, in the caller's region. */
export async function listEntitlementsForApi(actor: TActor, query: TEntitlementQuery) {
  assertCan(actor, "entitlement.read");
  const rows = await db.entitlement.findMany({
    where: {
      ...regionScope(actor),
      ...(query.elderId ? { elderId: query.elderId } : {}),
      ...(query.itemCode ? { itemCode: query.itemCode } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.cursor ? { id: { gt: query.cursor } } : {}),
    },
    orderBy: { id: "asc" },
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      elderId: r.elderId,
      itemCode: r.itemCode,
      itemName: r.itemName,
      delivery: r.delivery,
      status: r.status as TEntitlementStatus,
      startMonth: r.startMonth,
      endMonth: r.endMonth,
      monthlyAmountFen: r.monthlyAmountFen,
      oneOffAmountFen: r.oneOffAmountFen,
      certDueOn: isoDateOrNull(r.certDueOn),
    })),
    nextCursor: rows.length > query.limit ? page.at(-1)!.id : null,
  };
}
