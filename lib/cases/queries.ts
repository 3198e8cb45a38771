// Reads of cases: inboxes and lists, one case with its timeline, an elder's cases and benefits,
// and the township's 公示名单. Every read is scoped by the actor's region in the query.
import { db, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { assertCan, can } from "@/lib/authz/policy";
import { regionScope } from "@/lib/authz/scope";
import type { TActor } from "@/lib/authz/actor";
import { maskIdNumber } from "@/lib/audit/mask";
import { ageOn, todayInShanghai } from "@/lib/dates";
import { dateValue, isoDate, isoDateOrNull } from "@/lib/dates";
import type { Case, Prisma } from "@/lib/generated/prisma/client";
import type { TReasonLine } from "@/lib/policy/render";
import { isOverdue } from "@/lib/cases/deadlines";
import { availableActions, FINAL_STATUSES, inboxStatuses, OPEN_STATUSES, type TCaseAction, type TCaseStatus } from "@/lib/cases/workflow";
import { ZCaseNo, type TCaseListQuery } from "@/lib/cases/schemas";

export const CASE_PAGE_SIZE = 20;

/**
 * The case row inside the actor's region, for a change (in the caller's transaction) or a
 * check; a malformed number or a case outside the region is NOT_FOUND.
 */
export async function findCaseInScope(client: Db, actor: TActor, caseNo: string): Promise<Case> {
  const parsed = ZCaseNo.safeParse(caseNo);
  const found = parsed.success ? await client.case.findFirst({ where: { caseNo: parsed.data, ...regionScope(actor) } }) : null;
  if (!found) throw new AppError("NOT_FOUND", "case not found");
  return found;
}

/** The statuses a view lists for the actor: its desk for the inbox (or every open case for roles without one). */
export function viewStatuses(actor: Pick<TActor, "role">, view: TCaseListQuery["view"]): TCaseStatus[] | null {
  if (view === "all") return null;
  if (view === "overdue") return [...OPEN_STATUSES];
  const desk = inboxStatuses(actor.role);
  return desk.length ? desk : [...OPEN_STATUSES];
}

export function caseWhere(actor: TActor, query: Omit<TCaseListQuery, "page">, today = todayInShanghai()): Prisma.CaseWhereInput {
  const statuses = viewStatuses(actor, query.view);
  const and: Prisma.CaseWhereInput[] = [regionScope(actor)];
  if (statuses) and.push({ status: { in: statuses } });
  if (query.status) and.push({ status: query.status });
  if (query.view === "overdue") and.push({ dueDate: { lt: dateValue(today) } });
  if (query.itemCode) and.push({ itemCode: query.itemCode });
  if (query.channel) and.push({ channel: query.channel });
  if (query.townshipCode) and.push({ townshipCode: query.townshipCode });
  if (query.villageCode) and.push({ villageCode: query.villageCode });
  if (query.q) {
    and.push(/^\d{6}-/.test(query.q) ? { caseNo: { startsWith: query.q } } : { elder: { name: { startsWith: query.q } } });
  }
  return { AND: and };
}

export type TCaseListItem = {
  id: string;
  caseNo: string;
  status: TCaseStatus;
  version: number;
  itemCode: string;
  itemName: string;
  channel: string;
  elderId: string;
  elderName: string;
  idNumberMasked: string;
  townshipCode: string;
  villageCode: string;
  villageName: string;
  townshipName: string;
  eligible: boolean | null;
  monthlyAmountFen: number | null;
  oneOffAmountFen: number | null;
  dueDate: string | null;
  overdue: boolean;
  createdAt: Date;
};

/** A page of cases: the actor's inbox (earliest due first, so overdue on top), overdue, or all. */
export async function listCases(actor: TActor, query: TCaseListQuery, today = todayInShanghai()) {
  assertCan(actor, "case.read");
  const where = caseWhere(actor, query, today);
  const orderBy: Prisma.CaseOrderByWithRelationInput[] =
    query.view === "all" ? [{ createdAt: "desc" }, { id: "asc" }] : [{ dueDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }];
  const [rows, total] = await Promise.all([
    db.case.findMany({
      where,
      orderBy,
      skip: (query.page - 1) * CASE_PAGE_SIZE,
      take: CASE_PAGE_SIZE,
      select: {
        id: true,
        caseNo: true,
        status: true,
        version: true,
        itemCode: true,
        itemName: true,
        channel: true,
        elderId: true,
        townshipCode: true,
        villageCode: true,
        eligible: true,
        monthlyAmountFen: true,
        oneOffAmountFen: true,
        dueDate: true,
        createdAt: true,
        elder: { select: { name: true, idNumber: true } },
      },
    }),
    db.case.count({ where }),
  ]);
  const names = await regionNames(rows.flatMap((r) => [r.villageCode, `${r.townshipCode}000`]));
  const items: TCaseListItem[] = rows.map((r) => {
    const dueDate = isoDateOrNull(r.dueDate);
    return {
      id: r.id,
      caseNo: r.caseNo,
      status: r.status,
      version: r.version,
      itemCode: r.itemCode,
      itemName: r.itemName,
      channel: r.channel,
      elderId: r.elderId,
      elderName: r.elder.name,
      idNumberMasked: maskIdNumber(r.elder.idNumber)!,
      townshipCode: r.townshipCode,
      villageCode: r.villageCode,
      villageName: names.get(r.villageCode) ?? r.villageCode,
      townshipName: names.get(`${r.townshipCode}000`) ?? r.townshipCode,
      eligible: r.eligible,
      monthlyAmountFen: r.monthlyAmountFen,
      oneOffAmountFen: r.oneOffAmountFen,
      dueDate,
      overdue: !FINAL_STATUSES.includes(r.status) && isOverdue(dueDate, today),
      createdAt: r.createdAt,
    };
  });
  return { items, total, page: query.page, pageSize: CASE_PAGE_SIZE };
}

/**
 * How many cases wait on the actor and how many of those are overdue (home page, inbox), and
 * how many open cases of the whole region are overdue (the overdue view, for supervision).
 */
export async function inboxCounts(actor: TActor, today = todayInShanghai()) {
  if (!can(actor, "case.read")) return { waiting: 0, overdue: 0, regionOverdue: 0 };
  const statuses = viewStatuses(actor, "inbox")!;
  const base = { ...regionScope(actor), status: { in: statuses } };
  const late = { dueDate: { lt: dateValue(today) } };
  const [waiting, overdue, regionOverdue] = await Promise.all([
    db.case.count({ where: base }),
    db.case.count({ where: { ...base, ...late } }),
    db.case.count({ where: { ...regionScope(actor), status: { in: [...OPEN_STATUSES] }, ...late } }),
  ]);
  return { waiting, overdue, regionOverdue };
}

async function regionNames(codes: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const rows = await db.region.findMany({ where: { code: { in: unique } }, select: { code: true, name: true } });
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** Display names of staff accounts by username. */
async function staffNames(usernames: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(usernames)];
  if (unique.length === 0) return new Map();
  const rows = await db.user.findMany({ where: { username: { in: unique } }, select: { username: true, displayName: true } });
  return new Map(rows.map((r) => [r.username, r.displayName]));
}

export type TCaseStep = {
  id: string;
  action: TCaseAction | "create";
  fromStatus: TCaseStatus | null;
  toStatus: TCaseStatus;
  actorName: string;
  actorUsername: string;
  actorRole: string;
  comment: string | null;
  at: Date;
};

/** One case inside the actor's region with its elder, timeline, attachments and what the actor may do now. */
export async function getCase(actor: TActor, caseNo: string, today = todayInShanghai()) {
  const c = await db.case.findFirst({
    where: { caseNo, ...regionScope(actor) },
    include: {
      elder: true,
      steps: { orderBy: [{ at: "asc" }, { id: "asc" }] },
      attachments: { where: { removedAt: null }, orderBy: { uploadedAt: "asc" } },
      entitlement: true,
    },
  });
  if (!c) throw new AppError("NOT_FOUND", "case not found");
  assertCan(actor, "case.read", c);
  const names = await regionNames([c.villageCode, `${c.townshipCode}000`, `${c.countyCode}000000`]);
  const uploaders = await staffNames(c.attachments.map((a) => a.uploadedBy));
  const noticeEndsOn = isoDateOrNull(c.noticeEndsOn);
  const open = !FINAL_STATUSES.includes(c.status);
  const dueDate = isoDateOrNull(c.dueDate);
  const birthDate = isoDate(c.elder.birthDate);
  return {
    id: c.id,
    caseNo: c.caseNo,
    status: c.status,
    version: c.version,
    countyCode: c.countyCode,
    townshipCode: c.townshipCode,
    villageCode: c.villageCode,
    countyName: names.get(`${c.countyCode}000000`) ?? c.countyCode,
    townshipName: names.get(`${c.townshipCode}000`) ?? c.townshipCode,
    villageName: names.get(c.villageCode) ?? c.villageCode,
    itemCode: c.itemCode,
    itemName: c.itemName,
    delivery: c.delivery,
    catalogueNumber: c.catalogueNumber,
    channel: c.channel,
    applicantName: c.applicantName,
    applicantRelation: c.applicantRelation,
    applicantPhone: c.applicantPhone,
    hasNotice: c.hasNotice,
    noticeDays: c.noticeDays,
    noticeStartedOn: isoDateOrNull(c.noticeStartedOn),
    noticeEndsOn,
    noticeCompleted: c.noticeCompleted,
    eligible: c.eligible,
    monthlyAmountFen: c.monthlyAmountFen,
    oneOffAmountFen: c.oneOffAmountFen,
    reasons: (c.reasons ?? []) as TReasonLine[],
    evaluatedOn: isoDateOrNull(c.evaluatedOn),
    findings: c.findings,
    lastReason: c.lastReason,
    submittedAt: c.submittedAt,
    decidedAt: c.decidedAt,
    decidedBy: c.decidedBy,
    dueDate,
    overdue: open && isOverdue(dueDate, today),
    createdAt: c.createdAt,
    createdBy: c.createdBy,
    elder: {
      id: c.elder.id,
      name: c.elder.name,
      sex: c.elder.sex,
      birthDate,
      age: ageOn(birthDate, today),
      idNumberMasked: maskIdNumber(c.elder.idNumber)!,
      residence: c.elder.residence,
      address: c.elder.address,
      phone: c.elder.phone,
      status: c.elder.status,
    },
    steps: c.steps.map(
      (s): TCaseStep => ({
        id: String(s.id),
        action: s.action as TCaseStep["action"],
        fromStatus: s.fromStatus,
        toStatus: s.toStatus,
        actorName: s.actorName,
        actorUsername: s.actorUsername,
        actorRole: s.actorRole,
        comment: s.comment,
        at: s.at,
      }),
    ),
    attachments: c.attachments.map((a) => ({
      id: a.id,
      type: a.type,
      fileName: a.fileName,
      contentType: a.contentType,
      sizeBytes: a.sizeBytes,
      uploadedBy: a.uploadedBy,
      uploadedByName: uploaders.get(a.uploadedBy) ?? a.uploadedBy,
      uploadedAt: a.uploadedAt,
    })),
    entitlement: c.entitlement
      ? {
          id: c.entitlement.id,
          startMonth: c.entitlement.startMonth,
          monthlyAmountFen: c.entitlement.monthlyAmountFen,
          oneOffAmountFen: c.entitlement.oneOffAmountFen,
          status: c.entitlement.status,
        }
      : null,
    actions: can(actor, "case.act")
      ? availableActions({ status: c.status, hasNotice: c.hasNotice, noticeCompleted: c.noticeCompleted, noticeEndsOn, today }, actor.role)
      : [],
    canAttach: open && can(actor, "case.attach"),
  };
}
export type TCaseDetail = Awaited<ReturnType<typeof getCase>>;

/** An elder's cases, newest first (the elder page's 业务办理 tab). */
export type TElderCase = Awaited<ReturnType<typeof listElderCases>>[number];

export async function listElderCases(actor: TActor, elderId: string, today = todayInShanghai()) {
  if (!can(actor, "case.read")) return [];
  const rows = await db.case.findMany({
    where: { elderId, ...regionScope(actor) },
    orderBy: { createdAt: "desc" },
    select: { caseNo: true, status: true, itemCode: true, itemName: true, channel: true, dueDate: true, createdAt: true, decidedAt: true },
  });
  return rows.map((r) => {
    const dueDate = isoDateOrNull(r.dueDate);
    return { ...r, dueDate, overdue: !FINAL_STATUSES.includes(r.status) && isOverdue(dueDate, today) };
  });
}

/** An elder's benefits (享受待遇), active first. */
export type TElderEntitlement = Awaited<ReturnType<typeof listElderEntitlements>>[number];

export async function listElderEntitlements(actor: TActor, elderId: string) {
  if (!can(actor, "case.read") && !can(actor, "entitlement.read")) return [];
  const rows = await db.entitlement.findMany({
    where: { elderId, ...regionScope(actor) },
    orderBy: [{ status: "asc" }, { startMonth: "desc" }],
    include: { case: { select: { caseNo: true, decidedAt: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    itemCode: r.itemCode,
    itemName: r.itemName,
    delivery: r.delivery,
    monthlyAmountFen: r.monthlyAmountFen,
    oneOffAmountFen: r.oneOffAmountFen,
    startMonth: r.startMonth,
    endMonth: r.endMonth,
    status: r.status,
    caseNo: r.case.caseNo,
    approvedAt: r.case.decidedAt,
  }));
}

/** 公示名单: the cases of one township on public notice on `asOf` (printable, per township). */
export async function noticeList(actor: TActor, townshipCode: string, asOf = todayInShanghai()) {
  assertCan(actor, "case.read");
  const scope = regionScope(actor);
  // A township outside the actor's reach is not found, not empty; a village clerk prints the
  // list of their own township with their own village's rows.
  const inReach = actor.regionLevel === "county" ? townshipCode.startsWith(actor.countyCode) : actor.townshipCode === townshipCode;
  const township = inReach ? await db.region.findUnique({ where: { code: `${townshipCode}000` } }) : null;
  if (!township || township.level !== "township") throw new AppError("NOT_FOUND", "township not found");
  const day = dateValue(asOf);
  const rows = await db.case.findMany({
    where: { ...scope, townshipCode, noticeStartedOn: { lte: day }, noticeEndsOn: { gte: day }, status: { in: ["in_notice", "township_review", "county_approval", "approved"] } },
    orderBy: [{ villageCode: "asc" }, { caseNo: "asc" }],
    select: {
      caseNo: true,
      itemName: true,
      villageCode: true,
      monthlyAmountFen: true,
      oneOffAmountFen: true,
      noticeStartedOn: true,
      noticeEndsOn: true,
      elder: { select: { name: true, sex: true, birthDate: true } },
    },
  });
  const names = await regionNames([...rows.map((r) => r.villageCode), `${townshipCode}000`, `${townshipCode.slice(0, 6)}000000`]);
  return {
    townshipCode,
    townshipName: township.name,
    countyName: names.get(`${townshipCode.slice(0, 6)}000000`) ?? "",
    asOf,
    rows: rows.map((r) => ({
      caseNo: r.caseNo,
      name: r.elder.name,
      sex: r.elder.sex,
      age: ageOn(isoDate(r.elder.birthDate), asOf),
      villageName: names.get(r.villageCode) ?? r.villageCode,
      itemName: r.itemName,
      monthlyAmountFen: r.monthlyAmountFen,
      oneOffAmountFen: r.oneOffAmountFen,
      noticeStartedOn: isoDateOrNull(r.noticeStartedOn),
      noticeEndsOn: isoDateOrNull(r.noticeEndsOn),
    })),
  };
}
