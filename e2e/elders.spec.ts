import { test } from "@playwright/test";
import { db } from "@/lib/db";
import { createElder, makeIdNumber, YANGLING } from "@/lib/testing/factories";
import { expect, loginAs } from "./fixtures";

test("a clerk registers an elder; a bad ID number gets a field error and nothing is saved", async ({ page }) => {
  await loginAs(page, "village_clerk", YANGLING.village1);
  await page.goto("/elders/new");
  const form = page.getByTestId("elder-form");
  const good = makeIdNumber("1936-11-01", "male");
  const bad = good.slice(0, 17) + (good[17] === "1" ? "2" : "1");
  await form.getByLabel("姓名", { exact: true }).fill("李振华");
  await form.getByLabel("身份证号", { exact: true }).fill(bad);
  await form.getByLabel("户籍地区划代码", { exact: true }).fill("610403");
  await form.getByLabel("居住村（社区）", { exact: true }).selectOption(YANGLING.village1);
  await form.getByLabel("城乡", { exact: true }).selectOption("urban");
  await form.getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("error-idNumber")).toHaveText("身份证号码校验位不正确，请核对。");
  await expect(form.getByLabel("姓名", { exact: true })).toHaveValue("李振华");
  expect(await db.elder.count({ where: { idNumber: { in: [bad, good] } } })).toBe(0);

  await form.getByLabel("身份证号", { exact: true }).fill(good);
  await form.getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("done-notice")).toHaveText("档案已登记。");
  await expect(page.getByRole("heading", { name: "李振华" })).toBeVisible();
  await expect(page.getByTestId("idNumber-value")).toHaveText(`${good.slice(0, 4)}**********${good.slice(-4)}`);
  await page.getByTestId("reveal-idNumber").click();
  await expect(page.getByTestId("idNumber-value")).toHaveText(good);
  const saved = await db.elder.findUniqueOrThrow({ where: { idNumber: good } });
  expect(saved.sex).toBe("male");
  expect(await db.auditLog.count({ where: { entityId: saved.id, event: "elder.revealed" } })).toBe(1);
});

test("search by name and partial ID number in the list, masked", async ({ page }) => {
  const elder = await createElder({ name: "欧阳春梅", villageCode: YANGLING.village2, birthDate: "1938-02-10" });
  await loginAs(page, "township_reviewer", YANGLING.township1);
  await page.goto("/elders");
  const filters = page.getByTestId("elder-filters");
  await filters.getByLabel("姓名或身份证号").fill("欧阳春");
  await filters.getByRole("button", { name: "查询" }).click();
  const table = page.getByTestId("elders-table");
  await expect(table.locator(`[data-elder="${elder.id}"]`)).toContainText("欧阳春梅");
  await expect(table.locator(`[data-elder="${elder.id}"]`)).toContainText(`${elder.idNumber.slice(0, 4)}**********`);
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await filters.getByLabel("姓名或身份证号").fill(elder.idNumber.slice(-6));
  await filters.getByRole("button", { name: "查询" }).click();
  await expect(table.locator(`[data-elder="${elder.id}"]`)).toBeVisible();
  await expect(table).not.toContainText(elder.idNumber);
});

test("a clerk of another village gets 404 for an elder, and does not see them in the list", async ({ page }) => {
  const elder = await createElder({ name: "赵守仁", villageCode: YANGLING.village1 });
  await loginAs(page, "village_clerk", YANGLING.village2);
  const response = await page.goto(`/elders/${elder.id}`);
  expect(response?.status()).toBe(404);
  await page.goto(`/elders?q=${encodeURIComponent("赵守仁")}`);
  await expect(page.getByTestId("elders-table").locator("tbody")).not.toContainText("赵守仁");
  const api = await page.request.get(`/api/v1/elders?q=${encodeURIComponent("赵守仁")}`);
  expect(api.status()).toBe(200);
  expect((await api.json()).items).toEqual([]);
});

