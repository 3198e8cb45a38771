import { test } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { NO_REQUEST_META } from "@/lib/authz/actor";
import { createElder, createUser, systemActor, YANGLING } from "@/lib/testing/factories";
import { assessmentFields } from "@/lib/testing/assessment-factories";
import { createAssessment } from "@/lib/assessment/service";
import { ITEM_CODES, ITEM_MAX_SCORES } from "@/lib/assessment/items";
import { addMonths } from "@/lib/dates";
import { todayInShanghai } from "@/lib/dates";
import { expect, loginAs } from "./fixtures";

const SCREENS = path.join(process.cwd(), ".data", "test-results", "screens");

test("an assessor fills an assessment by keyboard, watches the level change, submits, confirms and prints", async ({ page }) => {
  const elder = await createElder({ name: "评估测试甲", villageCode: YANGLING.village1, birthDate: "1941-05-05" });
  const second = await createUser({ role: "assessor", displayName: `第二评估员${Date.now().toString(36).slice(-4)}` });
  await loginAs(page, "assessor");
  await page.goto(`/elders/${elder.id}?tab=assessments`);
  await expect(page.getByTestId("current-level")).toHaveText("尚无已确认的能力评估。");
  await expect(page.getByTestId("next-due")).toHaveText("应进行首次评估");
  await page.getByTestId("new-assessment").click();
  await expect(page.getByRole("heading", { name: "新建能力评估" })).toBeVisible();

  const form = page.getByTestId("assessment-form");
  await form.getByLabel("评估员二", { exact: true }).selectOption({ label: second.displayName });
  await form.getByLabel("评估地点", { exact: true }).fill("老人家中");
  await form.getByLabel("信息提供者", { exact: true }).fill("评估测试乙");
  await form.getByLabel("与老人关系", { exact: true }).fill("女儿");

  // Keyboard: focus the first item, then one digit per item (each digit moves on to the next).
  await form.getByRole("radiogroup", { name: "B1.1 进食" }).getByRole("radio").first().focus();
  for (const code of ITEM_CODES) await page.keyboard.press(String(ITEM_MAX_SCORES[code]));
  await expect(page.getByTestId("total-score")).toHaveText("90/90");
  await expect(page.getByTestId("preliminary-level")).toHaveText("0 级 能力完好");
  await expect(page.getByTestId("indicator-B1")).toHaveText("32/32 分");

  // Arrow keys inside a group: 进食 4 → 3 makes 89, level 1.
  await form.getByRole("radiogroup", { name: "B1.1 进食" }).getByRole("radio", { checked: true }).focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByTestId("total-score")).toHaveText("89/90");
  await expect(page.getByTestId("preliminary-level")).toHaveText("1 级 能力轻度受损（轻度失能）");
  await expect(page.getByTestId("final-level")).toHaveText("1 级 能力轻度受损（轻度失能）");

  // The mouse works too: 洗澡 → 0 makes 85, still level 1.
  await form.getByRole("radiogroup", { name: "B1.3 洗澡" }).getByRole("radio", { name: /^0 / }).check();
  await expect(page.getByTestId("total-score")).toHaveText("85/90");
  await expect(page.getByTestId("indicator-B1")).toHaveText("27/32 分");

  // C.4: coma → 4 directly; then a dementia diagnosis raises one level instead.
  await form.getByLabel("处于昏迷状态").check();
  await expect(page.getByTestId("final-level")).toHaveText("4 级 能力完全丧失（完全失能）");
  await expect(page.getByTestId("preliminary-level")).toHaveText("1 级 能力轻度受损（轻度失能）");
  await form.getByLabel("处于昏迷状态").uncheck();
  await form.getByRole("button", { name: "添加诊断" }).click();
  await form.getByLabel("ICD-10 编码 1").fill("F03");
  await expect(page.getByTestId("final-level")).toHaveText("2 级 能力中度受损（中度失能）");
  await form.getByTestId("risk-events").getByLabel("跌倒").check();
  await expect(page.getByTestId("final-level")).toHaveText("2 级 能力中度受损（中度失能）");

  fs.mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENS, "assessment-form.png"), fullPage: false });
  await page.screenshot({ path: path.join(SCREENS, "assessment-form-full.png"), fullPage: true });

  // Save a draft (created, then saved again on its own page), then submit from there.
  await form.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByTestId("done-notice")).toHaveText("评估草稿已创建。");
  await expect(page.getByTestId("assessment-status")).toHaveText("草稿");
  await expect(page.getByTestId("total-score")).toHaveText("85/90");
  await form.getByLabel("评估地点", { exact: true }).fill("老人家中（客厅）");
  await form.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByText("草稿已保存。")).toBeVisible();
  await form.getByRole("button", { name: "提交评估" }).click();
  await expect(page.getByTestId("done-notice")).toHaveText("评估已提交，待确认。");
  await expect(page.getByTestId("assessment-status")).toHaveText("待确认");
  const id = page.url().match(/assessments\/([0-9a-f-]{36})/)![1];
  expect(await db.assessment.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "submitted", version: 2, place: "老人家中（客厅）", total: 85, preliminaryLevel: 1, finalLevel: 2, riskEvents: ["fall"] });

  await page.getByRole("button", { name: "确认评估" }).click();
  await expect(page.getByTestId("done-notice")).toHaveText("评估已确认。");
  await expect(page.getByTestId("assessment-status")).toHaveText("已确认");
  expect((await db.assessment.findUniqueOrThrow({ where: { id } })).status).toBe("confirmed");

  await page.getByRole("link", { name: "打印报告" }).click();
  const report = page.getByTestId("assessment-report");
  await expect(report.getByRole("heading", { name: "老年人能力评估报告" })).toBeVisible();
  await expect(page.getByTestId("report-name")).toHaveText("评估测试甲");
  await expect(page.getByTestId("report-id-number")).toHaveText(`${elder.idNumber.slice(0, 4)}**********${elder.idNumber.slice(-4)}`);
  await expect(page.getByTestId("report-total")).toHaveText("85 分（满分 90 分）");
  await expect(page.getByTestId("report-preliminary")).toContainText("☑ 1 能力轻度受损");
  await expect(page.getByTestId("report-final")).toContainText("☑ 2 能力中度受损");
  await expect(page.getByTestId("report-c4")).toContainText("F03");
  await expect(page.getByTestId("report-signatures")).toContainText(second.displayName);
  await expect(report).not.toContainText(elder.idNumber);
  await expect(page.getByRole("button", { name: "打印" })).toBeVisible();
  await page.screenshot({ path: path.join(SCREENS, "assessment-report.png"), fullPage: true });
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("aside")).toBeHidden();
  await expect(page.getByRole("button", { name: "打印" })).toBeHidden();
  await page.screenshot({ path: path.join(SCREENS, "assessment-report-print.png"), fullPage: true });
  await page.pdf({ path: path.join(SCREENS, "assessment-report.pdf"), format: "A4" }).catch(() => undefined);
  await page.emulateMedia({ media: "screen" });

  // The elder's tab: the confirmed level and the next due date (85 on the day: every 12 months).
  await page.goto(`/elders/${elder.id}?tab=assessments`);
  await expect(page.getByTestId("current-level")).toHaveText("2 级 能力中度受损（中度失能）");
  await expect(page.getByTestId("next-due")).toHaveText(addMonths(todayInShanghai(), 12));
});

