import { expect, type Page } from "@playwright/test";

/**
 * Signs in as the demo user the global set-up printed (or SHIHYO_E2E_EMAIL / _PASSWORD with
 * SHIHYO_WEB_URL), in Japanese, and waits for the dashboard.
 */
export async function signInAsDemo(page: Page): Promise<void> {
  const email = process.env.SHIHYO_E2E_EMAIL;
  const password = process.env.SHIHYO_E2E_PASSWORD;
  if (!email || !password)
    throw new Error("needs SHIHYO_E2E_EMAIL and SHIHYO_E2E_PASSWORD with SHIHYO_WEB_URL");
  await page.goto("/");
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel("パスワード").fill(password);
  await page.getByRole("button", { name: "サインイン" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "ダッシュボード" })).toBeVisible();
}
