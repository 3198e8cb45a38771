import { db, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { assertCan, can } from "@/lib/authz/policy";
import { regionScope } from "@/lib/authz/scope";
import type { TActor } from "@/lib/authz/actor";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Assessment } from "@/lib/generated/prisma/client";
import { maskIdNumber } from "@/lib/audit/mask";
import { isoDate } from "@/lib/dates";
import { addDays, ageOn, todayInShanghai } from "@/lib/dates";
import { DUE_WINDOW_DAYS, OLDER_AGE, dueStateOf, nextDueDate, type TDueState } from "@/lib/assessment/due";
import { getCountySetting } from "@/lib/settings/county-settings";
import type { TIndicatorCode, TItemCode, TLevel, TAssessmentReason, TRiskEvent } from "@/lib/assessment/items";
import type { TLevelChange } from "@/lib/assessment/score";
import type { TAssessmentListQuery, TAssessmentStatus, TAssessor } from "@/lib/assessment/schemas";

export const ASSESSMENT_PAGE_SIZE = 20;

// ---------------------------------------------------------------------------------------------
// The latest confirmed level, for the policy engine's TPersonFacts.capabilityLevel. These take
// elder ids the caller has already loaded inside its scope.

/** The final level of the elder's latest confirmed assessment on or before `asOf`, or null. */
export async function latestConfirmedLevel(elderId: string, asOf = todayInShanghai(), client: Db = db): Promise<TLevel | null> {
  return (await latestConfirmedLevels([elderId], asOf, client)).get(elderId) ?? null;
}

/** The same for many elders in one query: elder id → level (elders never assessed are absent). */
export async function latestConfirmedLevels(elderIds: readonly string[], asOf = todayInShanghai(), client: Db = db): Promise<Map<string, TLevel>> {
  if (elderIds.length === 0) return new Map();
  return latestLevelsWhere(Prisma.sql`elder_id = ANY(${[...elderIds]}::uuid[])`, asOf, client);
}

/** The same for every elder of a county (set-based evaluation of a whole registry). */
export function latestConfirmedLevelsInCounty(countyCode: string, asOf = todayInShanghai(), client: Db = db): Promise<Map<string, TLevel>> {
  return latestLevelsWhere(Prisma.sql`county_code = ${countyCode}`, asOf, client);
}

/**
 * The one rule for which assessment counts: confirmed, dated on or before `asOf`, the latest
 * assessed; on the same day the latest confirmed. Superseded assessments never count.
 */
async function latestLevelsWhere(filter: Prisma.Sql, asOf: string, client: Db): Promise<Map<string, TLevel>> {
  const rows = await client.$queryRaw<{ elder_id: string; final_level: number }[]>`
    SELECT DISTINCT ON (elder_id) elder_id::text AS elder_id, final_level::int AS final_level
    FROM assessments
    WHERE ${filter} AND status = 'confirmed' AND final_level IS NOT NULL AND assessed_on <= ${asOf}::date
    ORDER BY elder_id, assessed_on DESC, confirmed_at DESC NULLS LAST, created_at DESC`;
  return new Map(rows.map((r) => [r.elder_id, r.final_level as TLevel]));
}

// ---------------------------------------------------------------------------------------------

const staffOrExternal = (userId: string | null, name: string | null, certNo: string | null): TAssessor | null => {
  if (userId) return { kind: "staff", userId };
  if (name) return { kind: "external", name, certNo: certNo ?? "" };
  return null;
};