test("marking an elder deceased asks for the date", async ({ page }) => {
  const elder = await createElder({ name: "钱文秀", villageCode: YANGLING.village1 });
  await loginAs(page, "village_clerk", YANGLING.village1);
  await page.goto(`/elders/${elder.id}`);
  await page.getByRole("button", { name: "变更在册状态" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("在册状态").selectOption("deceased");
  await dialog.getByRole("button", { name: "确认" }).click();
  await expect(dialog).toContainText("请填写日期。");
  expect((await db.elder.findUniqueOrThrow({ where: { id: elder.id } })).status).toBe("living");
  await dialog.getByLabel("去世日期").fill("2026-11-02");
  await dialog.getByRole("button", { name: "确认" }).click();
  await expect(page.getByText("在册状态已变更。").first()).toBeVisible();
  const saved = await db.elder.findUniqueOrThrow({ where: { id: elder.id } });
  expect(saved.status).toBe("deceased");
  expect(saved.deathDate?.toISOString().slice(0, 10)).toBe("2026-11-02");
});

test("importing a file with bad rows runs as background jobs: the check shows progress and the report, survives a reload, and only the confirm writes the valid rows", async ({ page }) => {
  const good = makeIdNumber("1944-04-04", "female");
  const bad = good.slice(0, 17) + (good[17] === "1" ? "2" : "1");
  const csv = [
    "姓名,身份证号,户籍地区划代码,居住村(社区)代码,城乡,联系电话,住址",
    `孙桂芝,${good},610403,${YANGLING.village1},农村,13800000000,一组`,
    `周德明,${bad},610403,${YANGLING.village1},农村,,二组`,
    `,${makeIdNumber("1950-05-05", "male")},610403,${YANGLING.village1},城镇,,三组`,
    `吴秀英,${makeIdNumber("1948-08-08", "female")},610403,330727001002,农村,,四组`,
    `郑大爷,${good},610403,${YANGLING.village1},农村,,五组`,
  ].join("\n");
  await loginAs(page, "township_reviewer", YANGLING.township1);
  await page.goto("/elders/import");
  await page.getByTestId("import-form").locator('input[type="file"]').setInputFiles({ name: "导入.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await page.getByTestId("import-check").click();
  // The check is a job: its progress shows until the worker has finished it.
  const checkProgress = page.getByTestId("import-check-progress");
  await expect(checkProgress.getByRole("progressbar", { name: "任务进度" })).toBeVisible();
  await expect(checkProgress).toContainText(/排队中|进行中/);
  await expect(page.getByTestId("import-summary")).toContainText("新增 1");
  await expect(page).toHaveURL(/\/elders\/import\?job=[0-9a-f-]{36}$/);
  const jobId = new URL(page.url()).searchParams.get("job")!;
  const checkJob = await db.job.findUniqueOrThrow({ where: { id: jobId } });
  expect(checkJob).toMatchObject({ kind: "elder-import", status: "succeeded", progressTotal: 5 });

  // The report lives in the database: a reload shows it again.
  await page.reload();
  const errors = page.getByTestId("import-errors");
  await expect(errors).toContainText("身份证号码校验位不正确");
  await expect(errors).toContainText("姓名不能为空");
  await expect(errors).toContainText("330727001002 不是本县（区）的村（社区）代码");
  await expect(errors).toContainText("身份证号与第 1 行重复");
  await expect(errors.locator("tbody tr")).toHaveCount(4);
  const report = await page.request.get(`/jobs/${jobId}/file`);
  expect(report.status()).toBe(200);
  expect(report.headers()["content-disposition"]).toContain("filename*=UTF-8''%E5%AF%BC%E5%85%A5");
  expect((await report.body()).subarray(0, 2).toString()).toBe("PK");
  expect(await db.elder.count({ where: { idNumber: good } })).toBe(0);

  await page.getByTestId("import-confirm").click();
  await expect(page.getByTestId("import-done")).toContainText("导入完成：新增 1");
  const saved = await db.elder.findUniqueOrThrow({ where: { idNumber: good } });
  expect(saved.name).toBe("孙桂芝");
  expect(await db.elder.count({ where: { name: { in: ["周德明", "吴秀英", "郑大爷"] } } })).toBe(0);
  await expect(page.getByTestId("import-confirm")).toHaveCount(0);

  // Another township's reviewer cannot see this check, nor download its report.
  await page.context().clearCookies();
  await loginAs(page, "township_reviewer", YANGLING.township2);
  expect((await page.goto(`/elders/import?job=${jobId}`))?.status()).toBe(404);
  expect((await page.request.get(`/jobs/${jobId}/file`)).status()).toBe(404);
  expect((await page.request.get(`/api/v1/jobs/${jobId}`)).status()).toBe(404);
});

test("a file that cannot be read gets its problem from the check job, and nothing to confirm", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await loginAs(page, "township_reviewer", YANGLING.township1);
  await page.goto("/elders/import");
  await page.getByTestId("import-form").locator('input[type="file"]').setInputFiles({ name: "错.csv", mimeType: "text/csv", buffer: Buffer.from("姓名,电话\n张三,1\n", "utf8") });
  await page.getByTestId("import-check").click();
  await expect(page.getByTestId("import-report")).toContainText("文件无法导入");
  await expect(page.getByTestId("import-errors")).toContainText("表头不正确");
  await expect(page.getByTestId("import-confirm")).toHaveCount(0);
  // The form and its report fit the phone's width (tables scroll inside their box).
  for (const testId of ["import-form", "import-report", "import-download-report"]) {
    const box = await page.getByTestId(testId).boundingBox();
    expect(box!.x + box!.width, testId).toBeLessThanOrEqual(390);
  }
});

test("editing an elder never reveals the ID number or bank account; blank keeps them, a new one replaces", async ({ page }) => {
  const elder = await createElder({ name: "周玉兰", villageCode: YANGLING.village1, bankAccount: "6217000011112222333", phone: "13912345678" });
  await loginAs(page, "village_clerk", YANGLING.village1);
  const response = await page.goto(`/elders/${elder.id}/edit`);
  const html = await response!.text();
  expect(html).not.toContain(elder.idNumber);
  expect(html).not.toContain("6217000011112222333");
  const form = page.getByTestId("elder-form");
  await expect(form.getByLabel("身份证号", { exact: true })).toHaveValue("");
  await expect(form).toContainText(`已登记 ${elder.idNumber.slice(0, 4)}**********${elder.idNumber.slice(-4)}`);
  await expect(form).toContainText("已登记 6217***********2333");
  await form.getByLabel("住址", { exact: true }).fill("凤岗路 8 号");
  await form.getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("done-notice")).toBeVisible();
  let saved = await db.elder.findUniqueOrThrow({ where: { id: elder.id } });
  expect([saved.idNumber, saved.bankAccount, saved.address]).toEqual([elder.idNumber, "6217000011112222333", "凤岗路 8 号"]);
  expect(await db.auditLog.count({ where: { entityId: elder.id, event: "elder.revealed" } })).toBe(0);

  await page.goto(`/elders/${elder.id}/edit`);
  await form.getByLabel("银行账号", { exact: true }).fill("6228 4800 0000 0000 123");
  await form.getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("done-notice")).toBeVisible();
  saved = await db.elder.findUniqueOrThrow({ where: { id: elder.id } });
  expect([saved.idNumber, saved.bankAccount]).toEqual([elder.idNumber, "6228480000000000123"]);

  await page.goto(`/elders/${elder.id}/edit`);
  await form.getByLabel("清除已登记的银行账号").check();
  await form.getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("done-notice")).toBeVisible();
  expect((await db.elder.findUniqueOrThrow({ where: { id: elder.id } })).bankAccount).toBeNull();
  expect(await db.auditLog.count({ where: { entityId: elder.id, event: "elder.revealed" } })).toBe(0);
});
