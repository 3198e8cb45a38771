import { test, type Browser, type Page } from "@playwright/test";
import { db } from "@/lib/db";
import { createElder, createUser, YANGLING } from "@/lib/testing/factories";
import { advanceCase, createDraftCase, ITEM_WITHOUT_NOTICE, letNoticeRunOut } from "@/lib/testing/case-factories";
import { actorFromUser } from "@/lib/users/actor-from-user";
import { addDays, todayInShanghai } from "@/lib/dates";
import { benefitStartMonth } from "@/lib/cases/deadlines";
import { expect, signIn } from "./fixtures";

// Three people at three desks, each in a browser of their own: the village clerk of 凤岗路社区,
// the reviewer of 杨陵街道 and the county approver of 杨陵区.
async function desk(browser: Browser, role: "village_clerk" | "township_reviewer" | "county_approver", regionCode: string) {
  const user = await createUser({ role, regionCode, displayName: `${role.slice(0, 4)}${Date.now().toString(36).slice(-4)}` });
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, user.username);
  return { user, page, actor: actorFromUser(user) };
}

type TDesk = Awaited<ReturnType<typeof desk>>;
let clerk: TDesk;
let reviewer: TDesk;
let approver: TDesk;

test.beforeEach(async ({ browser }) => {
  clerk = await desk(browser, "village_clerk", YANGLING.village1);
  reviewer = await desk(browser, "township_reviewer", YANGLING.township1);
  approver = await desk(browser, "county_approver", YANGLING.county);
});

test.afterEach(async () => {
  for (const d of [clerk, reviewer, approver]) await d.page.context().close();
});

/** An 82-year-old of 凤岗路社区, local 户籍: 高龄津贴 ¥100 a month. */
const elder82 = (name: string) => createElder({ name, birthDate: addDays(todayInShanghai(), -(82 * 365 + 40)), villageCode: YANGLING.village1 });

async function act(page: Page, action: string, comment?: string) {
  await page.getByTestId("case-action-panel").getByRole("button", { name: action, exact: true }).click();
  if (comment !== undefined) {
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("textbox").fill(comment);
    await dialog.getByRole("button", { name: action, exact: true }).click();
  }
}

const actors = () => ({ clerk: clerk.actor, reviewer: reviewer.actor, approver: approver.actor });

test("a clerk applies and accepts, the township reviews, the county approves, and the elder's page shows the benefit", async () => {
  const elder = await elder82(`业务甲${Date.now().toString(36).slice(-3)}`);
  const page = clerk.page;

  // 发起申请 from the elder's page.
  await page.goto(`/elders/${elder.id}`);
  await page.getByRole("link", { name: "发起申请" }).first().click();
  await expect(page.getByRole("heading", { name: "发起申请" })).toBeVisible();
  await page.getByLabel("申请项目", { exact: true }).selectOption("610403-04");
  await expect(page.getByTestId("item-eligible")).toContainText("100.00");
  await page.getByTestId("submit-case").click();
  await expect(page.getByTestId("case-status")).toHaveText("待受理");
  const caseNo = page.url().split("/cases/")[1].split("?")[0];
  expect(caseNo).toMatch(/^610403-\d{4}-\d{6}$/);

  // 受理 → 入户核查 (a finding is required) → 公示.
  await act(page, "受理");
  await expect(page.getByTestId("case-status")).toHaveText("待入户核查");
  await expect(page.getByTestId("eligibility")).toContainText("符合");
  await page.getByTestId("case-action-panel").getByRole("button", { name: "入户核查", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "入户核查", exact: true }).click();
  await expect(page.getByRole("dialog")).toContainText("请填写意见或理由");
  await page.getByRole("dialog").getByRole("textbox").fill("入户核查：本人在家，户籍与居住属实");
  await page.getByRole("dialog").getByRole("button", { name: "入户核查", exact: true }).click();
  await expect(page.getByTestId("case-status")).toHaveText("待公示");
  await act(page, "开始公示");
  await expect(page.getByTestId("case-status")).toHaveText("公示中");
  await expect(page.getByTestId("case-action-panel").getByRole("button", { name: "公示期满", exact: true })).toHaveCount(0);
  // Seven days pass.
  await letNoticeRunOut(caseNo);
  await page.reload();
  await act(page, "公示期满");
  await expect(page.getByTestId("case-status")).toHaveText("待乡镇审核");

  // The township reviewer finds it in the inbox.
  await reviewer.page.goto("/cases");
  await reviewer.page.getByRole("link", { name: caseNo }).click();
  await expect(reviewer.page.getByTestId("case-findings")).toContainText("本人在家");
  await act(reviewer.page, "审核通过");
  await expect(reviewer.page.getByTestId("case-status")).toHaveText("待县级审批");

  // The county approves.
  await approver.page.goto("/cases");
  await approver.page.getByRole("link", { name: caseNo }).click();
  await act(approver.page, "批准");
  await expect(approver.page.getByTestId("case-status")).toHaveText("已批准");
  const entitlement = approver.page.getByTestId("case-entitlement");
  await expect(entitlement).toContainText(benefitStartMonth(todayInShanghai(), "next_month"));
  await expect(entitlement).toContainText("100.00");
  const timeline = approver.page.getByTestId("case-timeline");
  for (const step of ["受理", "入户核查", "开始公示", "公示期满", "审核通过", "批准"]) await expect(timeline).toContainText(step);

  // The elder's page shows the approved benefit.
  await page.goto(`/elders/${elder.id}?tab=benefits`);
  await expect(page.getByTestId("elder-benefits")).toContainText("高龄津贴");
  await expect(page.getByTestId("benefit-amount")).toContainText("100.00");
  await expect(page.getByTestId("elder-benefits")).toContainText(caseNo);
});

