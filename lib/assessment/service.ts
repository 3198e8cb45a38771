import { db, type Tx } from "@/lib/db";
import { AppError, type TFieldErrors } from "@/lib/errors/app-error";
import { assertCan } from "@/lib/authz/policy";
import { regionScope } from "@/lib/authz/scope";
import { recordAudit, changedFields } from "@/lib/audit/record";
import { recomputeElderEntitlements } from "@/lib/entitlements/recompute";
import type { TActor, TRequestMeta } from "@/lib/authz/actor";
import { dateValue, isoDate } from "@/lib/dates";
import { todayInShanghai } from "@/lib/dates";
import { ITEM_CODES } from "@/lib/assessment/items";
import { scoreAssessment } from "@/lib/assessment/score";
import { getCountySetting } from "@/lib/settings/county-settings";
import type { TAssessmentFields, TAssessor } from "@/lib/assessment/schemas";
import type { Assessment, Elder } from "@/lib/generated/prisma/client";
import { pathOf } from "@/lib/regions/path";

// Writes for 能力评估. Status: draft → submitted → confirmed; a confirmed assessment is never
// edited — a correction is a new assessment (supersedesId) that, once confirmed, marks the old
// one superseded. Each transition checks status and version in its UPDATE's where, so two
// concurrent submits or confirms cannot both succeed, and writes its audit row in the same
// transaction.

const E = (key: string) => `assessment.errors.${key}`;


/** An assessment as the audit trail sees it (no identifiers of the elder). */
export function assessmentSnapshot(a: Assessment) {
  return {
    elderId: a.elderId,
    reason: a.reason,
    assessedOn: isoDate(a.assessedOn),
    place: a.place,
    assessor1: [a.assessor1Name, a.assessor1CertNo].filter(Boolean).join(" "),
    assessor2: [a.assessor2Name, a.assessor2CertNo].filter(Boolean).join(" ") || null,
    informantName: a.informantName,
    informantRelation: a.informantRelation,
    items: a.items,
    coma: a.coma,
    diagnoses: a.diagnoses,
    riskEvents: a.riskEvents,
    total: a.total,
    preliminaryLevel: a.preliminaryLevel,
    finalLevel: a.finalLevel,
    changes: a.changes,
    status: a.status,
    supersedesId: a.supersedesId,
    notes: a.notes,
  };
}

const invalid = (fieldErrors: TFieldErrors) => new AppError("VALIDATION", "invalid assessment", { fieldErrors });

async function loadForChange(tx: Tx, actor: TActor, id: string, action: "assessment.write" | "assessment.confirm") {
  const assessment = await tx.assessment.findFirst({ where: { id, ...regionScope(actor) } });
  if (!assessment) throw new AppError("NOT_FOUND", "assessment not found");
  assertCan(actor, action, assessment);
  return assessment;
}

async function loadElder(tx: Tx, actor: TActor, elderId: string) {
  const elder = await tx.elder.findFirst({ where: { id: elderId, ...regionScope(actor) } });
  if (!elder) throw new AppError("NOT_FOUND", "elder not found");
  assertCan(actor, "assessment.write", elder);
  return elder;
}

/** The assessor columns: staff must be active accounts with the assessor role in the county. */
async function assessorColumns(tx: Tx, countyCode: string, fields: Pick<TAssessmentFields, "assessor1" | "assessor2">) {
  const staffIds = [fields.assessor1, fields.assessor2].flatMap((a) => (a?.kind === "staff" ? [a.userId] : []));
  const users = staffIds.length
    ? await tx.user.findMany({ where: { id: { in: staffIds }, role: "assessor", active: true, countyCode }, select: { id: true, displayName: true } })
    : [];
  const errors: TFieldErrors = {};
  const columns = (a: TAssessor | null, key: "assessor1" | "assessor2") => {
    if (!a) return { userId: null, name: null, certNo: null };
    if (a.kind === "external") return { userId: null, name: a.name, certNo: a.certNo };
    const user = users.find((u) => u.id === a.userId);
    if (!user) errors[key] = [E("assessorNotFound")];
    return { userId: a.userId, name: user?.displayName ?? "", certNo: null };
  };
  const one = columns(fields.assessor1, "assessor1");
  const two = columns(fields.assessor2, "assessor2");
  const same = (one.userId && one.userId === two.userId) || (!one.userId && two.name && !two.userId && one.name === two.name && one.certNo === two.certNo);
  if (same) errors.assessor2 = [E("assessorsDistinct")];
  if (Object.keys(errors).length) throw invalid(errors);
  return {
    assessor1UserId: one.userId,
    assessor1Name: one.name!,
    assessor1CertNo: one.certNo,
    assessor2UserId: two.userId,
    assessor2Name: two.name,
    assessor2CertNo: two.certNo,
  };
}

