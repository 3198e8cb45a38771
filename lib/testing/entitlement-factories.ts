// Entitlements for tests, e2e fixtures and the demo: granted through the real case workflow (so
// the case, its timeline, audit records and the computed segments are what staff would have
// produced), and the payment ledger that the monthly rolls will write, written here directly.
import { db } from "@/lib/db";
import { dateValue, lastDayOfMonth, monthRange, todayInShanghai } from "@/lib/dates";
import { advanceCase, createDraftCase, type TCaseActors } from "@/lib/testing/case-factories";
import { amountDueIn, type TSegment } from "@/lib/entitlements/segments";

/** An approved application of `itemCode` for the elder, approved on `today`; returns the entitlement. */
export async function grantThroughWorkflow(actors: TCaseActors, elderId: string, itemCode: string, today = todayInShanghai()) {
  const created = await createDraftCase(actors.clerk, { elderId, itemCode }, today);
  await advanceCase(created.caseNo, "approved", actors, today);
  return db.entitlement.findFirstOrThrow({ where: { caseId: created.id } });
}

/**
 * Records months as paid (as a locked roll will): by default the amount due in each month per the
 * entitlement's current segments, paid on the month's last day.
 */
export async function recordPayments(
  entitlementId: string,
  months: string[] | { from: string; to: string },
  options: { amountFen?: number; source?: string; skipNothingDue?: boolean } = {},
) {
  const e = await db.entitlement.findUniqueOrThrow({ where: { id: entitlementId }, include: { segments: true } });
  const list = Array.isArray(months) ? months : monthRange(months.from, months.to);
  const segments = e.segments as unknown as TSegment[];
  const months_ = options.skipNothingDue ? list.filter((month) => amountDueIn(segments, month).amountFen > 0) : list;
  const rows = months_.map((month) => ({
    entitlementId: e.id,
    elderId: e.elderId,
    countyCode: e.countyCode,
    month,
    amountFen: options.amountFen ?? amountDueIn(segments, month).amountFen,
    paidOn: dateValue(lastDayOfMonth(month)),
    source: options.source ?? "factory",
  }));
  if (rows.length) await db.benefitPayment.createMany({ data: rows });
  return rows;
}
