import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { errorCodeOf } from "@/lib/testing/error-code";
import { createActor, createElder, createUser, systemActor, YANGLING } from "@/lib/testing/factories";
import { advanceCase, createDraftCase, type TCaseActors } from "@/lib/testing/case-factories";
import { grantThroughWorkflow, recordPayments } from "@/lib/testing/entitlement-factories";
import { createConfirmedAssessment } from "@/lib/testing/assessment-factories";
import { actorFromUser } from "@/lib/users/actor-from-user";
import { loadSeedCatalogue } from "@/lib/catalogue/service";
import { actOnCase } from "@/lib/cases/service";
import { changeElderStatus, updateCircumstance } from "@/lib/elders/service";
import { setCountySetting } from "@/lib/settings/county-settings";
import { addDays, addMonths, addMonthsToMonth, addYears, firstDayOfMonth, monthAfter, monthOf, todayInShanghai } from "@/lib/dates";
import { decideOverpayment, recordCertification, takeEntitlementAction } from "@/lib/entitlements/service";
import { dueTotals, getEntitlement, listCertifications, listElderEntitlements, listEntitlements, listOverpayments } from "@/lib/entitlements/queries";
import { recomputeCounty } from "@/lib/entitlements/recompute";
import { ZEntitlementAction, ZEntitlementListQuery, ZCertificationListQuery, ZOverpaymentListQuery } from "@/lib/entitlements/schemas";
import type { TActor } from "@/lib/authz/actor";

const meta = { ip: "127.0.0.1", userAgent: "vitest" };
const today = todayInShanghai();
const thisMonth = monthOf(today);
let actors: TCaseActors;
let admin: TActor;

/** An elder of 凤岗路社区 aged `age` (the birthday a month and a half away, so no bracket moves soon). */
const elderAged = (age: number, extra: Parameters<typeof createElder>[0] = {}) =>
  createElder({ birthDate: addDays(addYears(today, -age), 45), villageCode: YANGLING.village1, ...extra });

beforeAll(async () => {
  await loadSeedCatalogue("610403");
  await loadSeedCatalogue("330727");
  actors = {
    clerk: await createActor({ role: "village_clerk", regionCode: YANGLING.village1, displayName: "赵丽" }),
    reviewer: await createActor({ role: "township_reviewer", regionCode: YANGLING.township1, displayName: "刘芳" }),
    approver: await createActor({ role: "county_approver", regionCode: YANGLING.county, displayName: "李秀英" }),
  };
  admin = await createActor({ role: "county_admin", regionCode: YANGLING.county });
});

describe("approval", () => {
  it("creates the entitlement with its months computed in the same transaction", async () => {
    const elder = await elderAged(82);
    const e = await grantThroughWorkflow(actors, elder.id, "610403-04");
    expect(e).toMatchObject({ status: "active", startMonth: monthAfter(today), monthlyAmountFen: 10000, grantedMonthlyFen: 10000, catalogueNumber: 1, endMonth: null });
    const detail = await getEntitlement(actors.approver, e.id);
    expect(detail.segments[0]).toMatchObject({ fromMonth: monthAfter(today), monthlyAmountFen: 10000, kind: "due" });
    expect(detail.segments[0].reasonText).toBe("审批核定，按第 1 版清单发放");
    expect(await db.auditLog.count({ where: { event: "entitlement.recomputed", entityId: e.id } })).toBe(1);
  });
});