function checkDate(fields: TAssessmentFields, elder: Pick<Elder, "birthDate">) {
  if (fields.assessedOn > todayInShanghai()) throw invalid({ assessedOn: [E("dateInFuture")] });
  if (fields.assessedOn < isoDate(elder.birthDate)) throw invalid({ assessedOn: [E("dateBeforeBirth")] });
}

/** The columns written from the assessor's fields (inputs only; scores are set at submit). */
async function fieldColumns(tx: Tx, elder: Elder, fields: TAssessmentFields) {
  checkDate(fields, elder);
  return {
    reason: fields.reason,
    assessedOn: dateValue(fields.assessedOn),
    place: fields.place,
    ...(await assessorColumns(tx, elder.countyCode, fields)),
    informantName: fields.informantName,
    informantRelation: fields.informantRelation,
    items: fields.items,
    coma: fields.coma,
    diagnoses: fields.diagnoses,
    riskEvents: fields.riskEvents,
    notes: fields.notes,
  };
}

/**
 * 新建评估: a draft for an elder inside the assessor's region; with `submit`, submitted in the same
 * transaction (a refused submission leaves nothing behind).
 */
export async function createAssessment(actor: TActor, meta: TRequestMeta, input: { elderId: string; fields: TAssessmentFields; submit?: boolean }) {
  // loadElder checks region first (an elder outside it is NOT_FOUND), then the role.
  return db.$transaction(async (tx) => {
    const elder = await loadElder(tx, actor, input.elderId);
    if (elder.status !== "living") throw invalid({ _form: [E("elderNotLiving")] });
    const created = await tx.assessment.create({
      data: {
        elderId: elder.id,
        countyCode: elder.countyCode,
        townshipCode: elder.townshipCode,
        villageCode: elder.villageCode,
        ...(await fieldColumns(tx, elder, input.fields)),
        createdBy: actor.username,
      },
    });
    await recordAudit(tx, actor, meta, {
      type: "assessment.created",
      entityType: "assessment",
      entityId: created.id,
      ...pathOf(created),
      after: assessmentSnapshot(created),
    });
    return input.submit ? submitInTx(tx, actor, meta, created, elder, input.fields) : created;
  });
}

async function loadDraft(tx: Tx, actor: TActor, id: string, version: number) {
  const before = await loadForChange(tx, actor, id, "assessment.write");
  if (before.status !== "draft") throw new AppError("CONFLICT", "assessment is no longer a draft");
  if (before.version !== version) throw new AppError("STALE_VERSION", "assessment changed meanwhile");
  const elder = await tx.elder.findUniqueOrThrow({ where: { id: before.elderId } });
  return { before, elder };
}

/** 保存草稿: partial items allowed. */
export async function saveAssessmentDraft(actor: TActor, meta: TRequestMeta, input: { id: string; version: number; fields: TAssessmentFields }) {
  return db.$transaction(async (tx) => {
    const { before, elder } = await loadDraft(tx, actor, input.id, input.version);
    const { count } = await tx.assessment.updateMany({
      where: { id: input.id, version: input.version, status: "draft" },
      data: { ...(await fieldColumns(tx, elder, input.fields)), version: { increment: 1 } },
    });
    if (count === 0) throw new AppError("STALE_VERSION", "assessment changed meanwhile");
    const after = await tx.assessment.findUniqueOrThrow({ where: { id: input.id } });
    await recordAudit(tx, actor, meta, {
      type: "assessment.updated",
      entityType: "assessment",
      entityId: after.id,
      ...pathOf(after),
      ...changedFields(assessmentSnapshot(before), assessmentSnapshot(after)),
    });
    return after;
  });
}

/** What a submission needs beyond a draft: all 26 items and the second assessor. */
function checkComplete(fields: TAssessmentFields) {
  const errors: TFieldErrors = {};
  const missing = ITEM_CODES.filter((code) => fields.items[code] === undefined);
  if (missing.length) {
    errors.items = [E("itemsIncomplete")];
    for (const code of missing) errors[`items.${code}`] = [E("itemRequired")];
  }
  if (!fields.assessor2) errors.assessor2 = [E("assessor2Required")];
  if (Object.keys(errors).length) throw invalid(errors);
}

/** 提交: saves the fields, requires them complete, and stores the computed scores and levels. */
export async function submitAssessment(actor: TActor, meta: TRequestMeta, input: { id: string; version: number; fields: TAssessmentFields }) {
  return db.$transaction(async (tx) => {
    const { before, elder } = await loadDraft(tx, actor, input.id, input.version);
    return submitInTx(tx, actor, meta, before, elder, input.fields);
  });
}

