import { test } from "@playwright/test";
import { db } from "@/lib/db";
import { addDays, todayInShanghai } from "@/lib/dates";
import { createElder, YANGLING } from "@/lib/testing/factories";
import { expect, loginAs } from "./fixtures";

// The demo seed (scripts/prepare-e2e-db.ts) loads the five seed catalogues as version 1.

test("a clerk checks typed-in facts of an unregistered person and sees eligible items, amounts and reasons", async ({ page }) => {
  await loginAs(page, "village_clerk", YANGLING.village1);
  await page.goto("/catalogue/finder");
  const form = page.getByTestId("finder-form");
  await form.getByLabel("出生日期").fill("1941-03-15");
  await form.getByLabel("性别").selectOption("female");
  await form.getByLabel("户籍").selectOption("yes");
  await form.getByLabel("查询日期").fill("2026-11-01");
  await form.getByRole("button", { name: "一键查询" }).click();
  const results = page.getByTestId("finder-results");
  await expect(page.getByTestId("finder-summary")).toContainText("年龄 85 周岁");
  const allowance = results.locator('[data-code="610403-04"]');
  await expect(allowance).toHaveAttribute("data-eligible", "true");
  await expect(allowance.getByTestId("finder-amount")).toHaveText("每月 ¥100.00");
  // Typed-in facts are nobody's record yet: applying needs the person registered first.
  await expect(allowance.getByTestId("apply-button")).toBeDisabled();
  await expect(allowance.getByTestId("apply-register-first")).toContainText("须先登记老年人档案");
  await allowance.locator("summary").click();
  await expect(allowance.getByTestId("finder-reasons")).toContainText("本县户籍，满足");
  await expect(allowance.getByTestId("finder-reasons")).toContainText("年龄 85 周岁，满足 80–89 周岁档");
  // Not eligible items say why.
  const care = results.locator('[data-code="610403-05"]');
  await expect(care).toHaveAttribute("data-eligible", "false");
  await care.locator("summary").click();
  await expect(care.getByTestId("finder-reasons")).toContainText("不满足");

  // An ID number with a bad check character is refused next to the field.
  await form.getByLabel("身份证号").fill("610403194103150021".slice(0, 17) + "5");
  await form.getByRole("button", { name: "一键查询" }).click();
  await expect(page.getByTestId("error-idNumber")).toContainText("身份证号码");
});

test("a clerk picks a registered elder of the village and sees the answer", async ({ page }) => {
  const elder = await createElder({ name: "滕秋菊", villageCode: YANGLING.village1, birthDate: "1936-03-01", sex: "female" });
  await loginAs(page, "village_clerk", YANGLING.village1);
  await page.goto("/catalogue/finder");
  await page.getByTestId("finder-search").getByLabel("姓名或身份证号").fill("滕秋菊");
  await page.getByTestId("finder-search").getByRole("button", { name: "查找" }).click();
  await page.getByTestId("finder-elders").locator(`[data-elder="${elder.id}"]`).getByRole("link", { name: "一键查询" }).click();
  const answer = page.getByTestId("elder-evaluation");
  await expect(answer).toContainText("滕秋菊");
  await expect(answer.locator('[data-code="610403-04"]')).toHaveAttribute("data-eligible", "true");
  await expect(answer.locator('[data-code="610403-04"]').getByTestId("finder-amount")).toHaveText("每月 ¥200.00");
  // A registered elder's eligible item opens the application form with the item chosen.
  await expect(answer.locator('[data-code="610403-04"]').getByTestId("apply-button")).toHaveAttribute("href", `/cases/new?elderId=${elder.id}&itemCode=610403-04`);
  // The same summary sits on the elder's page.
  await page.goto(`/elders/${elder.id}`);
  await expect(page.getByTestId("elder-policy-summary").locator('[data-code="610403-04"]')).toContainText("每月 ¥200.00");
});