describe("registry changes move entitlements at once", () => {
  it("a death recorded after months were paid stops it from the month after and claims the months paid since", async () => {
    const elder = await elderAged(85);
    const approvedOn = addMonths(today, -4);
    const e = await grantThroughWorkflow(actors, elder.id, "610403-04", approvedOn);
    const start = monthAfter(approvedOn);
    expect(e.startMonth).toBe(start);
    await recordPayments(e.id, { from: start, to: thisMonth });
    const deathDate = firstDayOfMonth(addMonthsToMonth(start, 1));
    const before = await db.elder.findUniqueOrThrow({ where: { id: elder.id } });
    await changeElderStatus(actors.clerk, meta, { id: elder.id, version: before.version, status: "deceased", date: deathDate });

    const after = await db.entitlement.findUniqueOrThrow({ where: { id: e.id } });
    expect(after).toMatchObject({ status: "stopped", endMonth: addMonthsToMonth(start, 1), stopReason: "death", monthlyAmountFen: 0 });
    const detail = await getEntitlement(actors.approver, e.id);
    expect(detail.segments.map((s) => [s.fromMonth, s.toMonth, s.monthlyAmountFen, s.kind])).toEqual([
      [start, addMonthsToMonth(start, 1), 10000, "due"],
      [addMonthsToMonth(start, 2), null, 0, "stopped"],
    ]);
    expect(detail.segments[1].reasonText).toBe(`${deathDate} 去世，自 ${addMonthsToMonth(start, 2)} 起停发`);
    // 追缴: the months paid after the stop (start+2 … this month), 100 yuan each.
    const overdue = [addMonthsToMonth(start, 2), addMonthsToMonth(start, 3), addMonthsToMonth(start, 4)].filter((m) => m <= thisMonth);
    expect(detail.overpayments).toEqual([expect.objectContaining({ status: "pending", amountFen: 10000 * overdue.length, itemName: "高龄津贴" })]);
    expect(detail.overpayments[0].months.map((m) => m.month)).toEqual(overdue);
    expect(detail.overpayments[0].reasonText).toContain("去世");
    // Each change with its audit record, by the clerk who recorded the death.
    const events = await db.auditLog.findMany({ where: { OR: [{ entityId: e.id }, { entityId: elder.id }, { entityType: "overpayment", villageCode: YANGLING.village1 }], at: { gte: new Date(Date.now() - 60_000) } }, orderBy: { id: "asc" } });
    expect(events.filter((a) => a.actorUsername === actors.clerk.username).map((a) => a.event)).toEqual(
      expect.arrayContaining(["elder.status_changed", "entitlement.recomputed", "overpayment.created"]),
    );
    // The elder's 待遇 tab shows the same history.
    const tab = await listElderEntitlements(actors.clerk, elder.id);
    expect(tab[0]).toMatchObject({ status: "stopped", endMonth: addMonthsToMonth(start, 1) });
    expect(tab[0].overpayments).toHaveLength(1);

    // The death was recorded in error: back to 在册, the entitlement runs again and nothing is owed.
    const dead = await db.elder.findUniqueOrThrow({ where: { id: elder.id } });
    await changeElderStatus(actors.clerk, meta, { id: elder.id, version: dead.version, status: "living" });
    expect(await db.entitlement.findUniqueOrThrow({ where: { id: e.id } })).toMatchObject({ status: "active", endMonth: null });
    expect(await db.overpayment.findFirstOrThrow({ where: { entitlementId: e.id } })).toMatchObject({ status: "cancelled" });
  });

  it("a move stops it from the month after; the end of the qualifying circumstance too", async () => {
    const mover = await elderAged(78);
    const e1 = await grantThroughWorkflow(actors, mover.id, "610403-04", addMonths(today, -2));
    const v = (await db.elder.findUniqueOrThrow({ where: { id: mover.id } })).version;
    await changeElderStatus(actors.clerk, meta, { id: mover.id, version: v, status: "moved_out", date: today, movedOutTo: "西安市" });
    expect(await db.entitlement.findUniqueOrThrow({ where: { id: e1.id } })).toMatchObject({ status: "stopped", endMonth: thisMonth, stopReason: "movedOut" });

    // 最低生活保障 (70+, 低保 family): the 低保 record ends this month → stops next month.
    await setParam("rural_dibao_standard_monthly", 60000);
    const poor = await elderAged(75, { circumstances: [{ type: "dibao", startDate: "2020-01-01" }] });
    const e2 = await grantThroughWorkflow(actors, poor.id, "610403-10", addMonths(today, -2));
    expect(e2.monthlyAmountFen).toBe(18000);
    const record = await db.circumstanceRecord.findFirstOrThrow({ where: { elderId: poor.id } });
    await updateCircumstance(actors.clerk, meta, poor.id, record.id, { type: "dibao", startDate: "2020-01-01", endDate: today, source: "民政局", documentNo: null, note: null, disabilityCategory: null, disabilityGrade: null, certificateNo: null });
    const stopped = await getEntitlement(actors.approver, e2.id);
    expect(stopped).toMatchObject({ status: "stopped", endMonth: thisMonth, stopReason: "ineligible" });
    expect(stopped.segments.at(-1)!.reasonText).toContain("终止 低保");
  });

  it("a confirmed capability assessment re-tiers it from the month after confirmation (照料护理费)", async () => {
    const elder = await elderAged(70, { circumstances: [{ type: "tekun_dispersed", startDate: "2020-01-01" }] });
    await createConfirmedAssessment(elder, { assessedOn: addMonths(today, -6) });
    const e = await grantThroughWorkflow(actors, elder.id, "610403-07", addMonths(today, -3));
    expect(e.monthlyAmountFen).toBe(21600);
    const { itemsForTotal } = await import("@/lib/testing/assessment-factories");
    await createConfirmedAssessment(elder, { reason: "immediate", assessedOn: today, items: itemsForTotal(20) });
    const detail = await getEntitlement(actors.approver, e.id);
    expect(detail.segments.at(-1)).toMatchObject({ fromMonth: monthAfter(today), monthlyAmountFen: 54000, kind: "due" });
    expect(detail.segments.at(-1)!.reasonText).toBe(`能力等级评定为完全失能（${today} 确认）`);
  });
});