test("a clerk may view an assessment but not confirm it: no button, and the API refuses", async ({ page }) => {
  const elder = await createElder({ name: "评估测试丙", villageCode: YANGLING.village1 });
  const submitted = await createAssessment(systemActor("610403"), NO_REQUEST_META, { elderId: elder.id, fields: assessmentFields({ assessedOn: todayInShanghai() }), submit: true });
  await loginAs(page, "village_clerk", YANGLING.village1);
  await page.goto(`/assessments/${submitted.id}`);
  await expect(page.getByTestId("assessment-status")).toHaveText("待确认");
  await expect(page.getByTestId("final-level")).toHaveText("1 级 能力轻度受损（轻度失能）");
  await expect(page.getByRole("button", { name: "确认评估" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "提交评估" })).toHaveCount(0);
  await expect(page.getByRole("radiogroup", { name: "B1.1 进食" }).getByRole("radio").first()).toBeDisabled();
  const refused = await page.request.post(`/api/v1/assessments/${submitted.id}/confirm`, { data: { version: submitted.version } });
  expect(refused.status()).toBe(403);
  expect((await db.assessment.findUniqueOrThrow({ where: { id: submitted.id } })).status).toBe("submitted");
  // Only assessors start an assessment.
  expect((await page.goto(`/assessments/new?elderId=${elder.id}`))?.status()).toBe(404);
  await page.goto(`/elders/${elder.id}?tab=assessments`);
  await expect(page.getByTestId("elder-assessments")).toContainText("待确认");
  await expect(page.getByTestId("new-assessment")).toHaveCount(0);
  await page.goto("/assessments?view=due");
  await expect(page.getByTestId("due-table")).toBeVisible();
});

test("a user outside the region gets 404 for an assessment, its report and a new one", async ({ page }) => {
  const elder = await createElder({ name: "评估测试丁", villageCode: YANGLING.village1 });
  const a = await createAssessment(systemActor("610403"), NO_REQUEST_META, { elderId: elder.id, fields: assessmentFields() });
  await loginAs(page, "assessor", YANGLING.otherCounty);
  for (const url of [`/assessments/${a.id}`, `/assessments/${a.id}/report`, `/assessments/new?elderId=${elder.id}`]) {
    expect((await page.goto(url))?.status(), url).toBe(404);
  }
  expect((await page.request.get(`/api/v1/assessments/${a.id}`)).status()).toBe(404);
  expect((await page.request.post(`/api/v1/assessments/${a.id}/confirm`, { data: { version: 0 } })).status()).toBe(404);
  await page.goto("/assessments");
  await expect(page.getByTestId("assessments-table")).not.toContainText("评估测试丁");
});
