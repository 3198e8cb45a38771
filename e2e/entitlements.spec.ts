import { test } from "@playwright/test";
import { db } from "@/lib/db";
import { NO_REQUEST_META } from "@/lib/authz/actor";
import { addDays, addMonths, addYears, firstDayOfMonth, monthAfter, monthOf, nextMonth, previousMonth, todayInShanghai } from "@/lib/dates";
import { createElder, createUser, systemActor, YANGLING } from "@/lib/testing/factories";
import { grantThroughWorkflow, recordPayments } from "@/lib/testing/entitlement-factories";
import { actorFromUser } from "@/lib/users/actor-from-user";
import { createDraft, publishDraft, updateDraftItem } from "@/lib/catalogue/service";
import { getVersion } from "@/lib/catalogue/queries";
import { recomputeCounty, recomputeElderEntitlements } from "@/lib/entitlements/recompute";
import { expect, loginAs, signIn } from "./fixtures";

// 待遇发放 in the browser: the county approver's manual actions and their refusals, a death that
// turns paid months into an overpayment to recover, a missed 生存认证 certified at the village,
// and a township reviewer deciding stops a new catalogue version calls for. Each test makes its
// own people through the case workflow, approved in the past where months must have passed.

const today = todayInShanghai();
const thisMonth = monthOf(today);
const suffix = () => Date.now().toString(36).slice(-4);

async function yanglingDesks() {
  const [clerk, reviewer, approver] = await Promise.all([
    createUser({ role: "village_clerk", regionCode: YANGLING.village1 }),
    createUser({ role: "township_reviewer", regionCode: YANGLING.township1 }),
    createUser({ role: "county_approver", regionCode: YANGLING.county }),
  ]);
  return { users: { clerk, reviewer, approver }, actors: { clerk: actorFromUser(clerk), reviewer: actorFromUser(reviewer), approver: actorFromUser(approver) } };
}

/** Someone of 凤岗路社区 aged `age`, the birthday two months away (no bracket moves during a test). */
const elderAged = (age: number, name: string, extra: Parameters<typeof createElder>[0] = {}) =>
  createElder({ name, birthDate: addDays(addYears(today, -age), 60), villageCode: YANGLING.village1, ...extra });