/** A pending overpayment in 凤岗路社区: a death recorded after three months were paid. */
async function pendingOverpayment() {
  const found = await db.overpayment.findFirst({ where: { status: "pending", countyCode: "610403" } });
  if (found) return found;
  const elder = await elderAged(88);
  const e = await grantThroughWorkflow(actors, elder.id, "610403-04", addMonths(today, -3));
  await recordPayments(e.id, { from: e.startMonth, to: thisMonth });
  const v = (await db.elder.findUniqueOrThrow({ where: { id: elder.id } })).version;
  await changeElderStatus(actors.clerk, meta, { id: elder.id, version: v, status: "deceased", date: firstDayOfMonth(e.startMonth) });
  return db.overpayment.findFirstOrThrow({ where: { entitlementId: e.id, status: "pending" } });
}

async function setParam(name: string, valueFen: number) {
  const { setCountyParameters } = await import("@/lib/catalogue/service");
  const latest = await db.countyParameterValue.findFirst({ where: { countyCode: "610403", name }, orderBy: { effectiveFrom: "desc" } });
  if (latest?.valueFen === valueFen) return;
  await setCountyParameters(admin, meta, { effectiveFrom: "2025-01-01", changes: [{ name, valueFen }] });
}

describe("manual actions by the county approver", () => {
  it("stop, suspend, resume and correct from a month, each audited; the entitlement is never deleted", async () => {
    const elder = await elderAged(74);
    const e = await grantThroughWorkflow(actors, elder.id, "610403-04", addMonths(today, -3));
    const act = async (input: Omit<Parameters<typeof takeEntitlementAction>[2], "id" | "version">) => {
      const { version } = await db.entitlement.findUniqueOrThrow({ where: { id: e.id } });
      return takeEntitlementAction(actors.approver, meta, { id: e.id, version, ...input });
    };
    await act({ kind: "correct", fromMonth: thisMonth, amountFen: 4000, backPay: false, reason: "按区政府文件核减" });
    expect((await getEntitlement(actors.approver, e.id)).dueThisMonth).toMatchObject({ amountFen: 4000 });
    await act({ kind: "suspend", fromMonth: monthAfter(today), amountFen: null, backPay: false, reason: "银行账户冻结" });
    expect(await errorCodeOf(act({ kind: "suspend", fromMonth: monthAfter(today), amountFen: null, backPay: false, reason: "又一次" }))).toBe("ENTITLEMENT_WRONG_STATE");
    await act({ kind: "resume", fromMonth: addMonthsToMonth(thisMonth, 3), amountFen: null, backPay: true, reason: "账户已解冻" });
    const resumed = await getEntitlement(actors.approver, e.id);
    expect(resumed.segments.map((s) => [s.fromMonth, s.kind, s.monthlyAmountFen])).toEqual(
      expect.arrayContaining([[monthAfter(today), "backpay", 4000]]),
    );
    await act({ kind: "stop", fromMonth: addMonthsToMonth(thisMonth, 4), amountFen: null, backPay: false, reason: "本人申请停发" });
    const stopped = await db.entitlement.findUniqueOrThrow({ where: { id: e.id } });
    expect(stopped).toMatchObject({ status: "stopped", endMonth: addMonthsToMonth(thisMonth, 3), stopReason: "manualStop" });
    expect(await errorCodeOf(act({ kind: "correct", fromMonth: thisMonth, amountFen: 1, backPay: false, reason: "x" }))).toBe("ENTITLEMENT_WRONG_STATE");
    const events = await db.auditLog.findMany({ where: { entityId: e.id, event: { startsWith: "entitlement." } }, orderBy: { id: "asc" } });
    expect(events.map((a) => a.event).filter((x) => x !== "entitlement.recomputed" && x !== "entitlement.created")).toEqual([
      "entitlement.amount_corrected",
      "entitlement.suspended",
      "entitlement.resumed",
      "entitlement.stopped",
    ]);
    // A stale form: the case workflow's conflict message, nothing written.
    expect(await errorCodeOf(takeEntitlementAction(actors.approver, meta, { id: e.id, version: 0, kind: "stop", fromMonth: thisMonth, amountFen: null, backPay: false, reason: "x" }))).toBe("CASE_CONFLICT");
    // A township reviewer may not act; another county does not see it.
    const other = actorFromUser(await createUser({ role: "county_approver", regionCode: YANGLING.otherCounty }));
    expect(await errorCodeOf(takeEntitlementAction(actors.reviewer, meta, { id: e.id, version: stopped.version, kind: "stop", fromMonth: thisMonth, amountFen: null, backPay: false, reason: "x" }))).toBe("FORBIDDEN");
    expect(await errorCodeOf(getEntitlement(other, e.id))).toBe("NOT_FOUND");
  });
});

