import { expect, type Page } from "@playwright/test";
import { createUser, TEST_PASSWORD } from "@/lib/testing/factories";
import type { TRole } from "@/lib/authz/roles";

export { expect };
export { TEST_PASSWORD };

const watched = new WeakSet<Page>();

/**
 * Fails the running test when a client component asks for a message its page did not send
 * (next-intl logs MISSING_MESSAGE in the browser; see components/i18n/client-messages.tsx).
 */
export function watchClientMessages(page: Page) {
  if (watched.has(page)) return;
  watched.add(page);
  page.on("console", (message) => {
    if (message.type() === "error" && message.text().includes("MISSING_MESSAGE")) {
      expect.soft(message.text(), "a client component used a message its page does not send: add the namespace to the page's <ClientMessages>").toBe("");
    }
  });
}

/** Signs in through the sign-in page and waits for the staff shell. */
export async function signIn(page: Page, username: string, password = TEST_PASSWORD) {
  watchClientMessages(page);
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
}

/** A fresh staff account (its own data, so specs never disturb each other), signed in. */
export async function loginAs(page: Page, role: TRole, regionCode?: string) {
  const user = await createUser({ role, regionCode });
  await signIn(page, user.username);
  return user;
}
