import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createActor, createElder, createUser, YANGLING } from "@/lib/testing/factories";
import { advanceCase, createDraftCase, ITEM_WITH_NOTICE, type TCaseActors } from "@/lib/testing/case-factories";
import { loadSeedCatalogue } from "@/lib/catalogue/service";
import { addDays, todayInShanghai } from "@/lib/dates";
import { createToken, revokeToken } from "@/lib/tokens/service";
import { setUserActive } from "@/lib/users/service";
import { ZCaseCreated, ZCaseResource } from "@/lib/api/schemas";
import type { TActor } from "@/lib/authz/actor";
import { POST as createCaseRoute } from "@/app/api/v1/cases/route";
import { GET as getCaseRoute } from "@/app/api/v1/cases/[caseNo]/route";
import { POST as actRoute } from "@/app/api/v1/cases/[caseNo]/actions/route";

// The case API end to end: route handlers called with a Request carrying a real Bearer token.
// The session is stubbed only to show that a request without a valid token never falls back to
// the signed-in account of the browser.
let sessionActor: TActor | null = null;
vi.mock("@/lib/auth/session", () => ({ resolveActor: async () => sessionActor }));

const meta = { ip: "127.0.0.1", userAgent: "vitest" };
const CONFLICT_MESSAGE = "该业务已被他人处理，请刷新后重试";

let actors: TCaseActors;
let admin: TActor;
const tokens = {} as Record<"clerk" | "reviewer" | "approver" | "otherReviewer", string>;

const elder82 = () => createElder({ birthDate: addDays(todayInShanghai(), -(82 * 365 + 30)), villageCode: YANGLING.village1 });

function request(method: "GET" | "POST", path: string, options: { token?: string | null; authorization?: string; body?: unknown; rawBody?: string } = {}) {
  const headers = new Headers({ "user-agent": "integration-system/1.0", "x-forwarded-for": "10.1.2.3" });
  if (options.authorization !== undefined) headers.set("authorization", options.authorization);
  else if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  if (options.body !== undefined || options.rawBody !== undefined) headers.set("content-type", "application/json");
  return new Request(`http://localhost${path}`, { method, headers, body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)) });
}

const params = <P extends Record<string, string>>(p: P) => ({ params: Promise.resolve(p) });

const createVia = (token: string | null, body: unknown) => createCaseRoute(request("POST", "/api/v1/cases", { token, body }), undefined as never);
const getVia = (token: string | null, caseNo: string) => getCaseRoute(request("GET", `/api/v1/cases/${caseNo}`, { token }), params({ caseNo }));
const actVia = (token: string | null, caseNo: string, body: unknown) => actRoute(request("POST", `/api/v1/cases/${caseNo}/actions`, { token, body }), params({ caseNo }));

async function counts(caseNo?: string) {
  return {
    cases: await db.case.count(),
    steps: caseNo ? await db.caseStep.count({ where: { case: { caseNo } } }) : await db.caseStep.count(),
    audit: await db.auditLog.count(),
  };
}

beforeAll(async () => {
  await loadSeedCatalogue("610403");
  admin = await createActor({ role: "county_admin" });
  actors = {
    clerk: await createActor({ role: "village_clerk", regionCode: YANGLING.village1, displayName: "赵丽" }),
    reviewer: await createActor({ role: "township_reviewer", regionCode: YANGLING.township1, displayName: "刘芳" }),
    approver: await createActor({ role: "county_approver", regionCode: YANGLING.county, displayName: "李秀英" }),
  };
  const otherReviewer = await createActor({ role: "township_reviewer", regionCode: YANGLING.township2 });
  const issue = async (a: TActor) => (await createToken(admin, meta, { userId: a.userId!, name: "对接测试" })).token;
  tokens.clerk = await issue(actors.clerk);
  tokens.reviewer = await issue(actors.reviewer);
  tokens.approver = await issue(actors.approver);
  tokens.otherReviewer = await issue(otherReviewer);
});

