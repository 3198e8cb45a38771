// Writes of the 待遇发放 area: manual actions on an entitlement, 资格认证, decisions on 应退未退
// proposals and on overpayments. Each loads its record inside the actor's region (404 outside),
// checks the role, the state and the version the form showed (the case workflow's conflict
// message on a stale one), writes the input with its audit record and re-derives the elder's
// entitlements, all in one transaction. Nothing here deletes an entitlement.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { assertCan, can } from "@/lib/authz/policy";
import { regionScope } from "@/lib/authz/scope";
import { recordAudit } from "@/lib/audit/record";
import type { TActor, TRequestMeta } from "@/lib/authz/actor";
import { dateValue, isoDate, monthOf, todayInShanghai } from "@/lib/dates";
import { pathOf } from "@/lib/regions/path";
import { recomputeElderEntitlements } from "@/lib/entitlements/recompute";
import { findEntitlementInScope, UUID } from "@/lib/entitlements/queries";
import type { TActionKind } from "@/lib/entitlements/segments";
import type { TCertificationInput, TEntitlementActionInput, TOverpaymentDecision, TProposalDecision } from "@/lib/entitlements/schemas";

const isUuid = (id: string) => UUID.test(id);

const AUDIT_TYPE = {
  stop: "entitlement.stopped",
  suspend: "entitlement.suspended",
  resume: "entitlement.resumed",
  correct: "entitlement.amount_corrected",
} as const satisfies Record<TActionKind, string>;

const wrongState = (status: string, action: TActionKind | "certify") => new AppError("ENTITLEMENT_WRONG_STATE", `${action} not possible`, { params: { status, action } });
const invalid = (field: string, key: string) => new AppError("VALIDATION", key, { fieldErrors: { [field]: [key] } });

/**
 * 停发 / 暂停 / 恢复 / 更正金额 from a month, with a reason (county approver). A stop or
 * correction before the start month, a resume with no suspension open, an amount below zero:
 * a clear message and nothing written.
 */
export async function takeEntitlementAction(actor: TActor, meta: TRequestMeta, input: TEntitlementActionInput, today = todayInShanghai()) {
  return db.$transaction(async (tx) => {
    const e = await findEntitlementInScope(tx, actor, input.id);
    assertCan(actor, "entitlement.manage", e);
    if (e.version !== input.version) throw new AppError("CASE_CONFLICT", "entitlement changed meanwhile");
    if (input.fromMonth < e.startMonth) throw invalid("fromMonth", "entitlements.validation.beforeStart");
    if (e.status === "stopped") throw wrongState(e.status, input.kind);
    const actions = await tx.entitlementAction.findMany({ where: { entitlementId: e.id }, orderBy: { createdAt: "asc" } });
    const open = openSuspension(actions);
    if (input.kind === "suspend" && open) throw wrongState("suspended", input.kind);
    if (input.kind === "resume") {
      if (!open) throw wrongState(e.status, input.kind);
      if (input.fromMonth <= open.fromMonth) throw invalid("fromMonth", "entitlements.validation.resumeAfterSuspend");
    }
    if (input.kind === "correct") {
      if (e.delivery !== "monthly_cash") throw invalid("amountFen", "entitlements.validation.notMonthly");
      if (input.amountFen !== null && input.amountFen < 0) throw invalid("amountFen", "entitlements.validation.amountNegative");
    }
    // A suspension takes effect from the current month at the earliest: months already due stay due.
    if (input.kind === "suspend" && input.fromMonth < monthOf(today)) throw invalid("fromMonth", "entitlements.validation.suspendPast");
    const created = await tx.entitlementAction.create({
      data: {
        entitlementId: e.id,
        kind: input.kind,
        fromMonth: input.fromMonth,
        amountFen: input.kind === "correct" ? input.amountFen : null,
        backPay: input.kind === "resume" ? input.backPay : false,
        reason: input.reason,
        createdBy: actor.username,
        createdByName: actor.displayName,
      },
    });
    await recordAudit(tx, actor, meta, {
      type: AUDIT_TYPE[input.kind],
      entityType: "entitlement",
      entityId: e.id,
      ...pathOf(e),
      before: { status: e.status, monthlyAmountFen: e.monthlyAmountFen, endMonth: e.endMonth },
      after: { actionId: created.id, fromMonth: input.fromMonth, reason: input.reason, ...(input.kind === "correct" ? { amountFen: input.amountFen } : {}), ...(input.kind === "resume" ? { backPay: input.backPay } : {}) },
    });
    await recomputeElderEntitlements(tx, actor, meta, e.elderId, e.countyCode, today);
    return tx.entitlement.findUniqueOrThrow({ where: { id: e.id } });
  });
}