async function submitInTx(tx: Tx, actor: TActor, meta: TRequestMeta, before: Assessment, elder: Elder, fields: TAssessmentFields) {
  checkComplete(fields);
  const columns = await fieldColumns(tx, elder, fields);
  const stackOneUpRules = await getCountySetting(elder.countyCode, "assessment.stackOneUpRules", tx);
  const result = scoreAssessment({ items: fields.items, coma: fields.coma, diagnoses: fields.diagnoses, riskEvents30d: fields.riskEvents }, { stackOneUpRules });
  const { count } = await tx.assessment.updateMany({
    where: { id: before.id, version: before.version, status: "draft" },
    data: {
      ...columns,
      indicatorScores: result.indicators,
      total: result.total,
      preliminaryLevel: result.preliminaryLevel,
      finalLevel: result.finalLevel,
      changes: result.changes,
      status: "submitted",
      submittedAt: new Date(),
      submittedBy: actor.username,
      version: { increment: 1 },
    },
  });
  if (count === 0) throw new AppError("STALE_VERSION", "assessment changed meanwhile");
  const after = await tx.assessment.findUniqueOrThrow({ where: { id: before.id } });
  await recordAudit(tx, actor, meta, {
    type: "assessment.submitted",
    entityType: "assessment",
    entityId: after.id,
    ...pathOf(after),
    ...changedFields(assessmentSnapshot(before), assessmentSnapshot(after)),
  });
  return after;
}

/** 确认: a submitted assessment becomes final; a correction supersedes the one it corrects. */
export async function confirmAssessment(actor: TActor, meta: TRequestMeta, input: { id: string; version: number }) {
  return db.$transaction(async (tx) => {
    const before = await loadForChange(tx, actor, input.id, "assessment.confirm");
    if (before.status !== "submitted") throw new AppError("CONFLICT", "assessment is not awaiting confirmation");
    const { count } = await tx.assessment.updateMany({
      where: { id: input.id, version: input.version, status: "submitted" },
      data: { status: "confirmed", confirmedAt: new Date(), confirmedBy: actor.username, version: { increment: 1 } },
    });
    if (count === 0) throw new AppError("STALE_VERSION", "assessment changed meanwhile");
    const after = await tx.assessment.findUniqueOrThrow({ where: { id: input.id } });
    await recordAudit(tx, actor, meta, {
      type: "assessment.confirmed",
      entityType: "assessment",
      entityId: after.id,
      ...pathOf(after),
      before: { status: before.status },
      after: { status: after.status, finalLevel: after.finalLevel, total: after.total, supersedesId: after.supersedesId },
    });
    if (after.supersedesId) {
      // Another correction of the same assessment confirmed first: this one must not stand too.
      const superseded = await tx.assessment.updateMany({
        where: { id: after.supersedesId, status: "confirmed" },
        data: { status: "superseded", version: { increment: 1 } },
      });
      if (superseded.count === 0) throw new AppError("CONFLICT", "the corrected assessment is no longer confirmed");
      const old = await tx.assessment.findUniqueOrThrow({ where: { id: after.supersedesId } });
      await recordAudit(tx, actor, meta, {
        type: "assessment.superseded",
        entityType: "assessment",
        entityId: old.id,
        ...pathOf(old),
        before: { status: "confirmed" },
        after: { status: "superseded", supersededBy: after.id },
      });
    }
    // A new level re-tiers the elder's entitlements (from the month after, by default).
    await recomputeElderEntitlements(tx, actor, meta, after.elderId, after.countyCode);
    return after;
  });
}

/** 更正: a new draft copying a confirmed assessment, which it will supersede once confirmed. */
export async function createCorrection(actor: TActor, meta: TRequestMeta, input: { id: string }) {
  return db.$transaction(async (tx) => {
    const old = await loadForChange(tx, actor, input.id, "assessment.write");
    if (old.status !== "confirmed") throw new AppError("CONFLICT", "only a confirmed assessment can be corrected");
    const pending = await tx.assessment.findFirst({ where: { supersedesId: old.id, status: { in: ["draft", "submitted"] } }, select: { id: true } });
    if (pending) throw new AppError("CONFLICT", "a correction is already open", { params: { id: pending.id } });
    const created = await tx.assessment.create({
      data: {
        elderId: old.elderId,
        ...pathOf(old),
        reason: old.reason,
        assessedOn: old.assessedOn,
        place: old.place,
        assessor1UserId: old.assessor1UserId,
        assessor1Name: old.assessor1Name,
        assessor1CertNo: old.assessor1CertNo,
        assessor2UserId: old.assessor2UserId,
        assessor2Name: old.assessor2Name,
        assessor2CertNo: old.assessor2CertNo,
        informantName: old.informantName,
        informantRelation: old.informantRelation,
        items: old.items ?? {},
        coma: old.coma,
        diagnoses: old.diagnoses ?? [],
        riskEvents: old.riskEvents ?? [],
        notes: old.notes,
        supersedesId: old.id,
        createdBy: actor.username,
      },
    });
    await recordAudit(tx, actor, meta, {
      type: "assessment.created",
      entityType: "assessment",
      entityId: created.id,
      ...pathOf(created),
      after: assessmentSnapshot(created),
    });
    return created;
  });
}