describe("bad input: a clear message and nothing written", () => {
  it("refuses a stop before the start month, a certification in the future, a death before birth, an amount below zero", async () => {
    const elder = await elderAged(76);
    const e = await grantThroughWorkflow(actors, elder.id, "610403-04");
    const audits = () => db.auditLog.count({ where: { OR: [{ entityId: e.id }, { entityId: elder.id }] } });
    const auditsBefore = await audits();

    await expect(
      takeEntitlementAction(actors.approver, meta, { id: e.id, version: e.version, kind: "stop", fromMonth: thisMonth, amountFen: null, backPay: false, reason: "测试" }),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { fromMonth: ["entitlements.validation.beforeStart"] } });

    await expect(recordCertification(actors.clerk, meta, { entitlementId: e.id, certifiedOn: addDays(today, 1), method: "home", note: null })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { certifiedOn: ["entitlements.validation.certifiedFuture"] },
    });

    const v = (await db.elder.findUniqueOrThrow({ where: { id: elder.id } })).version;
    await expect(changeElderStatus(actors.clerk, meta, { id: elder.id, version: v, status: "deceased", date: "1900-01-01" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { date: ["registry.form.statusDateBeforeBirth"] },
    });

    const parsed = ZEntitlementAction.safeParse({ id: e.id, version: "0", kind: "correct", fromMonth: monthAfter(today), amountFen: "-5", reason: "核减" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toEqual(["entitlements.validation.amountNegative"]);
    await expect(
      takeEntitlementAction(actors.approver, meta, { id: e.id, version: e.version, kind: "correct", fromMonth: monthAfter(today), amountFen: -500, backPay: false, reason: "核减" }),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { amountFen: ["entitlements.validation.amountNegative"] } });

    expect(await audits()).toBe(auditsBefore);
    expect(await db.entitlementAction.count({ where: { entitlementId: e.id } })).toBe(0);
    expect(await db.certification.count({ where: { entitlementId: e.id } })).toBe(0);
    expect(await db.elder.findUniqueOrThrow({ where: { id: elder.id } })).toMatchObject({ status: "living", version: v });
  });
});