/** The manual suspension still open (a suspend with no resume after it). */
function openSuspension(actions: { kind: string; fromMonth: string }[]) {
  let open: { fromMonth: string } | null = null;
  for (const a of actions) {
    if (a.kind === "suspend" && !open) open = a;
    else if (a.kind === "resume") open = null;
  }
  return open;
}

/**
 * 资格认证 (e.g. 生存认证): the date (not in the future, not before the approval), the method and
 * a note; a certification after an overdue suspension resumes payment from its month.
 */
export async function recordCertification(actor: TActor, meta: TRequestMeta, input: TCertificationInput, today = todayInShanghai()) {
  return db.$transaction(async (tx) => {
    const e = await findEntitlementInScope(tx, actor, input.entitlementId);
    assertCan(actor, "entitlement.certify", e);
    if (input.certifiedOn > today) throw invalid("certifiedOn", "entitlements.validation.certifiedFuture");
    if (input.certifiedOn < isoDate(e.grantedOn)) throw invalid("certifiedOn", "entitlements.validation.certifiedBeforeGrant");
    if (e.status === "stopped") throw wrongState(e.status, "certify");
    const created = await tx.certification.create({
      data: {
        entitlementId: e.id,
        elderId: e.elderId,
        ...pathOf(e),
        certifiedOn: dateValue(input.certifiedOn),
        method: input.method,
        note: input.note,
        createdBy: actor.username,
        createdByName: actor.displayName,
      },
    });
    await recordAudit(tx, actor, meta, {
      type: "entitlement.certified",
      entityType: "entitlement",
      entityId: e.id,
      ...pathOf(e),
      before: { status: e.status, certDueOn: e.certDueOn ? isoDate(e.certDueOn) : null },
      after: { certificationId: created.id, certifiedOn: input.certifiedOn, method: input.method, note: input.note },
    });
    await recomputeElderEntitlements(tx, actor, meta, e.elderId, e.countyCode, today);
    return created;
  });
}

/**
 * 应退未退 审核 (township reviewer): confirm — the entitlement stops from the proposal's month (a
 * stop with source "review"); months paid since become an overpayment — or dismiss with a
 * reason, after which the entitlement is paid on under the earlier rule.
 */
export async function decideProposal(actor: TActor, meta: TRequestMeta, input: TProposalDecision, today = todayInShanghai()) {
  return db.$transaction(async (tx) => {
    const p = isUuid(input.id) ? await tx.entitlementProposal.findFirst({ where: { id: input.id, ...regionScope(actor) } }) : null;
    if (!p) throw new AppError("NOT_FOUND", "proposal not found");
    assertCan(actor, "entitlement.review", p);
    if (p.version !== input.version) throw new AppError("CASE_CONFLICT", "proposal changed meanwhile");
    if (p.status !== "pending") throw new AppError("CASE_CONFLICT", "proposal decided already");
    const status = input.decision === "confirm" ? "confirmed" : "dismissed";
    const { count } = await tx.entitlementProposal.updateMany({
      where: { id: p.id, version: p.version, status: "pending" },
      data: { status, decisionReason: input.reason, decidedBy: actor.username, decidedByName: actor.displayName, decidedAt: new Date(), version: { increment: 1 } },
    });
    if (count === 0) throw new AppError("CASE_CONFLICT", "proposal changed meanwhile");
    if (input.decision === "confirm") {
      await tx.entitlementAction.create({
        data: { entitlementId: p.entitlementId, kind: "stop", fromMonth: p.fromMonth, reason: input.reason, source: "review", createdBy: actor.username, createdByName: actor.displayName },
      });
    }
    await recordAudit(tx, actor, meta, {
      type: input.decision === "confirm" ? "entitlement.proposal_confirmed" : "entitlement.proposal_dismissed",
      entityType: "entitlement",
      entityId: p.entitlementId,
      ...pathOf(p),
      before: { proposalId: p.id, status: "pending" },
      after: { proposalId: p.id, status, reason: input.reason, fromMonth: p.fromMonth, catalogueNumber: p.catalogueNumber },
    });
    await recomputeElderEntitlements(tx, actor, meta, p.elderId, p.countyCode, today);
    return { id: p.id, status };
  });
}

