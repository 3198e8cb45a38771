import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { errorCodeOf } from "@/lib/testing/error-code";
import { createActor, createElder, YANGLING } from "@/lib/testing/factories";
import { advanceCase, createDraftCase, ITEM_WITH_NOTICE, ITEM_WITHOUT_NOTICE, letNoticeRunOut, type TCaseActors } from "@/lib/testing/case-factories";
import { loadSeedCatalogue } from "@/lib/catalogue/service";
import { actOnCase, bulkApprove } from "@/lib/cases/service";
import { getCase, listCases, noticeList } from "@/lib/cases/queries";
import { listElderEntitlements } from "@/lib/entitlements/queries";
import { addDays, todayInShanghai } from "@/lib/dates";
import { benefitStartMonth } from "@/lib/cases/deadlines";
import type { TActor } from "@/lib/authz/actor";

const meta = { ip: "127.0.0.1", userAgent: "vitest" };
let actors: TCaseActors;
let otherReviewer: TActor;
let viewer: TActor;

// An 82-year-old of 凤岗路社区 (杨陵街道): 高龄津贴 100 yuan a month.
const elder82 = () => createElder({ birthDate: addDays(todayInShanghai(), -(82 * 365 + 30)), villageCode: YANGLING.village1 });

beforeAll(async () => {
  await loadSeedCatalogue("610403");
  actors = {
    clerk: await createActor({ role: "village_clerk", regionCode: YANGLING.village1, displayName: "赵丽" }),
    reviewer: await createActor({ role: "township_reviewer", regionCode: YANGLING.township1, displayName: "刘芳" }),
    approver: await createActor({ role: "county_approver", regionCode: YANGLING.county, displayName: "李秀英" }),
  };
  otherReviewer = await createActor({ role: "township_reviewer", regionCode: YANGLING.township2 });
  viewer = await createActor({ role: "viewer", regionCode: YANGLING.county });
});