describe("POST /api/v1/cases", () => {
  it("creates a draft case for the token's account: 201 with the case number, audited with the caller's address", async () => {
    const elder = await elder82();
    const response = await createVia(tokens.clerk, { elderId: elder.id, itemCode: ITEM_WITH_NOTICE, channel: "window", comment: "窗口受理" });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(Object.keys(body)).toEqual(["caseNo", "status", "version", "elderId", "itemCode", "itemName", "catalogueVersion", "dueDate", "createdAt"]);
    expect(ZCaseCreated.parse(body)).toMatchObject({ status: "draft", version: 0, elderId: elder.id, itemCode: ITEM_WITH_NOTICE, itemName: "高龄津贴", catalogueVersion: 1 });
    expect(body.caseNo).toMatch(/^610403-\d{4}-\d{6}$/);
    expect(body.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(response.headers.get("location")).toBe(`/api/v1/cases/${body.caseNo}`);

    const row = await db.case.findUniqueOrThrow({ where: { caseNo: body.caseNo }, include: { steps: true } });
    expect(row).toMatchObject({ createdBy: actors.clerk.username, channel: "window", applicantRelation: "本人" });
    expect(row.steps.map((s) => [s.action, s.actorName, s.comment])).toEqual([["create", "赵丽", "窗口受理"]]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { event: "case.created", entityId: body.caseNo } });
    expect(audit).toMatchObject({ actorUsername: actors.clerk.username, actorRole: "village_clerk", ip: "10.1.2.3", userAgent: "integration-system/1.0" });
    const token = await db.apiToken.findFirstOrThrow({ where: { userId: actors.clerk.userId! } });
    expect(token.lastUsedAt).toBeInstanceOf(Date);
  });

  it("answers 422 with field errors for a bad body, and writes nothing", async () => {
    const before = await counts();
    const bad = await createVia(tokens.clerk, { elderId: "nope", channel: "fax" });
    expect(bad.status).toBe(422);
    const body = await bad.json();
    expect(body.error).toMatchObject({ code: "VALIDATION", message: "填写的内容有误，请按提示修改。" });
    expect(Object.keys(body.error.fieldErrors).sort()).toEqual(["channel", "elderId", "itemCode"]);
    expect(body.error.fieldErrors.elderId).toEqual(["格式不正确。"]);
    const malformed = await createCaseRoute(request("POST", "/api/v1/cases", { token: tokens.clerk, rawBody: "{not json" }), undefined as never);
    expect(malformed.status).toBe(422);
    // An item the catalogue does not have is refused by the service, also before any write.
    const elder = await elder82();
    const unknownItem = await createVia(tokens.clerk, { elderId: elder.id, itemCode: "610403-99", channel: "window" });
    expect(unknownItem.status).toBe(422);
    expect(await counts()).toEqual(before);
  });

  it("answers 403 for a role that may not apply and 404 for an elder outside the region", async () => {
    const elder = await elder82();
    const before = await counts();
    const approver = await createVia(tokens.approver, { elderId: elder.id, itemCode: ITEM_WITH_NOTICE, channel: "window" });
    expect(approver.status).toBe(403);
    expect((await approver.json()).error.code).toBe("FORBIDDEN");
    const outside = await createVia(tokens.otherReviewer, { elderId: elder.id, itemCode: ITEM_WITH_NOTICE, channel: "proactive" });
    expect(outside.status).toBe(404);
    expect(await counts()).toEqual(before);
  });
});

