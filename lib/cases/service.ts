// Writes of the case workflow. Every change loads the case inside the actor's region (404
// outside it), asks the pure state machine (lib/cases/workflow.ts), updates the row guarded by
// its version, and writes the timeline step and the audit record, all in one transaction.
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { assertCan, can } from "@/lib/authz/policy";
import { regionScope } from "@/lib/authz/scope";
import { recordAudit } from "@/lib/audit/record";
import type { TActor, TRequestMeta } from "@/lib/authz/actor";
import { todayInShanghai } from "@/lib/dates";
import { dateValue, isoDate, isoDateOrNull } from "@/lib/dates";
import { factsAsOf } from "@/lib/elders/facts";
import { latestConfirmedLevel } from "@/lib/assessment/queries";
import type { TCircumstanceRecordType } from "@/lib/elders/circumstances";
import type { TDisabilityCategory } from "@/lib/policy/facts";
import { versionInForce, parseContent } from "@/lib/catalogue/queries";
import { readParamValues } from "@/lib/catalogue/params";
import { evaluateWith } from "@/lib/catalogue/evaluation";
import { getCountySetting } from "@/lib/settings/county-settings";
import { isUniqueViolation } from "@/lib/utils/prisma-errors";
import type { TCatalogue, TCatalogueItem } from "@/lib/policy/catalogue-schema";
import type { TReasonLine } from "@/lib/policy/render";
import { benefitStartMonth, dueDateFor, noticeLastDay } from "@/lib/cases/deadlines";
import { OPEN_STATUSES, TRANSITIONS, transition, type TCaseAction, type TCaseStatus } from "@/lib/cases/workflow";
import type { TCaseActionInput, TCreateCase } from "@/lib/cases/schemas";
import { findCaseInScope } from "@/lib/cases/queries";
import type { Case } from "@/lib/generated/prisma/client";
import { pathOf } from "@/lib/regions/path";
import { recomputeElderEntitlements } from "@/lib/entitlements/recompute";


/** The county's step limits and working-day calendar, read in the caller's transaction. */
async function deadlineSettings(tx: Tx, countyCode: string) {
  const [limits, calendar] = await Promise.all([
    getCountySetting(countyCode, "case.stepLimits", tx),
    getCountySetting(countyCode, "calendar.workingDays", tx),
  ]);
  return { limits, calendar };
}

async function nextCaseNo(tx: Tx, countyCode: string, today: string): Promise<string> {
  const year = Number(today.slice(0, 4));
  const [{ last }] = await tx.$queryRaw<{ last: number }[]>`
    INSERT INTO case_sequences (county_code, year, last) VALUES (${countyCode}, ${year}, 1)
    ON CONFLICT (county_code, year) DO UPDATE SET last = case_sequences.last + 1
    RETURNING last`;
  return `${countyCode}-${year}-${String(last).padStart(6, "0")}`;
}

export type TCaseEvaluation = {
  eligible: boolean;
  monthlyAmountFen: number | null;
  oneOffAmountFen: number | null;
  reasons: TReasonLine[];
};

/**
 * The policy engine's answer for one item of the pinned catalogue on `asOf`. The item is
 * evaluated on its own: which of two exclusive items a person takes is their choice (the
 * application), checked against what they already receive at approval.
 */