describe("the case workflow against the database", () => {
  it("runs from the village window to the county's approval, with a timeline, audit records and an entitlement", async () => {
    const elder = await elder82();
    const created = await createDraftCase(actors.clerk, { elderId: elder.id });
    const year = todayInShanghai().slice(0, 4);
    expect(created.caseNo).toMatch(new RegExp(`^610403-${year}-\\d{6}$`));
    expect(created).toMatchObject({ status: "draft", version: 0, hasNotice: true, noticeDays: 7, applicantRelation: "本人", itemName: "高龄津贴" });

    const submitted = await actOnCase(actors.clerk, meta, created.caseNo, { action: "submit", expectedVersion: 0 });
    expect(submitted).toEqual({ caseNo: created.caseNo, status: "verification", version: 1 });
    let row = await db.case.findUniqueOrThrow({ where: { caseNo: created.caseNo } });
    expect(row).toMatchObject({ eligible: true, monthlyAmountFen: 10000 });
    expect((row.reasons as { text: string }[]).length).toBeGreaterThan(0);

    await actOnCase(actors.clerk, meta, created.caseNo, { action: "verify", comment: "入户核查：本人居住，情况属实", expectedVersion: 1 });
    await actOnCase(actors.clerk, meta, created.caseNo, { action: "start_notice", expectedVersion: 2 });
    row = await db.case.findUniqueOrThrow({ where: { caseNo: created.caseNo } });
    expect(row.status).toBe("in_notice");
    expect(row.noticeEndsOn!.toISOString().slice(0, 10)).toBe(addDays(todayInShanghai(), 6));
    // The notice cannot end early; once its days have passed it can.
    expect(await errorCodeOf(actOnCase(actors.clerk, meta, created.caseNo, { action: "end_notice", expectedVersion: 3 }))).toBe("CASE_NOTICE_RUNNING");
    const township = await noticeList(actors.reviewer, "610403001");
    expect(township.rows.map((r) => r.caseNo)).toContain(created.caseNo);
    await letNoticeRunOut(created.caseNo);
    await actOnCase(actors.clerk, meta, created.caseNo, { action: "end_notice", expectedVersion: 3 });
    await actOnCase(actors.reviewer, meta, created.caseNo, { action: "review_approve", comment: "材料齐全", expectedVersion: 4 });
    const approved = await actOnCase(actors.approver, meta, created.caseNo, { action: "approve", expectedVersion: 5 });
    expect(approved).toMatchObject({ status: "approved", version: 6 });

    const detail = await getCase(actors.approver, created.caseNo);
    expect(detail.steps.map((s) => [s.action, s.toStatus, s.actorName])).toEqual([
      ["create", "draft", "赵丽"],
      ["submit", "verification", "赵丽"],
      ["verify", "notice_pending", "赵丽"],
      ["start_notice", "in_notice", "赵丽"],
      ["end_notice", "township_review", "赵丽"],
      ["review_approve", "county_approval", "刘芳"],
      ["approve", "approved", "李秀英"],
    ]);
    expect(detail.actions).toEqual([]);
    expect(detail.dueDate).toBeNull();
    const benefits = await listElderEntitlements(actors.clerk, elder.id);
    expect(benefits).toEqual([
      expect.objectContaining({ itemCode: ITEM_WITH_NOTICE, monthlyAmountFen: 10000, startMonth: benefitStartMonth(todayInShanghai(), "next_month"), status: "active", caseNo: created.caseNo }),
    ]);
    const audit = await db.auditLog.findMany({ where: { entityType: "case", entityId: created.caseNo }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.event)).toEqual(["case.created", "case.submit", "case.verify", "case.start_notice", "case.end_notice", "case.review_approve", "case.approve"]);
    expect(audit[6]).toMatchObject({ actorUsername: actors.approver.username, actorRole: "county_approver", villageCode: YANGLING.village1 });
    expect(await db.auditLog.count({ where: { event: "entitlement.created", entityId: benefits[0].id } })).toBe(1);
  });

  it("lets exactly one of two simultaneous actions on one version through; the other writes nothing", async () => {
    const elder = await elder82();
    const c = await createDraftCase(actors.clerk, { elderId: elder.id, itemCode: ITEM_WITHOUT_NOTICE });
    const at = await advanceCase(c.caseNo, "county_approval", actors);
    const approver2 = await createActor({ role: "county_approver", regionCode: YANGLING.county });
    const steps = await db.caseStep.count({ where: { caseId: c.id } });
    const results = await Promise.allSettled([
      actOnCase(actors.approver, meta, c.caseNo, { action: "approve", expectedVersion: at.version }),
      actOnCase(approver2, meta, c.caseNo, { action: "reject", comment: "不符合条件", expectedVersion: at.version }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failed = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(failed.reason.code).toBe("CASE_CONFLICT");
    expect(await db.caseStep.count({ where: { caseId: c.id } })).toBe(steps + 1);
    expect(await db.case.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ version: at.version + 1 });
    const decisions = await db.auditLog.count({ where: { entityId: c.caseNo, event: { in: ["case.approve", "case.reject"] } } });
    expect(decisions).toBe(1);
  });

  it("refuses outside the region (404), the wrong role (403), a stale version (409) and a missing reason (422), writing nothing", async () => {
    const elder = await elder82();
    const c = await createDraftCase(actors.clerk, { elderId: elder.id, itemCode: ITEM_WITHOUT_NOTICE });
    const at = await advanceCase(c.caseNo, "township_review", actors);
    const before = await db.auditLog.count();
    expect(await errorCodeOf(actOnCase(otherReviewer, meta, c.caseNo, { action: "review_approve", expectedVersion: at.version }))).toBe("NOT_FOUND");
    expect(await errorCodeOf(getCase(otherReviewer, c.caseNo))).toBe("NOT_FOUND");
    expect(await errorCodeOf(actOnCase(actors.clerk, meta, c.caseNo, { action: "approve", expectedVersion: at.version }))).toBe("FORBIDDEN");
    expect(await errorCodeOf(actOnCase(viewer, meta, c.caseNo, { action: "review_approve", expectedVersion: at.version }))).toBe("FORBIDDEN");
    expect(await errorCodeOf(actOnCase(actors.approver, meta, c.caseNo, { action: "return", comment: "x", expectedVersion: at.version }))).toBe("FORBIDDEN");
    expect(await errorCodeOf(actOnCase(actors.reviewer, meta, c.caseNo, { action: "review_approve", expectedVersion: at.version - 1 }))).toBe("CASE_CONFLICT");
    expect(await errorCodeOf(actOnCase(actors.reviewer, meta, c.caseNo, { action: "return", comment: "  ", expectedVersion: at.version }))).toBe("VALIDATION");
    expect(await errorCodeOf(actOnCase(actors.approver, meta, c.caseNo, { action: "approve", expectedVersion: at.version }))).toBe("CASE_WRONG_STATE");
    expect(await db.auditLog.count()).toBe(before);
    expect(await db.case.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ status: "township_review", version: at.version });
  });

  it("returns for correction to the village, and the county's return goes to the township", async () => {
    const elder = await elder82();
    const c = await createDraftCase(actors.clerk, { elderId: elder.id });
    let at = await advanceCase(c.caseNo, "township_review", actors);
    await actOnCase(actors.reviewer, meta, c.caseNo, { action: "return", comment: "缺户口簿复印件", expectedVersion: at.version });
    const returned = await getCase(actors.clerk, c.caseNo);
    expect(returned).toMatchObject({ status: "returned", lastReason: "缺户口簿复印件", noticeCompleted: true });
    expect(returned.actions).toEqual(["submit", "withdraw"]);
    // The corrected case is verified again but the notice already held is not repeated.
    await actOnCase(actors.clerk, meta, c.caseNo, { action: "submit", expectedVersion: returned.version });
    await actOnCase(actors.clerk, meta, c.caseNo, { action: "verify", comment: "已补户口簿", expectedVersion: returned.version + 1 });
    at = await db.case.findUniqueOrThrow({ where: { id: c.id } });
    expect(at.status).toBe("township_review");
    at = await advanceCase(c.caseNo, "county_approval", actors);
    await actOnCase(actors.approver, meta, c.caseNo, { action: "return", comment: "请核实户籍", expectedVersion: at.version });
    expect((await db.case.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("township_review");
  });

  it("refuses a second application for the same item while one is open or the benefit is received", async () => {
    const elder = await elder82();
    const c = await createDraftCase(actors.clerk, { elderId: elder.id });
    expect(await errorCodeOf(createDraftCase(actors.clerk, { elderId: elder.id }))).toBe("CASE_DUPLICATE");
    const raced = await Promise.allSettled([
      createDraftCase(actors.clerk, { elderId: elder.id, itemCode: ITEM_WITHOUT_NOTICE }),
      createDraftCase(actors.clerk, { elderId: elder.id, itemCode: ITEM_WITHOUT_NOTICE }),
    ]);
    expect(raced.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    await advanceCase(c.caseNo, "approved", actors);
    expect(await errorCodeOf(createDraftCase(actors.clerk, { elderId: elder.id }))).toBe("CASE_DUPLICATE");
  });

  it("refuses to approve when the elder no longer qualifies, and rejects with a reason", async () => {
    const elder = await elder82();
    const c = await createDraftCase(actors.clerk, { elderId: elder.id });
    const at = await advanceCase(c.caseNo, "county_approval", actors);
    await db.elder.update({ where: { id: elder.id }, data: { hukouRegionCode: "330727000000" } });
    expect(await errorCodeOf(actOnCase(actors.approver, meta, c.caseNo, { action: "approve", expectedVersion: at.version }))).toBe("CASE_NOT_ELIGIBLE");
    expect(await db.entitlement.count({ where: { caseId: c.id } })).toBe(0);
    await actOnCase(actors.approver, meta, c.caseNo, { action: "reject", comment: "户籍已迁出本县", expectedVersion: at.version });
    expect(await getCase(actors.clerk, c.caseNo)).toMatchObject({ status: "rejected", lastReason: "户籍已迁出本县", decidedBy: actors.approver.username });
  });

  it("approves many at once, each on its own, listing the ones that fail", async () => {
    const ok1 = await createDraftCase(actors.clerk, { elderId: (await elder82()).id, itemCode: ITEM_WITHOUT_NOTICE });
    const ok2 = await createDraftCase(actors.clerk, { elderId: (await elder82()).id, itemCode: ITEM_WITHOUT_NOTICE });
    const stale = await createDraftCase(actors.clerk, { elderId: (await elder82()).id, itemCode: ITEM_WITHOUT_NOTICE });
    const a = await advanceCase(ok1.caseNo, "county_approval", actors);
    const b = await advanceCase(ok2.caseNo, "county_approval", actors);
    const s = await advanceCase(stale.caseNo, "county_approval", actors);
    const result = await bulkApprove(actors.approver, meta, [
      { caseNo: a.caseNo, expectedVersion: a.version },
      { caseNo: s.caseNo, expectedVersion: s.version - 1 },
      { caseNo: b.caseNo, expectedVersion: b.version },
      { caseNo: "330727-2026-000001", expectedVersion: 0 },
    ]);
    expect(result.done.map((d) => d.caseNo)).toEqual([a.caseNo, b.caseNo]);
    expect(result.failed.map((f) => [f.caseNo, (f.error as { code?: string }).code])).toEqual([
      [s.caseNo, "CASE_CONFLICT"],
      ["330727-2026-000001", "NOT_FOUND"],
    ]);
    expect(await db.auditLog.count({ where: { event: "case.approve", entityId: { in: [a.caseNo, b.caseNo, s.caseNo] } } })).toBe(2);
  });

  it("lists each role's inbox within its region, earliest due first", async () => {
    const inbox = await listCases(actors.reviewer, { view: "inbox", page: 1 });
    expect(inbox.items.every((i) => i.status === "township_review" && i.townshipCode === "610403001")).toBe(true);
    const dues = inbox.items.map((i) => i.dueDate!);
    expect([...dues].sort()).toEqual(dues);
    expect((await listCases(otherReviewer, { view: "all", page: 1 })).total).toBe(0);
    const clerkAll = await listCases(actors.clerk, { view: "all", page: 1 });
    expect(clerkAll.total).toBeGreaterThan(0);
    expect(clerkAll.items.every((i) => i.villageCode === YANGLING.village1)).toBe(true);
  });
});
