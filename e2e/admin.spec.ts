import { test } from "@playwright/test";
import { db } from "@/lib/db";
import { createUser, YANGLING } from "@/lib/testing/factories";
import { expect, loginAs, signIn } from "./fixtures";

test("a clerk opening an admin page gets 404", async ({ page }) => {
  await loginAs(page, "village_clerk");
  for (const path of ["/admin/users", "/admin/users/new", "/admin/regions", "/admin/audit"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByTestId("not-found")).toContainText("页面不存在");
  }
  await expect(page.getByTestId("sidebar").getByText("系统管理")).toHaveCount(0);
});

test("an admin gets 404 for an account in another county", async ({ page }) => {
  const stranger = await createUser({ role: "viewer", regionCode: YANGLING.otherCounty });
  await loginAs(page, "county_admin");
  const response = await page.goto(`/admin/users/${stranger.id}`);
  expect(response?.status()).toBe(404);
});

test("the admin creates a user who then signs in; bad input is refused and writes nothing", async ({ page, browser }) => {
  await loginAs(page, "county_admin");
  await page.goto("/admin/users/new");
  const form = page.getByTestId("user-form");
  const username = `e2e_${Date.now().toString(36)}`;

  // Bad input: a clerk at a township, a short password, a malformed phone.
  await form.getByLabel("用户名").fill(username);
  await form.getByLabel("姓名").fill("周小梅");
  await form.getByLabel("角色").selectOption({ label: "村（社区）经办员" });
  await form.getByLabel("所属区划").selectOption(YANGLING.township1);
  await form.getByLabel("手机号码").fill("1234");
  await form.getByLabel("初始密码").fill("short");
  await form.getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("error-password")).toContainText("密码至少 8 位");
  await expect(page.getByTestId("error-phone")).toContainText("手机号码");
  expect(await db.user.count({ where: { username } })).toBe(0);

  await form.getByLabel("手机号码").fill("13812345678");
  await form.getByLabel("初始密码").fill("Welcome2026");
  await form.getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("error-regionCode")).toContainText("须属于一个村（社区）");
  expect(await db.user.count({ where: { username } })).toBe(0);

  await form.getByLabel("所属区划").selectOption(YANGLING.village2);
  await form.getByLabel("初始密码").fill("Welcome2026");
  await form.getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("created-notice")).toContainText("账户已创建");
  const created = await db.user.findUniqueOrThrow({ where: { username } });
  expect(created.villageCode).toBe(YANGLING.village2);
  expect(await db.auditLog.count({ where: { entityId: created.id, event: "user.created" } })).toBe(1);

  const other = await browser.newPage();
  await signIn(other, username, "Welcome2026");
  await expect(other.getByTestId("current-user")).toContainText("周小梅");
  await expect(other.getByTestId("current-user")).toContainText("村（社区）经办员");
  await other.close();
});

test("the admin disables an account and its session stops working", async ({ page, browser }) => {
  const target = await createUser({ role: "viewer", displayName: "待停用" });
  const victim = await browser.newPage();
  await signIn(victim, target.username);

  await loginAs(page, "county_admin");
  await page.goto(`/admin/users/${target.id}`);
  await page.getByRole("button", { name: "停用" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "停用" }).click();
  await expect(page.getByText("账户已停用。").first()).toBeVisible();
  expect((await db.user.findUniqueOrThrow({ where: { id: target.id } })).active).toBe(false);

  await victim.goto("/");
  await expect(victim).toHaveURL(/\/login/);
  await victim.close();
});

test("the region tree shows 杨陵区 with its townships and villages", async ({ page }) => {
  await loginAs(page, "county_admin");
  await page.goto("/admin/regions");
  const tree = page.getByTestId("region-tree");
  await expect(tree.locator('[data-region="610403000000"]')).toContainText("杨陵区");
  await expect(tree.locator('[data-region="610403001000"]')).toContainText("杨陵街道");
  await expect(tree.locator('[data-region="330727000000"]')).toHaveCount(0);
});
