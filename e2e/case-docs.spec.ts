import { test } from "@playwright/test";
import { createElder, createUser, YANGLING } from "@/lib/testing/factories";
import { advanceCase, createDraftCase, ITEM_WITHOUT_NOTICE } from "@/lib/testing/case-factories";
import { actorFromUser } from "@/lib/users/actor-from-user";
import { addDays, todayInShanghai } from "@/lib/dates";
import { expect, loginAs } from "./fixtures";

// The application form's checks and the printed documents: 申请审批表, 公示名单, 不予批准告知书.

const elder82 = (name: string) => createElder({ name, birthDate: addDays(todayInShanghai(), -(82 * 365 + 40)), villageCode: YANGLING.village1 });
const suffix = () => Date.now().toString(36).slice(-3);

async function caseActors() {
  const [clerk, reviewer, approver] = await Promise.all([
    createUser({ role: "village_clerk", regionCode: YANGLING.village1, displayName: "赵丽" }),
    createUser({ role: "township_reviewer", regionCode: YANGLING.township1, displayName: "刘芳" }),
    createUser({ role: "county_approver", regionCode: YANGLING.county, displayName: "李秀英" }),
  ]);
  return { clerk: actorFromUser(clerk), reviewer: actorFromUser(reviewer), approver: actorFromUser(approver) };
}

test("an agent's application needs the agent's name and relation; an open application for the same item is flagged", async ({ page }) => {
  const elder = await elder82(`文书甲${suffix()}`);
  await loginAs(page, "village_clerk", YANGLING.village1);
  await page.goto(`/cases/new?elderId=${elder.id}&itemCode=610403-04`);
  await expect(page.getByLabel("申请项目", { exact: true })).toHaveValue("610403-04");
  await page.getByLabel("代办人代为申请").check();
  await page.getByLabel("代办人联系电话").fill("12345");
  await page.getByTestId("submit-case").click();
  await expect(page.getByTestId("error-applicantName")).toHaveText("请填写代办人姓名");
  await expect(page.getByTestId("error-applicantRelation")).toHaveText("请填写代办人与老人的关系");
  await expect(page.getByTestId("error-applicantPhone")).not.toBeEmpty();
  await page.getByLabel("代办人姓名").fill("王建国");
  await page.getByLabel("与老人关系").fill("儿子");
  await page.getByLabel("代办人联系电话").fill("13800138000");
  await page.getByTestId("submit-case").click();
  await expect(page).toHaveURL(/\/cases\/610403-\d{4}-\d{6}\?done=created$/);
  const caseNo = page.url().split("/cases/")[1].split("?")[0];

  // Applying again for the same item: the form says there is one open, and does not submit.
  await page.goto(`/cases/new?elderId=${elder.id}&itemCode=610403-04`);
  await expect(page.getByTestId("item-blocked")).toContainText(caseNo);
  await expect(page.getByTestId("submit-case")).toBeDisabled();

  // The elder's 业务 tab lists it.
  await page.goto(`/elders/${elder.id}?tab=cases`);
  await expect(page.getByTestId("elder-cases").locator(`[data-case="${caseNo}"]`)).toContainText("待受理");
});

test("the 申请审批表 fills each level's box from the timeline and leaves later ones empty", async ({ page }) => {
  const actors = await caseActors();
  const elder = await elder82(`文书乙${suffix()}`);
  const c = await createDraftCase(actors.clerk, { elderId: elder.id });
  await advanceCase(c.caseNo, "county_approval", actors);
  await loginAs(page, "county_approver", YANGLING.county);
  await page.goto(`/cases/${c.caseNo}/print`);
  await expect(page.getByTestId("doc-title")).toHaveText("杨陵区基本养老服务申请审批表");
  await expect(page.getByTestId("doc-applicant")).toContainText(elder.name);
  await expect(page.getByTestId("doc-applicant")).toContainText("本人申请");
  await expect(page.getByTestId("doc-amount")).toHaveText("每月 ¥100.00");
  await expect(page.getByTestId("box-village")).toContainText("入户核查属实");
  await expect(page.getByTestId("box-village")).toContainText("赵丽");
  await expect(page.getByTestId("box-notice")).toContainText("公示期满，无异议");
  await expect(page.getByTestId("box-township")).toContainText("刘芳");
  await expect(page.getByTestId("box-county")).not.toContainText("李秀英");
  await expect(page.getByTestId("print-button")).toBeVisible();
  // Not rejected: there is no rejection notice to print.
  expect((await page.goto(`/cases/${c.caseNo}/rejection-notice`))?.status()).toBe(404);

  // An item without a notice says so.
  const other = await createDraftCase(actors.clerk, { elderId: elder.id, itemCode: ITEM_WITHOUT_NOTICE });
  await page.goto(`/cases/${other.caseNo}/print`);
  await expect(page.getByTestId("box-notice")).toContainText("本项目无需公示");
});

test("the township's 公示名单 lists the cases on notice; another township's reviewer gets 404", async ({ page, browser }) => {
  const actors = await caseActors();
  const elder = await elder82(`文书丙${suffix()}`);
  const c = await createDraftCase(actors.clerk, { elderId: elder.id });
  await advanceCase(c.caseNo, "in_notice", actors);
  await loginAs(page, "township_reviewer", YANGLING.township1);
  await page.goto("/cases/notice");
  await expect(page.getByTestId("doc-title")).toHaveText("杨陵区杨陵街道基本养老服务对象公示名单");
  const row = page.getByTestId("notice-rows").locator(`[data-case="${c.caseNo}"]`);
  await expect(row).toContainText(elder.name);
  await expect(row).toContainText("凤岗路社区");
  await expect(row).toContainText("每月 ¥100.00");
  await expect(page.getByTestId("notice-objection")).toHaveText("公示期内如有异议，请向乡镇(街道)或县民政局反映。");

  const context = await browser.newContext();
  try {
    const otherPage = await context.newPage();
    await loginAs(otherPage, "township_reviewer", YANGLING.township2);
    expect((await otherPage.goto("/cases/notice?township=610403001"))?.status()).toBe(404);
  } finally {
    await context.close();
  }
});