describe("GET /api/v1/cases/{caseNo} and POST …/actions", () => {
  it("shows the case with its timeline, then takes an action: 200 with the new status and version", async () => {
    const elder = await elder82();
    const created = await createDraftCase(actors.clerk, { elderId: elder.id });
    await advanceCase(created.caseNo, "township_review", actors);

    const response = await getVia(tokens.reviewer, created.caseNo);
    expect(response.status).toBe(200);
    const body = ZCaseResource.parse(await response.json());
    expect(body).toMatchObject({
      caseNo: created.caseNo,
      status: "township_review",
      version: 4,
      elder: { id: elder.id, name: elder.name },
      item: { code: ITEM_WITH_NOTICE, name: "高龄津贴", catalogueVersion: 1 },
      channel: "window",
      eligible: true,
      amounts: { monthlyAmountFen: 10000, oneOffAmountFen: null },
      overdue: false,
      entitlement: null,
    });
    expect(body.elder.idNumberMasked).toMatch(/^\d{4}\*+\d{3}[\dX]$/);
    expect(body.elder.idNumberMasked).not.toBe(elder.idNumber);
    expect(body.reasons.length).toBeGreaterThan(0);
    expect(body.reasons.every((r) => typeof r === "string" && r.length > 0)).toBe(true);
    expect(body.availableActions).toEqual(expect.arrayContaining(["review_approve", "return"]));
    expect(body.timeline.map((s) => [s.action, s.fromStatus, s.toStatus, s.actor, s.actorRole])).toEqual([
      ["create", null, "draft", "赵丽", "village_clerk"],
      ["submit", "draft", "verification", "赵丽", "village_clerk"],
      ["verify", "verification", "notice_pending", "赵丽", "village_clerk"],
      ["start_notice", "notice_pending", "in_notice", "赵丽", "village_clerk"],
      ["end_notice", "in_notice", "township_review", "赵丽", "village_clerk"],
    ]);
    expect(body.timeline[2].comment).toBe("入户核查属实");

    const acted = await actVia(tokens.reviewer, created.caseNo, { action: "review_approve", comment: "材料齐全", expectedVersion: 4 });
    expect(acted.status).toBe(200);
    expect(await acted.json()).toEqual({ caseNo: created.caseNo, status: "county_approval", version: 5 });
    const approved = await actVia(tokens.approver, created.caseNo, { action: "approve", expectedVersion: 5 });
    expect(await approved.json()).toEqual({ caseNo: created.caseNo, status: "approved", version: 6 });
    const after = ZCaseResource.parse(await (await getVia(tokens.clerk, created.caseNo)).json());
    expect(after.timeline.slice(-2).map((s) => [s.action, s.actor, s.comment])).toEqual([
      ["review_approve", "刘芳", "材料齐全"],
      ["approve", "李秀英", null],
    ]);
    expect(after.entitlement).toMatchObject({ monthlyAmountFen: 10000, status: "active" });
    expect(after.availableActions).toEqual([]);
  });

  it("lets exactly one of two simultaneous actions on the same version through; the other is 409 and writes nothing", async () => {
    const elder = await elder82();
    const created = await createDraftCase(actors.clerk, { elderId: elder.id });
    const c = await advanceCase(created.caseNo, "township_review", actors);
    const before = await counts(created.caseNo);
    const auditBefore = await db.auditLog.count({ where: { entityType: "case", entityId: created.caseNo } });

    const responses = await Promise.all([
      actVia(tokens.reviewer, created.caseNo, { action: "review_approve", expectedVersion: c.version }),
      actVia(tokens.reviewer, created.caseNo, { action: "return", comment: "缺少户口簿复印件", expectedVersion: c.version }),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = responses.find((r) => r.status === 409)!;
    expect(await loser.json()).toEqual({ error: { code: "CASE_CONFLICT", message: CONFLICT_MESSAGE } });
    const winner = await responses.find((r) => r.status === 200)!.json();
    expect(winner.version).toBe(c.version + 1);

    const after = await counts(created.caseNo);
    expect(after.steps).toBe(before.steps + 1);
    expect(await db.auditLog.count({ where: { entityType: "case", entityId: created.caseNo } })).toBe(auditBefore + 1);
    const row = await db.case.findUniqueOrThrow({ where: { caseNo: created.caseNo } });
    expect(row).toMatchObject({ version: c.version + 1, status: winner.status });

    // Sent again with the now stale version: 409 as well.
    const stale = await actVia(tokens.reviewer, created.caseNo, { action: "review_approve", expectedVersion: c.version });
    expect(stale.status).toBe(409);
    expect((await stale.json()).error.message).toBe(CONFLICT_MESSAGE);
  });

  it("answers 403 when the role may not take the action, 404 outside the region or for a malformed number, 422 for a bad body", async () => {
    const elder = await elder82();
    const created = await createDraftCase(actors.clerk, { elderId: elder.id });
    const c = await advanceCase(created.caseNo, "county_approval", actors);
    const before = await counts(created.caseNo);

    const clerkApproves = await actVia(tokens.clerk, created.caseNo, { action: "approve", expectedVersion: c.version });
    expect(clerkApproves.status).toBe(403);
    expect((await clerkApproves.json()).error).toEqual({ code: "FORBIDDEN", message: "您没有执行此操作的权限。" });

    // 李台街道's reviewer: the case of 杨陵街道 does not exist for them.
    const outsideGet = await getVia(tokens.otherReviewer, created.caseNo);
    expect(outsideGet.status).toBe(404);
    expect((await outsideGet.json()).error.code).toBe("NOT_FOUND");
    expect((await actVia(tokens.otherReviewer, created.caseNo, { action: "withdraw", comment: "撤回", expectedVersion: c.version })).status).toBe(404);
    expect((await getVia(tokens.reviewer, "610403-2026-12")).status).toBe(404);
    expect((await actVia(tokens.approver, "not-a-case", { action: "approve", expectedVersion: 0 })).status).toBe(404);
    expect((await getVia(tokens.reviewer, "610403-1999-999999")).status).toBe(404);

    const badBody = await actVia(tokens.approver, created.caseNo, { action: "promote", expectedVersion: "x" });
    expect(badBody.status).toBe(422);
    expect(Object.keys((await badBody.json()).error.fieldErrors).sort()).toEqual(["action", "expectedVersion"]);
    // 不予批准 needs a reason: 422 on the comment, nothing written.
    const noReason = await actVia(tokens.approver, created.caseNo, { action: "reject", expectedVersion: c.version });
    expect(noReason.status).toBe(422);
    expect((await noReason.json()).error.fieldErrors).toEqual({ comment: [expect.any(String)] });
    expect(await counts(created.caseNo)).toEqual(before);
    expect((await db.case.findUniqueOrThrow({ where: { caseNo: created.caseNo } })).version).toBe(c.version);
  });
});

describe("authentication", () => {
  it("answers 401 without a token, with an unknown, malformed or revoked token, or for a disabled account — never falling back to the session", async () => {
    const elder = await elder82();
    const created = await createDraftCase(actors.clerk, { elderId: elder.id });
    const unauthenticated = async (response: Response) => {
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe("Bearer");
      expect((await response.json()).error).toEqual({ code: "UNAUTHENTICATED", message: "请先登录。" });
    };
    // No Authorization header and no session.
    sessionActor = null;
    await unauthenticated(await getVia(null, created.caseNo));

    // A signed-in browser session does not rescue a bad token.
    sessionActor = actors.clerk;
    expect((await getVia(null, created.caseNo)).status).toBe(200);
    await unauthenticated(await getVia(`yy_${"x".repeat(43)}`, created.caseNo));
    await unauthenticated(await getVia("not-a-token", created.caseNo));
    await unauthenticated(await getCaseRoute(request("GET", `/api/v1/cases/${created.caseNo}`, { authorization: "Bearer" }), params({ caseNo: created.caseNo })));
    await unauthenticated(await getCaseRoute(request("GET", `/api/v1/cases/${created.caseNo}`, { authorization: `Bearer ${tokens.clerk}x` }), params({ caseNo: created.caseNo })));

    const user = await createUser({ role: "village_clerk", regionCode: YANGLING.village1 });
    const issued = await createToken(admin, meta, { userId: user.id, name: "将吊销" });
    expect((await getVia(issued.token, created.caseNo)).status).toBe(200);
    await revokeToken(admin, meta, { tokenId: issued.id });
    await unauthenticated(await getVia(issued.token, created.caseNo));
    const before = await counts();
    await unauthenticated(await actVia(issued.token, created.caseNo, { action: "submit", expectedVersion: 0 }));
    await unauthenticated(await createVia(issued.token, { elderId: elder.id, itemCode: ITEM_WITH_NOTICE, channel: "window" }));
    expect(await counts()).toEqual(before);

    const second = await createToken(admin, meta, { userId: user.id, name: "账户停用" });
    await setUserActive(admin, meta, user.id, false);
    await unauthenticated(await getVia(second.token, created.caseNo));
    sessionActor = null;
  });
});