test("the county approver corrects, is told clearly what is wrong, and stops an entitlement from a month", async ({ page }) => {
  const { actors, users } = await yanglingDesks();
  const elder = await elderAged(76, `停发${suffix()}`);
  const e = await grantThroughWorkflow(actors, elder.id, "610403-04", addMonths(today, -2));
  await signIn(page, users.approver.username);
  await page.goto(`/payments/entitlements/${e.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("高龄津贴");
  await expect(page.getByTestId("segment-timeline")).toContainText("每月 ¥50.00");
  await expect(page.getByTestId("due-this-month")).toContainText("¥50.00");

  // An amount below zero: a clear message, nothing written.
  await page.getByTestId("action-correct").click();
  const correct = page.getByTestId("action-form-correct");
  await correct.getByLabel("每月金额（元）").fill("-5");
  await correct.getByLabel("原因").fill("核减");
  await correct.getByRole("button", { name: "保存更正" }).click();
  await expect(correct).toContainText("金额不能小于零。");
  await page.keyboard.press("Escape");

  // A stop month before the start month: refused with the reason.
  await page.getByTestId("action-stop").click();
  const stop = page.getByTestId("action-form-stop");
  await stop.getByLabel("停发起始月份").fill(previousMonth(e.startMonth));
  await stop.getByLabel("原因").fill("本人申请");
  await stop.getByRole("button", { name: "确认停发" }).click();
  await expect(stop).toContainText("起始月份不能早于待遇的起始月份。");
  expect(await db.entitlementAction.count({ where: { entitlementId: e.id } })).toBe(0);

  await stop.getByLabel("停发起始月份").fill(monthAfter(today));
  await stop.getByRole("button", { name: "确认停发" }).click();
  await expect(page.getByText("已停发。").first()).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 }).locator("..")).toContainText("已停发");
  await expect(page.getByTestId("segment-timeline").locator(`[data-segment="${monthAfter(today)}"]`)).toContainText("停发");
  await expect(page.getByTestId("entitlement-actions")).toContainText("本人申请");
  expect(await db.auditLog.count({ where: { entityId: e.id, event: "entitlement.stopped", actorUsername: users.approver.username } })).toBe(1);
});

test("a death recorded after months were paid stops the benefit and the paid months are recovered", async ({ browser }) => {
  const { actors, users } = await yanglingDesks();
  const elder = await elderAged(85, `追缴${suffix()}`);
  const e = await grantThroughWorkflow(actors, elder.id, "610403-04", addMonths(today, -3));
  await recordPayments(e.id, { from: e.startMonth, to: thisMonth });
  const deathDate = addDays(firstDayOfMonth(e.startMonth), 4);

  // The village clerk records the death on the elder's page.
  const clerk = await (await browser.newContext()).newPage();
  await signIn(clerk, users.clerk.username);
  await clerk.goto(`/elders/${elder.id}`);
  await clerk.getByRole("button", { name: "变更在册状态" }).click();
  const dialog = clerk.getByRole("dialog");
  await dialog.getByLabel("在册状态").selectOption("deceased");
  await dialog.getByLabel("去世日期").fill(deathDate);
  await dialog.getByRole("button", { name: "确认", exact: true }).click();
  await expect(dialog).toBeHidden();
  await clerk.goto(`/elders/${elder.id}?tab=benefits`);
  const tab = clerk.getByTestId("elder-benefits");
  await expect(tab).toContainText("已停发");
  await expect(tab).toContainText(`${deathDate} 去世，自 ${nextMonth(e.startMonth)} 起停发`);
  // Paid from the start month to this month; due only in the month of death (the start month).
  const months = [nextMonth(e.startMonth), nextMonth(nextMonth(e.startMonth)), thisMonth].filter((m, i, all) => all.indexOf(m) === i && m <= thisMonth);
  await expect(tab.getByTestId("elder-overpayment")).toContainText(`多发 ¥${(100 * months.length).toFixed(2)}`);
  await clerk.context().close();

  // The county approver finds it among the overpayments and records what came back.
  const approver = await (await browser.newContext()).newPage();
  await signIn(approver, users.approver.username);
  await approver.goto("/payments/overpayments?status=pending");
  const row = approver.getByTestId("overpayments-table").locator("tr", { hasText: elder.name });
  await expect(row).toContainText(months.join("、"));
  await row.getByTestId("overpayment-recovered").click();
  const recover = approver.getByRole("dialog");
  await expect(recover.getByLabel("追回金额（元）")).toHaveValue((100 * months.length).toFixed(2));
  await recover.getByLabel("到账日期").fill(addDays(today, 1));
  await recover.getByRole("button", { name: "保存" }).click();
  await expect(recover).toContainText("到账日期不能晚于今天。");
  await recover.getByLabel("到账日期").fill(today);
  await recover.getByRole("button", { name: "保存" }).click();
  await expect(approver.getByText("已登记追回。").first()).toBeVisible();
  await approver.goto("/payments/overpayments?status=recovered");
  await expect(approver.getByTestId("overpayments-table")).toContainText(elder.name);
  await expect(approver.getByTestId("overpayment-totals")).toContainText("杨陵街道");
  await approver.context().close();
});

test("a missed 生存认证 suspends payment; the village clerk certifies and it resumes, paying the months back", async ({ page }) => {
  const { actors, users } = await yanglingDesks();
  // The demo seed sets 高龄津贴's certification to yearly with 30 days' grace and back-pay.
  const elder = await elderAged(74, `认证${suffix()}`);
  // Approved 15 months ago and never certified: due a year later, 30 days' grace, suspended since.
  const e = await grantThroughWorkflow(actors, elder.id, "610403-04", addMonths(today, -15));
  // The nightly recompute, as of today.
  await db.$transaction((tx) => recomputeElderEntitlements(tx, systemActor("610403"), NO_REQUEST_META, elder.id, "610403"));
  expect((await db.entitlement.findUniqueOrThrow({ where: { id: e.id } })).status).toBe("suspended");

  await signIn(page, users.clerk.username);
  await page.goto("/payments/certifications?view=suspended");
  const row = page.getByTestId("certifications-table").locator("tr", { hasText: elder.name });
  await row.getByTestId("certify-link").click();
  const form = page.getByTestId("certify-form");
  await form.getByLabel("认证日期").fill(addDays(today, 2));
  await form.getByRole("button", { name: "记录认证" }).click();
  await expect(form).toContainText("认证日期不能晚于今天。");
  await form.getByLabel("认证日期").fill(today);
  await form.getByLabel("认证方式").selectOption("face");
  await form.getByLabel("备注").fill("手机人脸识别");
  await form.getByRole("button", { name: "记录认证" }).click();
  await expect(page.getByText("资格认证已记录。").first()).toBeVisible();
  await expect(page.getByTestId("certifications")).toContainText("人脸识别");
  await expect(page.getByTestId("segment-timeline")).toContainText("补发");
  await expect(page.getByTestId("segment-timeline").locator(`[data-segment="${thisMonth}"]`)).toContainText(`${today} 完成资格认证，恢复发放`);
  await expect(page.getByRole("heading", { level: 1 }).locator("..")).toContainText("正常发放");
});

test("a township reviewer confirms one stop a new catalogue version calls for and dismisses another", async ({ page }) => {
  // In 磐安县, where no other spec changes the catalogue: version 2 no longer pays 高龄津贴 to
  // people in 集中供养, from this month; two such people were granted it under version 1.
  const users = await Promise.all([
    createUser({ role: "village_clerk", regionCode: "330727001002" }),
    createUser({ role: "township_reviewer", regionCode: "330727001000" }),
    createUser({ role: "county_approver", regionCode: "330727000000" }),
    createUser({ role: "county_admin", regionCode: "330727000000" }),
  ]);
  const [clerk, reviewer, approver, admin] = users.map(actorFromUser);
  const people = [];
  for (const name of [`磐甲${suffix()}`, `磐乙${suffix()}`]) {
    const elder = await createElder({ name, birthDate: addDays(addYears(today, -86), 60), villageCode: "330727001002", circumstances: [{ type: "tekun_centralized", startDate: "2020-01-01" }] });
    people.push({ elder, e: await grantThroughWorkflow({ clerk, reviewer, approver }, elder.id, "330727-09-1", addMonths(today, -3)) });
  }
  if ((await db.catalogueVersion.count({ where: { countyCode: "330727" } })) === 1) {
    const draft = await createDraft(admin, NO_REQUEST_META);
    const item = (await getVersion(admin, draft.id)).catalogue.items.find((i) => i.code === "330727-09-1")!;
    const updated = await updateDraftItem(admin, NO_REQUEST_META, draft, { ...item, eligibility: { kind: "and", rules: [item.eligibility, { kind: "circumstances", noneOf: ["tekun_centralized"] }] } });
    await publishDraft(admin, NO_REQUEST_META, { id: updated.id, revision: updated.revision, effectiveFrom: firstDayOfMonth(thisMonth) }, addMonths(today, -1));
  }
  await recomputeCounty("330727", { actor: systemActor("330727") });

  await signIn(page, users[1].username);
  await page.goto("/payments/review");
  const table = page.getByTestId("proposals-table");
  const [first, second] = people.map((p) => table.locator("tr", { hasText: p.elder.name }));
  await expect(first).toContainText("属于集中供养特困人员，不满足");
  await expect(first).toContainText(`自 ${thisMonth} 起`);

  await first.getByTestId("proposal-confirm").click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "确认停发" }).click();
  await expect(dialog).toContainText("请填写原因。");
  await dialog.getByLabel("审核意见").fill("已入住县社会福利中心集中供养");
  await dialog.getByRole("button", { name: "确认停发" }).click();
  await expect(page.getByText("已确认停发。").first()).toBeVisible();
  // The list refreshes without the decided row before anything else is clicked.
  await expect(first).toHaveCount(0);

  // The other, in bulk: select it and dismiss with one reason.
  await second.getByRole("checkbox").check();
  const bulk = page.getByTestId("bulk-decision");
  await bulk.getByLabel("批量操作").selectOption("dismiss");
  await bulk.getByLabel("审核意见").fill("本人已回家居住，集中供养将终止");
  await bulk.getByRole("button", { name: "对所选执行" }).click();
  await expect(page.getByText("已处理 1 条。").first()).toBeVisible();
  await expect(second).toHaveCount(0);

  const [stopped, kept] = await Promise.all(people.map((p) => db.entitlement.findUniqueOrThrow({ where: { id: p.e.id } })));
  expect(stopped).toMatchObject({ status: "stopped", endMonth: previousMonth(thisMonth), stopReason: "reviewStop" });
  expect(kept.status).toBe("active");
  await page.goto(`/payments/entitlements/${stopped.id}`);
  await expect(page.getByTestId("segment-timeline")).toContainText("应退未退经审核确认停发");
});

test("outside the region an entitlement does not exist, in the page and the API", async ({ page }) => {
  const { actors } = await yanglingDesks();
  const elder = await elderAged(72, `范围${suffix()}`);
  const e = await grantThroughWorkflow(actors, elder.id, "610403-04");
  await loginAs(page, "village_clerk", YANGLING.village2);
  expect((await page.goto(`/payments/entitlements/${e.id}`))?.status()).toBe(404);
  expect((await page.request.get(`/api/v1/entitlements/${e.id}`)).status()).toBe(404);
  const mine = await page.request.get(`/api/v1/entitlements?elderId=${elder.id}`);
  expect(mine.status()).toBe(200);
  expect((await mine.json()).items).toEqual([]);
});