async function evaluateItem(tx: Tx, elderId: string, catalogue: TCatalogue, versionNumber: number, item: TCatalogueItem, asOf: string): Promise<TCaseEvaluation> {
  // Everything through the transaction's client: the embedded database serves one connection.
  const elder = await tx.elder.findUniqueOrThrow({ where: { id: elderId }, include: { circumstances: true } });
  const facts = factsAsOf(
    {
      birthDate: isoDate(elder.birthDate),
      sex: elder.sex,
      hukouRegionCode: elder.hukouRegionCode,
      residence: elder.residence,
      status: elder.status,
      deathDate: isoDateOrNull(elder.deathDate),
      movedOutDate: isoDateOrNull(elder.movedOutDate),
    },
    elder.circumstances.map((c) => ({
      type: c.type as TCircumstanceRecordType,
      startDate: isoDate(c.startDate),
      endDate: isoDateOrNull(c.endDate),
      disabilityCategory: c.disabilityCategory as TDisabilityCategory | null,
      disabilityGrade: c.disabilityGrade,
    })),
    asOf,
    { countyCode: elder.countyCode, capabilityLevel: await latestConfirmedLevel(elder.id, asOf, tx) },
  );
  const params = await readParamValues(elder.countyCode, asOf, tx);
  const single: TCatalogue = { ...catalogue, items: [{ ...item, exclusions: [] }] };
  const [result] = evaluateWith(single, versionNumber, facts, params, { county: elder.countyCode }).items;
  return { eligible: result.eligible, monthlyAmountFen: result.monthlyAmountFen, oneOffAmountFen: result.oneOffAmountFen, reasons: result.lines };
}

async function pinnedItem(tx: Tx, c: Pick<Case, "catalogueVersionId" | "itemCode">) {
  const row = await tx.catalogueVersion.findUniqueOrThrow({ where: { id: c.catalogueVersionId } });
  const catalogue = parseContent(row);
  const item = catalogue.items.find((i) => i.code === c.itemCode);
  if (!item) throw new Error(`item ${c.itemCode} missing from pinned version ${row.id}`);
  return { catalogue, item, number: row.number };
}

/** 发起申请: a draft case for a registered elder and an item of the catalogue in force. */
export async function createCase(actor: TActor, meta: TRequestMeta, input: TCreateCase, today = todayInShanghai()): Promise<Case> {
  const elder = await db.elder.findFirst({ where: { id: input.elderId, ...regionScope(actor) } });
  if (!elder) throw new AppError("NOT_FOUND", "elder not found");
  assertCan(actor, "case.create", elder);
  if (elder.status !== "living") throw new AppError("VALIDATION", "elder not living", { fieldErrors: { elderId: ["cases.validation.elderNotLiving"] } });
  const version = await versionInForce(elder.countyCode, today);
  if (!version) throw new AppError("VALIDATION", "no catalogue in force", { fieldErrors: { itemCode: ["cases.validation.noCatalogue"] } });
  const item = version.catalogue.items.find((i) => i.code === input.itemCode);
  if (!item) throw new AppError("VALIDATION", "no such item", { fieldErrors: { itemCode: ["cases.validation.itemNotFound"] } });
  if (!item.needsApplication) throw new AppError("VALIDATION", "item needs no application", { fieldErrors: { itemCode: ["cases.validation.itemNoApplication"] } });
  try {
    return await db.$transaction(async (tx) => {
      await assertNoDuplicate(tx, elder.id, item.code);
      const { limits, calendar } = await deadlineSettings(tx, elder.countyCode);
      const caseNo = await nextCaseNo(tx, elder.countyCode, today);
      const created = await tx.case.create({
        data: {
          caseNo,
          elderId: elder.id,
          ...pathOf(elder),
          catalogueVersionId: version.id,
          catalogueNumber: version.number,
          itemCode: item.code,
          itemName: item.name,
          delivery: item.delivery,
          channel: input.channel,
          applicantName: input.applicantName ?? elder.name,
          applicantRelation: input.applicantName ? (input.applicantRelation ?? "代办人") : "本人",
          applicantPhone: input.applicantPhone ?? null,
          hasNotice: item.workflow.publicNotice,
          noticeDays: item.workflow.noticeDays,
          dueDate: dateValue(dueDateFor("draft", today, limits, calendar)!),
          createdBy: actor.username,
        },
      });
      await writeStep(tx, actor, created.id, "create", null, "draft", input.comment ?? null);
      await recordAudit(tx, actor, meta, {
        type: "case.created",
        entityType: "case",
        entityId: caseNo,
        ...pathOf(created),
        after: { caseNo, elderId: elder.id, itemCode: item.code, catalogueVersion: version.number, channel: input.channel, status: "draft" },
      });
      return created;
    });
  } catch (error) {
    // Two applications for the same item at once: the partial unique index lets one through.
    if (isUniqueViolation(error)) throw new AppError("CASE_DUPLICATE", "duplicate case", { params: { caseNo: "—" } });
    throw error;
  }
}

