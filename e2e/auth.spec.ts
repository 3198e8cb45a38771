import { test, type Page } from "@playwright/test";
import { db } from "@/lib/db";
import { createUser } from "@/lib/testing/factories";
import { DEMO_ACCOUNTS } from "@/lib/seed/demo";
import { expect, signIn, TEST_PASSWORD } from "./fixtures";

test("the sign-in page is in Chinese and anonymous visitors are sent to it", async ({ page }) => {
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: /登录/ })).toBeVisible();
});

test("a wrong password gets a clear message and no session", async ({ page }) => {
  const user = await createUser({ role: "viewer" });
  await page.goto("/login");
  await attempt(page, user.username, "wrong-password-9");
  await expect(page.getByTestId("login-message")).toHaveText("用户名或密码错误。");
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

/** Submits the sign-in form and waits for the server's answer. */
async function attempt(page: Page, username: string, password: string) {
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/login"),
    page.getByRole("button", { name: "登录" }).click(),
  ]);
  // React resets the form once the action's answer is rendered; only then type again.
  await expect(page.getByLabel("密码")).toHaveValue("");
}

test("five wrong passwords lock the account for 15 minutes, even against the right one", async ({ page }) => {
  const user = await createUser({ role: "viewer" });
  await page.goto("/login");
  for (let i = 1; i <= 4; i++) {
    await attempt(page, user.username, `wrong-password-${i}`);
    await expect(page.getByTestId("login-message")).toHaveText("用户名或密码错误。");
  }
  await attempt(page, user.username, "wrong-password-5");
  await expect(page.getByTestId("login-message")).toContainText("密码连续输错 5 次，账户已锁定 15 分钟");
  await attempt(page, user.username, TEST_PASSWORD);
  await expect(page.getByTestId("login-message")).toContainText("已锁定");
  await expect(page).toHaveURL(/\/login/);
  const locked = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  expect(locked.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
});

test("signing out ends the session", async ({ page }) => {
  const user = await createUser({ role: "county_approver" });
  await signIn(page, user.username);
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

// What each demo account's navigation shows (the areas it may use).
const NAV_BY_ROLE: Record<string, string[]> = {
  county_admin: ["elders", "assessments", "catalogue", "cases", "payments", "visits", "stats", "admin"],
  county_approver: ["elders", "assessments", "catalogue", "cases", "payments", "visits", "stats"],
  assessor: ["elders", "assessments", "catalogue", "stats"],
  township_reviewer: ["elders", "assessments", "catalogue", "cases", "payments", "visits", "stats"],
  village_clerk: ["elders", "assessments", "catalogue", "cases", "payments", "visits"],
  viewer: ["elders", "assessments", "catalogue", "cases", "payments", "visits", "stats"],
};

for (const account of DEMO_ACCOUNTS) {
  test(`demo account ${account.username} signs in and sees its own navigation`, async ({ page }) => {
    await signIn(page, account.username);
    await expect(page.getByTestId("greeting")).toContainText(account.displayName);
    const shown = await page.getByTestId("sidebar").locator("[data-nav]").evaluateAll((els) => els.map((e) => e.getAttribute("data-nav")));
    expect(shown).toEqual(["home", ...NAV_BY_ROLE[account.role]]);
  });
}
