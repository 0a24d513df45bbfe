import { expect, type Page } from "@playwright/test";

/**
 * The demo owner's login: the one the global set-up printed (or SHIHYO_E2E_EMAIL / _PASSWORD
 * with SHIHYO_WEB_URL).
 */
export function demoLogin(): { email: string; password: string } {
  const email = process.env.SHIHYO_E2E_EMAIL;
  const password = process.env.SHIHYO_E2E_PASSWORD;
  if (!email || !password)
    throw new Error("needs SHIHYO_E2E_EMAIL and SHIHYO_E2E_PASSWORD with SHIHYO_WEB_URL");
  return { email, password };
}

/** Fills in the sign-in form at `path` (in Japanese) and sends it; what follows is the caller's. */
export async function signIn(page: Page, email: string, password: string, path = "/"): Promise<void> {
  await page.goto(path);
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel("パスワード").fill(password);
  await page.getByRole("button", { name: "サインイン" }).click();
}

/** Signs in as the demo owner, in Japanese, and waits for the dashboard. */
export async function signInAsDemo(page: Page): Promise<void> {
  const { email, password } = demoLogin();
  await signIn(page, email, password);
  await expect(page.getByRole("heading", { level: 1, name: "ダッシュボード" })).toBeVisible();
}