test("the admin drafts a new version, edits an amount, previews the effect and publishes it for a future date", async ({ page }) => {
  const admin = await loginAs(page, "county_admin", YANGLING.county);
  // The demo may have published versions beyond the seed's first (lib/seed/demo-entitlements.ts).
  const inForce = (await db.catalogueVersion.count({ where: { countyCode: "610403" } })) as number;
  const next = inForce + 1;
  await page.goto("/catalogue/admin");
  await page.getByTestId("create-draft").click();
  await expect(page).toHaveURL(/\/catalogue\/admin\/versions\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("修订稿");
  await page.getByRole("link", { name: "编辑 高龄津贴" }).click();
  const form = page.getByTestId("item-form");
  const amount = form.getByLabel("金额规则（JSON）");
  const text = await amount.inputValue();
  expect(text).toContain('"fen": 10000');
  // A broken rule gets a clear message and nothing is saved.
  await amount.fill('{"kind":"monthly","amount":{"kind":"fixd","fen":100}}');
  await form.getByRole("button", { name: "保存项目" }).click();
  await expect(page.getByTestId("error-amount")).toContainText("类型名不可用");
  await amount.fill(text.replace('"fen": 10000', '"fen": 12000'));
  await form.getByRole("button", { name: "保存项目" }).click();
  await expect(page.getByText("项目已保存。")).toBeVisible();
  await expect(page.getByTestId("current-amount")).toContainText("80–89 周岁：120 元");

  await page.getByRole("link", { name: "返回草稿" }).click();
  await page.getByTestId("preview-link").click();
  // The preview runs as a background job: its progress shows, then the page shows its result.
  await expect(page.getByTestId("preview-table")).toHaveCount(0);
  await page.getByTestId("preview-start").click();
  await expect(page.getByTestId("preview-runner").getByRole("progressbar", { name: "任务进度" })).toBeVisible();
  const row = page.getByTestId("preview-table").locator('[data-code="610403-04"]');
  await expect(row.getByTestId("gained")).toHaveText("0", { timeout: 60_000 });
  await expect(row.getByTestId("lost")).toHaveText("0");
  await expect(row.getByTestId("amount-changed")).not.toHaveText("0");
  const job = await db.job.findFirstOrThrow({ where: { kind: "catalogue-preview", requestedBy: admin.username }, orderBy: { createdAt: "desc" } });
  expect(job.status).toBe("succeeded");
  const stored = await db.cataloguePreviewChange.count({ where: { jobId: job.id, itemCode: "610403-04", change: "amount_changed" } });
  await expect(row.getByTestId("amount-changed")).toHaveText(String(stored));
  // The result stays: a later visit shows it without running again.
  await page.reload();
  await expect(row.getByTestId("amount-changed")).toHaveText(String(stored));
  await expect(page.getByTestId("preview-start")).toHaveText("重新预览");

  await page.getByRole("link", { name: "返回版本" }).click();
  // Far enough ahead that the first months of benefits other specs approve today keep the amounts
  // of the version in force (a version applies from its effective month, ADR 016).
  const effectiveFrom = addDays(todayInShanghai(), 75);
  await page.getByTestId("publish-form").getByLabel("施行日期").fill(effectiveFrom);
  await page.getByTestId("publish-form").getByRole("button", { name: "发布" }).click();
  await expect(page.getByTestId("done-notice")).toHaveText("草稿已发布。");
  const published = page.getByTestId("versions-table").locator(`[data-version="${next}"]`);
  await expect(published).toContainText("待生效");
  await expect(published).toContainText(effectiveFrom);
  await expect(page.getByTestId("versions-table").locator(`[data-version="${inForce}"]`)).toContainText("现行有效");
  const audit = await db.auditLog.findFirst({ where: { event: "catalogue.published", actorUsername: admin.username } });
  expect(audit).not.toBeNull();

  // The catalogue in force today is still the earlier version, and it says the new one is coming.
  await page.goto("/catalogue");
  await expect(page.getByText(`第 ${next} 版已发布，将自 ${effectiveFrom} 起施行。`)).toBeVisible();
});

test("a clerk gets 404 on catalogue administration", async ({ page }) => {
  await loginAs(page, "village_clerk", YANGLING.village1);
  const response = await page.goto("/catalogue/admin");
  expect(response?.status()).toBe(404);
  await page.goto("/catalogue");
  await expect(page.getByRole("link", { name: "清单管理" })).toHaveCount(0);
});