test("the reviewer returns a case for correction with a reason; the clerk corrects and resubmits", async () => {
  const elder = await elder82(`业务乙${Date.now().toString(36).slice(-3)}`);
  const draft = await createDraftCase(clerk.actor, { elderId: elder.id, itemCode: ITEM_WITHOUT_NOTICE });
  await advanceCase(draft.caseNo, "township_review", actors());

  const page = reviewer.page;
  await page.goto(`/cases/${draft.caseNo}`);
  await page.getByTestId("case-action-panel").getByRole("button", { name: "退回", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "退回", exact: true }).click();
  await expect(page.getByRole("dialog")).toContainText("请填写意见或理由");
  expect((await db.case.findUniqueOrThrow({ where: { caseNo: draft.caseNo } })).status).toBe("township_review");
  await page.getByRole("dialog").getByRole("textbox").fill("缺少户口簿复印件，请补正");
  await page.getByRole("dialog").getByRole("button", { name: "退回", exact: true }).click();
  await expect(page.getByTestId("case-status")).toHaveText("退回补正");

  await clerk.page.goto("/cases");
  const row = clerk.page.getByRole("row").filter({ hasText: draft.caseNo });
  await expect(row).toContainText("退回补正");
  await row.getByRole("link", { name: draft.caseNo }).click();
  await expect(clerk.page.getByTestId("last-reason")).toContainText("缺少户口簿复印件");
  await act(clerk.page, "受理");
  await expect(clerk.page.getByTestId("case-status")).toHaveText("待入户核查");
  await act(clerk.page, "入户核查", "已补户口簿复印件");
  await expect(clerk.page.getByTestId("case-status")).toHaveText("待乡镇审核");
});

test("the county rejects with a reason and prints the rejection notice", async () => {
  const elder = await elder82(`业务丙${Date.now().toString(36).slice(-3)}`);
  const draft = await createDraftCase(clerk.actor, { elderId: elder.id, itemCode: ITEM_WITHOUT_NOTICE });
  await advanceCase(draft.caseNo, "county_approval", actors());

  const page = approver.page;
  await page.goto(`/cases/${draft.caseNo}`);
  await act(page, "不予批准", "经核实，申请人已入住养老机构，不符合居家条件");
  await expect(page.getByTestId("case-status")).toHaveText("不予批准");
  await expect(page.getByTestId("case-action-panel")).toContainText("当前没有需要您办理的操作");
  await page.getByRole("link", { name: "不予批准告知书" }).click();
  await expect(page.getByRole("heading", { name: "不予批准告知书" })).toBeVisible();
  const notice = page.locator("main");
  await expect(notice).toContainText(elder.name);
  await expect(notice).toContainText(draft.caseNo);
  await expect(notice).toContainText("经核实，申请人已入住养老机构，不符合居家条件");
  await expect(notice).toContainText("六十日内依法申请行政复议");
  await expect(notice).toContainText("杨陵区民政局");
  await expect(page.getByTestId("print-button")).toBeVisible();
});

test("two approvers act on one case at once: one succeeds, the other is told someone else handled it", async ({ browser }) => {
  const elder = await elder82(`业务丁${Date.now().toString(36).slice(-3)}`);
  const draft = await createDraftCase(clerk.actor, { elderId: elder.id, itemCode: ITEM_WITHOUT_NOTICE });
  await advanceCase(draft.caseNo, "county_approval", actors());
  const second = await desk(browser, "county_approver", YANGLING.county);
  try {
    await approver.page.goto(`/cases/${draft.caseNo}`);
    await second.page.goto(`/cases/${draft.caseNo}`);
    await act(approver.page, "批准");
    await expect(approver.page.getByTestId("case-status")).toHaveText("已批准");
    await act(second.page, "不予批准", "重复办理");
    await expect(second.page.getByRole("dialog")).toContainText("该业务已被他人处理，请刷新后重试");
    const c = await db.case.findUniqueOrThrow({ where: { caseNo: draft.caseNo } });
    expect(c.status).toBe("approved");
    expect(await db.auditLog.count({ where: { entityId: draft.caseNo, event: "case.reject" } })).toBe(0);
  } finally {
    await second.page.context().close();
  }
});

test("a reviewer of another township gets 404 for the case", async ({ browser }) => {
  const elder = await elder82(`业务戊${Date.now().toString(36).slice(-3)}`);
  const draft = await createDraftCase(clerk.actor, { elderId: elder.id, itemCode: ITEM_WITHOUT_NOTICE });
  await advanceCase(draft.caseNo, "township_review", actors());
  const other = await desk(browser, "township_reviewer", YANGLING.township2);
  try {
    const response = await other.page.goto(`/cases/${draft.caseNo}`);
    expect(response?.status()).toBe(404);
    await expect(other.page.getByTestId("not-found")).toContainText("页面不存在");
    await other.page.goto("/cases?view=all");
    await expect(other.page.getByRole("link", { name: draft.caseNo })).toHaveCount(0);
  } finally {
    await other.page.context().close();
  }
});