describe("资格认证", () => {
  it("overdue past the grace period suspends from the next month; a later certification resumes it and pays the months back", async () => {
    await setCountySetting(admin, meta, "entitlement.certification", { "610403-04": { intervalMonths: 6, graceDays: 30, backPay: true } });
    const elder = await elderAged(72);
    const approvedOn = addMonths(today, -10);
    const e = await grantThroughWorkflow(actors, elder.id, "610403-04", approvedOn);
    // The approval itself computed with the approval date's "today"; the nightly run sees today.
    const run = await recomputeCounty("610403", { actor: systemActor("610403") });
    expect(run.changed).toBeGreaterThan(0);
    const suspended = await getEntitlement(actors.clerk, e.id);
    const dueOn = addMonths(approvedOn, 6);
    expect(suspended).toMatchObject({ status: "suspended", certDueOn: dueOn });
    const suspendedFrom = monthAfter(addDays(dueOn, 31));
    expect(suspended.segments.find((s) => s.kind === "suspended")).toMatchObject({ fromMonth: suspendedFrom, toMonth: null, monthlyAmountFen: 0 });
    const list = await listCertifications(actors.clerk, ZCertificationListQuery.parse({ view: "suspended" }));
    expect(list.items.map((i) => i.id)).toContain(e.id);
    expect(list.counts.suspended).toBeGreaterThan(0);

    await recordCertification(actors.clerk, meta, { entitlementId: e.id, certifiedOn: today, method: "home", note: "上门认证，本人健在" });
    const resumed = await getEntitlement(actors.clerk, e.id);
    expect(resumed).toMatchObject({ status: "active", certDueOn: addMonths(today, 6) });
    const back = resumed.segments.find((s) => s.kind === "backpay");
    expect(back).toMatchObject({ fromMonth: suspendedFrom, toMonth: addMonthsToMonth(thisMonth, -1), monthlyAmountFen: 5000 });
    expect(resumed.segments.find((s) => s.fromMonth === thisMonth)?.reasonText).toBe(`${today} 完成资格认证，恢复发放`);
    expect(await db.auditLog.count({ where: { entityId: e.id, event: "entitlement.certified", actorUsername: actors.clerk.username } })).toBe(1);
    await setCountySetting(admin, meta, "entitlement.certification", {});
  });
});

describe("never two grants", () => {
  it("the database refuses a second active entitlement of one item for one elder, even from two writers at once", async () => {
    const elder = await elderAged(80);
    const e = await grantThroughWorkflow(actors, elder.id, "610403-04");
    const { id: _id, caseId: _c, createdAt: _a, updatedAt: _u, ...copy } = e;
    // A second case for the same item (the open-case index no longer applies once the first is approved).
    const second = await db.case.create({ data: { ...(await db.case.findUniqueOrThrow({ where: { id: e.caseId } })), id: undefined, caseNo: "610403-2099-000001", status: "county_approval", version: 0 } as never });
    await expect(db.entitlement.create({ data: { ...copy, caseId: second.id } })).rejects.toThrow();
    // Through the workflow, approving it is refused with a clear message and nothing written.
    expect(await errorCodeOf(actOnCase(actors.approver, meta, second.caseNo, { action: "approve", expectedVersion: 0 }))).toBe("ENTITLEMENT_DUPLICATE");
    expect(await db.entitlement.count({ where: { elderId: elder.id } })).toBe(1);

    // Two writers inserting at the same moment: exactly one row stands.
    const elder2 = await elderAged(81);
    const g = await grantThroughWorkflow(actors, elder2.id, "610403-04");
    await db.entitlement.update({ where: { id: g.id }, data: { status: "stopped" } });
    const caseRow = await db.case.findUniqueOrThrow({ where: { id: g.caseId } });
    const cases = await Promise.all(["610403-2099-000002", "610403-2099-000003"].map((caseNo) => db.case.create({ data: { ...caseRow, id: undefined, caseNo, status: "approved", version: 0 } as never })));
    const { id: _i2, caseId: _c2, createdAt: _a2, updatedAt: _u2, ...copy2 } = g;
    const outcomes = await Promise.allSettled(cases.map((c) => db.entitlement.create({ data: { ...copy2, status: "active", caseId: c.id } })));
    expect(outcomes.map((o) => o.status).sort()).toEqual(["fulfilled", "rejected"]);
  });

  it("two approvals of items that exclude each other at once (磐安 高龄津贴 / 长寿保健补助): one succeeds, the other is refused", async () => {
    const pan = {
      clerk: await createActor({ role: "village_clerk", regionCode: "330727001002" }),
      reviewer: await createActor({ role: "township_reviewer", regionCode: "330727001000" }),
      approver: await createActor({ role: "county_approver", regionCode: "330727000000" }),
    };
    const elder = await createElder({ birthDate: addDays(addYears(today, -101), 45), villageCode: "330727001002" });
    const [a, b] = [await createDraftCase(pan.clerk, { elderId: elder.id, itemCode: "330727-09-1" }), await createDraftCase(pan.clerk, { elderId: elder.id, itemCode: "330727-09-2" })];
    await advanceCase(a.caseNo, "county_approval", pan);
    await advanceCase(b.caseNo, "county_approval", pan);
    const versions = await Promise.all([a, b].map((c) => db.case.findUniqueOrThrow({ where: { id: c.id } })));
    const outcomes = await Promise.all(versions.map((c) => errorCodeOf(actOnCase(pan.approver, meta, c.caseNo, { action: "approve", expectedVersion: c.version }))));
    expect(outcomes.sort()).toEqual(["CASE_EXCLUDED", "ok"]);
    expect(await db.entitlement.count({ where: { elderId: elder.id } })).toBe(1);
  });
});