function toDetail(a: Assessment) {
  return {
    id: a.id,
    elderId: a.elderId,
    version: a.version,
    status: a.status as TAssessmentStatus,
    reason: a.reason as TAssessmentReason,
    assessedOn: isoDate(a.assessedOn),
    place: a.place,
    assessor1: staffOrExternal(a.assessor1UserId, a.assessor1Name, a.assessor1CertNo),
    assessor1Name: a.assessor1Name,
    assessor1CertNo: a.assessor1CertNo,
    assessor2: staffOrExternal(a.assessor2UserId, a.assessor2Name, a.assessor2CertNo),
    assessor2Name: a.assessor2Name,
    assessor2CertNo: a.assessor2CertNo,
    informantName: a.informantName,
    informantRelation: a.informantRelation,
    items: (a.items ?? {}) as Partial<Record<TItemCode, number>>,
    coma: a.coma,
    diagnoses: (a.diagnoses ?? []) as { code: string; byPsychiatrist: boolean }[],
    riskEvents: (a.riskEvents ?? []) as TRiskEvent[],
    indicatorScores: a.indicatorScores as Record<TIndicatorCode, number> | null,
    total: a.total,
    preliminaryLevel: a.preliminaryLevel as TLevel | null,
    finalLevel: a.finalLevel as TLevel | null,
    changes: (a.changes ?? []) as TLevelChange[],
    supersedesId: a.supersedesId,
    submittedAt: a.submittedAt,
    submittedBy: a.submittedBy,
    confirmedAt: a.confirmedAt,
    confirmedBy: a.confirmedBy,
    notes: a.notes,
    createdBy: a.createdBy,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

/** One assessment inside the actor's region with its elder and what the actor may do with it. */
export async function getAssessment(actor: TActor, id: string) {
  const a = await db.assessment.findFirst({
    where: { id, ...regionScope(actor) },
    include: { elder: { include: { village: { select: { name: true, parent: { select: { name: true } } } } } } },
  });
  if (!a) throw new AppError("NOT_FOUND", "assessment not found");
  assertCan(actor, "assessment.read", a);
  const [supersededBy, pendingCorrection] = await Promise.all([
    db.assessment.findFirst({ where: { supersedesId: a.id, status: "confirmed" }, select: { id: true } }),
    db.assessment.findFirst({ where: { supersedesId: a.id, status: { in: ["draft", "submitted"] } }, select: { id: true } }),
  ]);
  const birthDate = isoDate(a.elder.birthDate);
  return {
    ...toDetail(a),
    elder: {
      id: a.elder.id,
      name: a.elder.name,
      sex: a.elder.sex,
      birthDate,
      ageOnAssessment: ageOn(birthDate, isoDate(a.assessedOn)),
      idNumberMasked: maskIdNumber(a.elder.idNumber)!,
      villageName: a.elder.village.name,
      townshipName: a.elder.village.parent?.name ?? "",
      address: a.elder.address,
      status: a.elder.status,
    },
    supersededById: supersededBy?.id ?? null,
    pendingCorrectionId: pendingCorrection?.id ?? null,
    canEdit: a.status === "draft" && can(actor, "assessment.write"),
    canConfirm: a.status === "submitted" && can(actor, "assessment.confirm"),
    canCorrect: a.status === "confirmed" && !pendingCorrection && can(actor, "assessment.write"),
  };
}
export type TAssessmentDetail = Awaited<ReturnType<typeof getAssessment>>;

/** The elder a new assessment is for (assessor only; outside the region or another role: 404). */
export async function getElderForNewAssessment(actor: TActor, elderId: string) {
  const elder = await db.elder.findFirst({ where: { id: elderId, ...regionScope(actor) }, select: { id: true, name: true, birthDate: true, status: true, countyCode: true, townshipCode: true, villageCode: true } });
  if (!elder) throw new AppError("NOT_FOUND", "elder not found");
  assertCan(actor, "assessment.write", elder);
  const hasConfirmed = (await latestConfirmedLevel(elder.id, todayInShanghai())) !== null;
  return { id: elder.id, name: elder.name, birthDate: isoDate(elder.birthDate), status: elder.status, hasConfirmed };
}

/** Active staff with the assessor role in the county, for the assessor pickers. */
export async function listAssessorOptions(countyCode: string) {
  return db.user.findMany({
    where: { countyCode, role: "assessor", active: true },
    select: { id: true, displayName: true, username: true },
    orderBy: [{ displayName: "asc" }, { username: "asc" }],
  });
}
export type TAssessorOption = Awaited<ReturnType<typeof listAssessorOptions>>[number];

/** The list page: assessments in the actor's region, newest first. */
export async function listAssessments(actor: TActor, query: TAssessmentListQuery) {
  assertCan(actor, "assessment.read");
  const and: Prisma.AssessmentWhereInput[] = [regionScope(actor)];
  if (query.status) and.push({ status: query.status });
  if (query.q) and.push({ elder: { name: { contains: query.q } } });
  const where: Prisma.AssessmentWhereInput = { AND: and };
  const [total, rows] = await Promise.all([
    db.assessment.count({ where }),
    db.assessment.findMany({
      where,
      orderBy: [{ assessedOn: "desc" }, { createdAt: "desc" }, { id: "asc" }],
      skip: (query.page - 1) * ASSESSMENT_PAGE_SIZE,
      take: ASSESSMENT_PAGE_SIZE,
      select: {
        id: true,
        status: true,
        reason: true,
        assessedOn: true,
        total: true,
        finalLevel: true,
        assessor1Name: true,
        assessor2Name: true,
        supersedesId: true,
        elder: { select: { id: true, name: true, village: { select: { name: true } } } },
      },
    }),
  ]);
  return {
    total,
    page: query.page,
    pageSize: ASSESSMENT_PAGE_SIZE,
    rows: rows.map((r) => ({
      id: r.id,
      status: r.status as TAssessmentStatus,
      reason: r.reason as TAssessmentReason,
      assessedOn: isoDate(r.assessedOn),
      total: r.total,
      finalLevel: r.finalLevel as TLevel | null,
      assessors: [r.assessor1Name, r.assessor2Name].filter(Boolean).join("、"),
      isCorrection: r.supersedesId !== null,
      elderId: r.elder.id,
      elderName: r.elder.name,
      villageName: r.elder.village.name,
    })),
  };
}

/** The elder page's tab: the elder's assessments, current level and next due date. */
export async function listElderAssessments(actor: TActor, elderId: string) {
  const elder = await db.elder.findFirst({ where: { id: elderId, ...regionScope(actor) }, select: { id: true, birthDate: true, countyCode: true, townshipCode: true, villageCode: true, status: true } });
  if (!elder) throw new AppError("NOT_FOUND", "elder not found");
  assertCan(actor, "assessment.read", elder);
  const rows = await db.assessment.findMany({
    where: { elderId, ...regionScope(actor) },
    orderBy: [{ assessedOn: "desc" }, { createdAt: "desc" }],
  });
  const items = rows.map(toDetail);
  const today = todayInShanghai();
  const current = items.find((a) => a.status === "confirmed" && a.assessedOn <= today) ?? null;
  const interval = await getCountySetting(elder.countyCode, "assessment.interval");
  const birthDate = isoDate(elder.birthDate);
  const dueOn = current ? nextDueDate(current.assessedOn, birthDate, interval) : null;
  return {
    assessments: items,
    current: current ? { id: current.id, assessedOn: current.assessedOn, finalLevel: current.finalLevel as TLevel } : null,
    nextDueOn: dueOn,
    dueState: dueOn ? dueStateOf(dueOn, today) : null,
    living: elder.status === "living",
    interval,
    canCreate: can(actor, "assessment.write") && elder.status === "living",
  };
}

// ---------------------------------------------------------------------------------------------
// The due list: elders (living, in the caller's scope) whose latest confirmed assessment falls
// due within DUE_WINDOW_DAYS or is overdue. One statement for the whole scope; the interval rule
// is lib/assessment/due.ts written in SQL (age() counts a 29 February birthday on 1 March in a
// common year, as ageOn does; date + interval clamps to the month's end, as addMonths does).

const SCOPE_COLUMN = { county: "county_code", township: "township_code", village: "village_code" } as const;

export type TDueRow = {
  elderId: string;
  elderName: string;
  idNumberMasked: string;
  villageName: string;
  age: number;
  assessmentId: string;
  lastAssessedOn: string;
  finalLevel: TLevel;
  dueOn: string;
  dueState: TDueState;
};

export async function listDueAssessments(actor: TActor, options: { page: number; today?: string; pageSize?: number }) {
  assertCan(actor, "assessment.read");
  const today = options.today ?? todayInShanghai();
  const pageSize = options.pageSize ?? ASSESSMENT_PAGE_SIZE;
  const horizon = addDays(today, DUE_WINDOW_DAYS);
  const interval = await getCountySetting(actor.countyCode, "assessment.interval");
  const [column, value] = [SCOPE_COLUMN[actor.regionLevel], Object.values(regionScope(actor))[0]];
  const scope = Prisma.sql`e.${Prisma.raw(column)} = ${value}`;
  const rows = await db.$queryRaw<
    { elder_id: string; name: string; id_number: string; birth_date: Date; village_name: string; assessment_id: string; assessed_on: Date; final_level: number; due_on: Date; total: bigint }[]
  >`
    WITH latest AS (
      SELECT DISTINCT ON (a.elder_id) a.elder_id, a.id, a.assessed_on, a.final_level
      FROM assessments a
      JOIN elders e ON e.id = a.elder_id
      WHERE a.status = 'confirmed' AND ${scope} AND e.status = 'living'
      ORDER BY a.elder_id, a.assessed_on DESC, a.confirmed_at DESC
    ), due AS (
      SELECT l.*, e.name, e.id_number, e.birth_date, r.name AS village_name,
        (l.assessed_on + make_interval(months => CASE WHEN age(l.assessed_on, e.birth_date) >= interval '${Prisma.raw(String(OLDER_AGE))} years'
          THEN ${interval.age80PlusMonths}::int ELSE ${interval.under80Months}::int END))::date AS due_on
      FROM latest l
      JOIN elders e ON e.id = l.elder_id
      JOIN regions r ON r.code = e.village_code
    )
    SELECT elder_id::text AS elder_id, name, id_number, birth_date, village_name, id::text AS assessment_id, assessed_on, final_level, due_on,
      count(*) OVER () AS total
    FROM due
    WHERE due_on <= ${horizon}::date
    ORDER BY due_on, elder_id
    LIMIT ${pageSize}::int OFFSET ${(options.page - 1) * pageSize}::int`;
  const total = rows.length ? Number(rows[0].total) : 0;
  return {
    total,
    page: options.page,
    pageSize,
    today,
    interval,
    rows: rows.map(
      (r): TDueRow => ({
        elderId: r.elder_id,
        elderName: r.name,
        idNumberMasked: maskIdNumber(r.id_number)!,
        villageName: r.village_name,
        age: ageOn(isoDate(r.birth_date), today),
        assessmentId: r.assessment_id,
        lastAssessedOn: isoDate(r.assessed_on),
        finalLevel: r.final_level as TLevel,
        dueOn: isoDate(r.due_on),
        dueState: dueStateOf(isoDate(r.due_on), today),
      }),
    ),
  };
}