async function assertNoDuplicate(tx: Tx, elderId: string, itemCode: string) {
  const open = await tx.case.findFirst({ where: { elderId, itemCode, status: { in: [...OPEN_STATUSES] } }, select: { caseNo: true } });
  if (open) throw new AppError("CASE_DUPLICATE", "open case exists", { params: { caseNo: open.caseNo } });
  const receiving = await tx.entitlement.findFirst({ where: { elderId, itemCode, status: { in: ["active", "suspended"] } }, select: { case: { select: { caseNo: true } } } });
  if (receiving) throw new AppError("CASE_DUPLICATE", "entitlement exists", { params: { caseNo: receiving.case.caseNo } });
}

async function writeStep(tx: Tx, actor: TActor, caseId: string, action: TCaseAction | "create", from: TCaseStatus | null, to: TCaseStatus, comment: string | null) {
  await tx.caseStep.create({
    data: {
      caseId,
      action,
      fromStatus: from,
      toStatus: to,
      actorId: actor.userId,
      actorUsername: actor.username,
      actorName: actor.displayName,
      actorRole: actor.role,
      comment,
    },
  });
}

export type TActionResult = { caseNo: string; status: TCaseStatus; version: number; entitlementId?: string };

/**
 * Takes one workflow action on a case. Refusals, in order: outside the region (404); a role that
 * may never take the action (403); someone else moved the case first (CASE_CONFLICT, 409); the
 * state does not allow it (409); a missing comment (422). Nothing is written on any refusal.
 */
export async function actOnCase(actor: TActor, meta: TRequestMeta, caseNo: string, input: TCaseActionInput, today = todayInShanghai()): Promise<TActionResult> {
  try {
    return await takeAction(actor, meta, caseNo, input, today);
  } catch (error) {
    // The database's last word on "never two grants": the partial unique index on entitlements.
    if (isUniqueViolation(error)) {
      const c = await db.case.findUnique({ where: { caseNo }, select: { itemName: true } });
      throw new AppError("ENTITLEMENT_DUPLICATE", "entitlement exists", { params: { item: c?.itemName ?? "" } });
    }
    throw error;
  }
}