describe("recompute, lists and totals", () => {
  it("a county run re-derives every entitlement and changes nothing the second time", async () => {
    const first = await recomputeCounty("610403", { actor: systemActor("610403") });
    expect(first.entitlements).toBeGreaterThan(5);
    const second = await recomputeCounty("610403", { actor: systemActor("610403"), chunkSize: 3 });
    expect(second).toMatchObject({ entitlements: first.entitlements, changed: 0, proposalsCreated: 0, overpaymentsCreated: 0 });
  });

  it("lists entitlements, overpayments with township totals, and the month's amounts due", async () => {
    const list = await listEntitlements(actors.reviewer, ZEntitlementListQuery.parse({ itemCode: "610403-04" }));
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((i) => i.itemCode === "610403-04" && i.townshipName === "杨陵街道")).toBe(true);
    const stopped = await listEntitlements(actors.approver, ZEntitlementListQuery.parse({ status: "stopped" }));
    expect(stopped.items.every((i) => i.status === "stopped")).toBe(true);
    const outsider = await createActor({ role: "township_reviewer", regionCode: YANGLING.township2 });
    expect((await listEntitlements(outsider, ZEntitlementListQuery.parse({}))).total).toBe(0);

    const o = await pendingOverpayment();
    const overpayments = await listOverpayments(actors.approver, ZOverpaymentListQuery.parse({}));
    expect(overpayments.byTownship.map((t) => t.townshipName)).toEqual(["杨陵街道"]);
    expect(overpayments.sum.pendingFen).toBeGreaterThanOrEqual(o.amountFen);
    expect(overpayments.items.map((i) => i.id)).toContain(o.id);

    const due = await dueTotals("610403", monthAfter(today));
    const floor = await db.$queryRaw<{ total: bigint }[]>`
      SELECT COALESCE(sum(monthly_amount_fen), 0) AS total FROM entitlement_segments
       WHERE county_code = '610403' AND from_month <= ${monthAfter(today)} AND (to_month IS NULL OR to_month >= ${monthAfter(today)})`;
    expect(due.totalFen).toBe(Number(floor[0].total));
    expect(due.byItem.reduce((s, i) => s + i.totalFen, 0)).toBe(due.totalFen);
    expect(due.count).toBeGreaterThan(0);
  });

  it("an overpayment is recovered or waived by the county approver, once", async () => {
    const o = await pendingOverpayment();
    expect(await errorCodeOf(decideOverpayment(actors.reviewer, meta, { decision: "waived", id: o.id, version: o.version, reason: "困难" }))).toBe("FORBIDDEN");
    await expect(decideOverpayment(actors.approver, meta, { decision: "recovered", id: o.id, version: o.version, amountFen: o.amountFen + 1, recoveredOn: today, method: "cash" })).rejects.toMatchObject({
      code: "VALIDATION",
    });
    await decideOverpayment(actors.approver, meta, { decision: "recovered", id: o.id, version: o.version, amountFen: o.amountFen, recoveredOn: today, method: "bank_deduction" });
    expect(await db.overpayment.findUniqueOrThrow({ where: { id: o.id } })).toMatchObject({ status: "recovered", recoveredAmountFen: o.amountFen, recoveryMethod: "bank_deduction" });
    expect(await errorCodeOf(decideOverpayment(actors.approver, meta, { decision: "waived", id: o.id, version: o.version, reason: "x" }))).toBe("CASE_CONFLICT");
    // Settled months are never claimed twice.
    expect((await recomputeCounty("610403", { actor: systemActor("610403") })).overpaymentsCreated).toBe(0);
  });
});