export type TBulkDecision = { done: string[]; failed: { id: string; error: AppError | Error }[] };

/** 批量审核: each proposal decided on its own (own transaction and audit); failures are listed. */
export async function decideProposals(actor: TActor, meta: TRequestMeta, items: { id: string; version: number }[], decision: "confirm" | "dismiss", reason: string): Promise<TBulkDecision> {
  if (!can(actor, "entitlement.review")) throw new AppError("FORBIDDEN", "may not review");
  const result: TBulkDecision = { done: [], failed: [] };
  for (const item of items) {
    try {
      await decideProposal(actor, meta, { ...item, decision, reason });
      result.done.push(item.id);
    } catch (error) {
      result.failed.push({ id: item.id, error: error as Error });
    }
  }
  return result;
}

/**
 * 追缴: record what was recovered (amount, date, method) or waive it with a reason (county
 * approver). Only a pending overpayment is decided; a stale form gets the conflict message.
 */
export async function decideOverpayment(actor: TActor, meta: TRequestMeta, input: TOverpaymentDecision, today = todayInShanghai()) {
  return db.$transaction(async (tx) => {
    const o = isUuid(input.id) ? await tx.overpayment.findFirst({ where: { id: input.id, ...regionScope(actor) } }) : null;
    if (!o) throw new AppError("NOT_FOUND", "overpayment not found");
    assertCan(actor, "entitlement.manage", o);
    if (o.version !== input.version || o.status !== "pending") throw new AppError("CASE_CONFLICT", "overpayment changed meanwhile");
    const decided = { decidedBy: actor.username, decidedByName: actor.displayName, decidedAt: new Date(), version: { increment: 1 } };
    let after: Record<string, unknown>;
    if (input.decision === "recovered") {
      if (input.amountFen <= 0) throw invalid("amountFen", "entitlements.validation.recoveredAmount");
      if (input.amountFen > o.amountFen) throw invalid("amountFen", "entitlements.validation.recoveredTooMuch");
      if (input.recoveredOn > today) throw invalid("recoveredOn", "entitlements.validation.recoveredFuture");
      await tx.overpayment.update({
        where: { id: o.id },
        data: { status: "recovered", recoveredAmountFen: input.amountFen, recoveredOn: dateValue(input.recoveredOn), recoveryMethod: input.method, ...decided },
      });
      after = { status: "recovered", recoveredAmountFen: input.amountFen, recoveredOn: input.recoveredOn, method: input.method };
    } else {
      await tx.overpayment.update({ where: { id: o.id }, data: { status: "waived", decisionReason: input.reason, ...decided } });
      after = { status: "waived", reason: input.reason };
    }
    await recordAudit(tx, actor, meta, {
      type: input.decision === "recovered" ? "overpayment.recovered" : "overpayment.waived",
      entityType: "overpayment",
      entityId: o.id,
      ...pathOf(o),
      before: { status: o.status, amountFen: o.amountFen },
      after,
    });
    return { id: o.id, status: after.status as string };
  });
}
