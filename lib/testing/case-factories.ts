// Cases for tests, e2e fixtures and benchmarks, built through the real service so that every
// step, audit record and entitlement is what staff would have produced.
import { db } from "@/lib/db";
import { NO_REQUEST_META, type TActor } from "@/lib/authz/actor";
import { addDays, todayInShanghai } from "@/lib/dates";
import { dateValue } from "@/lib/dates";
import { actOnCase, createCase } from "@/lib/cases/service";
import type { TCaseAction, TCaseStatus } from "@/lib/cases/workflow";
import type { TCreateCase } from "@/lib/cases/schemas";

export type TCaseActors = { clerk: TActor; reviewer: TActor; approver: TActor };

/** 杨陵区 高龄津贴 (monthly cash, 70+, with a 7-day notice) and 老年人能力综合评估 (service, no notice). */
export const ITEM_WITH_NOTICE = "610403-04";
export const ITEM_WITHOUT_NOTICE = "610403-03";

export async function createDraftCase(clerk: TActor, input: Partial<TCreateCase> & { elderId: string }, today = todayInShanghai()) {
  return createCase(clerk, NO_REQUEST_META, { itemCode: ITEM_WITH_NOTICE, channel: "window", applicantName: null, applicantRelation: null, ...input }, today);
}

/** Moves a running notice into the past, as if its days had passed (tests cannot wait a week). */
export async function letNoticeRunOut(caseNo: string, today = todayInShanghai()) {
  const c = await db.case.findUniqueOrThrow({ where: { caseNo } });
  const days = c.noticeDays ?? 7;
  await db.case.update({
    where: { caseNo },
    data: { noticeStartedOn: dateValue(addDays(today, -days - 1)), noticeEndsOn: dateValue(addDays(today, -2)) },
  });
}

const PATH: { to: TCaseStatus; action: TCaseAction; who: keyof TCaseActors; comment?: string }[] = [
  { to: "verification", action: "submit", who: "clerk" },
  { to: "notice_pending", action: "verify", who: "clerk", comment: "入户核查属实" },
  { to: "in_notice", action: "start_notice", who: "clerk" },
  { to: "township_review", action: "end_notice", who: "clerk" },
  { to: "county_approval", action: "review_approve", who: "reviewer" },
  { to: "approved", action: "approve", who: "approver" },
];

/**
 * Walks a case along the usual path until it reaches `target` (approved at the latest); `today`
 * dates every step (an approval in the past gives an entitlement that started in the past).
 */
export async function advanceCase(caseNo: string, target: TCaseStatus, actors: TCaseActors, today = todayInShanghai()) {
  let c = await db.case.findUniqueOrThrow({ where: { caseNo } });
  for (const step of PATH) {
    if (c.status === target) break;
    if (step.action === "verify" && c.status !== "verification") continue;
    if (step.action === "start_notice" && c.status !== "notice_pending") continue;
    if (step.action === "end_notice") {
      if (c.status !== "in_notice") continue;
      await letNoticeRunOut(caseNo, today);
    }
    if (step.action === "submit" && c.status !== "draft" && c.status !== "returned") continue;
    await actOnCase(actors[step.who], NO_REQUEST_META, caseNo, { action: step.action, comment: step.comment ?? null, expectedVersion: c.version }, today);
    c = await db.case.findUniqueOrThrow({ where: { caseNo } });
  }
  if (c.status !== target) throw new Error(`case ${caseNo} stopped at ${c.status}, not ${target}`);
  return c;
}