function takeAction(actor: TActor, meta: TRequestMeta, caseNo: string, input: TCaseActionInput, today: string): Promise<TActionResult> {
  return db.$transaction(async (tx) => {
    const before = await findCaseInScope(tx, actor, caseNo);
    assertCan(actor, "case.act", before);
    if (actor.role === "system" || !(TRANSITIONS[input.action].roles as readonly string[]).includes(actor.role)) {
      throw new AppError("FORBIDDEN", `role ${actor.role} may not ${input.action}`);
    }
    if (before.version !== input.expectedVersion) throw new AppError("CASE_CONFLICT", "stale version");
    const decision = transition(
      {
        status: before.status,
        hasNotice: before.hasNotice,
        noticeCompleted: before.noticeCompleted,
        noticeEndsOn: isoDateOrNull(before.noticeEndsOn),
        today,
      },
      { action: input.action, role: actor.role, comment: input.comment },
    );
    if (!decision.ok) throw refusalError(decision.refusal, before, input.action);
    const comment = input.comment?.trim() || null;
    const to = decision.to;
    const data: Record<string, unknown> = { status: to, noticeCompleted: decision.noticeCompleted };
    let entitlementId: string | undefined;
    let effects: Record<string, unknown> = {};

    if (input.action === "submit") {
      const { catalogue, item, number } = await pinnedItem(tx, before);
      const evaluation = await evaluateItem(tx, before.elderId, catalogue, number, item, today);
      Object.assign(data, captured(evaluation, today), { submittedAt: before.submittedAt ?? new Date() });
      effects = { eligible: evaluation.eligible, monthlyAmountFen: evaluation.monthlyAmountFen, oneOffAmountFen: evaluation.oneOffAmountFen };
    }
    if (input.action === "verify") data.findings = comment;
    if (input.action === "start_notice") {
      const last = noticeLastDay(today, before.noticeDays ?? 7);
      Object.assign(data, { noticeStartedOn: dateValue(today), noticeEndsOn: dateValue(last) });
      effects = { noticeStartedOn: today, noticeEndsOn: last };
    }
    if (["object", "return", "reject", "withdraw"].includes(input.action)) data.lastReason = comment?.slice(0, 500);
    if (input.action === "approve" || input.action === "reject") Object.assign(data, { decidedAt: new Date(), decidedBy: actor.username });

    const { limits, calendar } = await deadlineSettings(tx, before.countyCode);
    const noticeEndsOn = (data.noticeEndsOn as Date | undefined) ?? before.noticeEndsOn;
    const due = dueDateFor(to, today, limits, calendar, isoDateOrNull(noticeEndsOn));
    Object.assign(data, { dueDate: due ? dateValue(due) : null, stepStartedAt: new Date() });

    if (input.action === "approve") {
      const granted = await grantEntitlement(tx, actor, meta, before, today);
      entitlementId = granted.id;
      Object.assign(data, captured(granted.evaluation, today));
      effects = { entitlementId, startMonth: granted.startMonth, monthlyAmountFen: granted.evaluation.monthlyAmountFen, oneOffAmountFen: granted.evaluation.oneOffAmountFen };
    }

    const { count } = await tx.case.updateMany({
      where: { id: before.id, version: before.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) throw new AppError("CASE_CONFLICT", "case changed meanwhile");
    await writeStep(tx, actor, before.id, input.action, before.status, to, comment);
    await recordAudit(tx, actor, meta, {
      type: `case.${input.action}`,
      entityType: "case",
      entityId: before.caseNo,
      ...pathOf(before),
      before: { status: before.status, version: before.version },
      after: { status: to, version: before.version + 1, comment, dueDate: due, ...effects },
    });
    return { caseNo: before.caseNo, status: to, version: before.version + 1, ...(entitlementId ? { entitlementId } : {}) };
  });
}

function captured(e: TCaseEvaluation, today: string) {
  return {
    eligible: e.eligible,
    monthlyAmountFen: e.monthlyAmountFen,
    oneOffAmountFen: e.oneOffAmountFen,
    reasons: e.reasons as never,
    evaluatedOn: dateValue(today),
  };
}

function refusalError(refusal: string, c: Case, action: TCaseAction): AppError {
  switch (refusal) {
    case "wrong_role":
      return new AppError("FORBIDDEN", `not the owner of ${c.status}`);
    case "comment_required":
      return new AppError("VALIDATION", "comment required", { fieldErrors: { comment: ["cases.validation.commentRequired"] } });
    case "notice_running":
      return new AppError("CASE_NOTICE_RUNNING", "notice running", { params: { date: isoDateOrNull(c.noticeEndsOn) ?? "—" } });
    default:
      // The params are message keys resolved by the entry point's translator (statusLabel/actionLabel).
      return new AppError("CASE_WRONG_STATE", `${action} not possible in ${c.status}`, { params: { status: c.status, action } });
  }
}

/**
 * 县级审批通过: the benefit starts the month after approval (or the same month, by county
 * setting). The answer is taken again on the approval date with the pinned catalogue: an elder
 * who no longer qualifies, an amount the county has not set, or an exclusive item already
 * received stops the approval with a message saying which.
 *
 * Never two grants: the elder's row is locked first, so two approvals for one elder (the same
 * item, or two items that exclude each other) run one after the other and the second sees the
 * first's entitlement; the partial unique index on entitlements backs the same-item check.
 * The new entitlement's months are computed in the same transaction (ADR 016).
 */
async function grantEntitlement(tx: Tx, actor: TActor, meta: TRequestMeta, c: Case, today: string) {
  await tx.$queryRaw`SELECT id FROM elders WHERE id = ${c.elderId}::uuid FOR UPDATE`;
  const { catalogue, item, number } = await pinnedItem(tx, c);
  const evaluation = await evaluateItem(tx, c.elderId, catalogue, number, item, today);
  if (!evaluation.eligible) throw new AppError("CASE_NOT_ELIGIBLE", "not eligible", { params: { item: item.name } });
  if (item.delivery === "monthly_cash" && evaluation.monthlyAmountFen === null) throw new AppError("CASE_AMOUNT_UNSET", "amount unset", { params: { item: item.name } });
  if (item.delivery === "one_off_cash" && evaluation.oneOffAmountFen === null) throw new AppError("CASE_AMOUNT_UNSET", "amount unset", { params: { item: item.name } });
  const same = await tx.entitlement.findFirst({ where: { elderId: c.elderId, itemCode: c.itemCode, status: { in: ["active", "suspended"] } } });
  if (same) throw new AppError("ENTITLEMENT_DUPLICATE", "entitlement exists", { params: { item: item.name } });
  if (item.exclusions.length) {
    const other = await tx.entitlement.findFirst({ where: { elderId: c.elderId, itemCode: { in: item.exclusions }, status: { in: ["active", "suspended"] } } });
    if (other) throw new AppError("CASE_EXCLUDED", "exclusive item received", { params: { item: item.name, other: other.itemName } });
  }
  const rule = await getCountySetting(c.countyCode, "case.benefitStart", tx);
  const startMonth = benefitStartMonth(today, rule);
  const entitlement = await tx.entitlement.create({
    data: {
      caseId: c.id,
      elderId: c.elderId,
      ...pathOf(c),
      catalogueVersionId: c.catalogueVersionId,
      itemCode: c.itemCode,
      itemName: c.itemName,
      delivery: c.delivery,
      catalogueNumber: c.catalogueNumber,
      monthlyAmountFen: evaluation.monthlyAmountFen,
      grantedMonthlyFen: evaluation.monthlyAmountFen,
      oneOffAmountFen: evaluation.oneOffAmountFen,
      grantedOn: dateValue(today),
      startMonth,
    },
  });
  await recordAudit(tx, actor, meta, {
    type: "entitlement.created",
    entityType: "entitlement",
    entityId: entitlement.id,
    ...pathOf(c),
    after: { caseNo: c.caseNo, elderId: c.elderId, itemCode: c.itemCode, monthlyAmountFen: entitlement.monthlyAmountFen, oneOffAmountFen: entitlement.oneOffAmountFen, startMonth },
  });
  await recomputeElderEntitlements(tx, actor, meta, c.elderId, c.countyCode, today);
  return { id: entitlement.id, startMonth, evaluation };
}

export type TBulkResult = { done: TActionResult[]; failed: { caseNo: string; error: AppError | Error }[] };

/**
 * 批量批准: each case is approved on its own (own transaction, checks and audit record); a case
 * that fails is listed with its reason and does not stop the others.
 */
export async function bulkApprove(actor: TActor, meta: TRequestMeta, cases: { caseNo: string; expectedVersion: number }[], today = todayInShanghai()): Promise<TBulkResult> {
  if (!can(actor, "case.act")) throw new AppError("FORBIDDEN", "may not act on cases");
  const result: TBulkResult = { done: [], failed: [] };
  for (const c of cases) {
    try {
      result.done.push(await actOnCase(actor, meta, c.caseNo, { action: "approve", expectedVersion: c.expectedVersion, comment: null }, today));
    } catch (error) {
      result.failed.push({ caseNo: c.caseNo, error: error as Error });
    }
  }
  return result;
}
