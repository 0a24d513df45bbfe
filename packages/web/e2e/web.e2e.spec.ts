import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { demoLogin } from "./demoSignIn";

const screenshots = fileURLToPath(new URL("../../../docs/screenshots/", import.meta.url));
mkdirSync(screenshots, { recursive: true });

const JA_STATUSES = /順調|要注意|未達見込み|達成|目標なし|データなし/;
const EN_STATUSES = /On track|At risk|Off track|Achieved|No target|No data/;

test.use({ baseURL: process.env.SHIHYO_E2E_BASE_URL });

test("sign in, dashboard, tree, and switching to English", async ({ page }) => {
  // This spec fills in the sign-in form itself: the page under test.
  const { email, password } = demoLogin();

  // Sign-in, in Japanese (the browser's language): a wrong password gets the server's message in Japanese.
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "サインイン" })).toBeVisible();
  await page.getByLabel("メールアドレス").fill(email);
  await page.getByLabel("パスワード").fill("not-the-password");
  await page.getByRole("button", { name: "サインイン" }).click();
  await expect(page.getByRole("alert")).toContainText("パスワード");
  await page.getByLabel("パスワード").fill("");
  await page.screenshot({ path: `${screenshots}sign-in.png` });
  await page.getByLabel("パスワード").fill(password);
  await page.getByRole("button", { name: "サインイン" }).click();

  // Dashboard: the current fiscal quarter, the KGI first, KPI cards by department with status words.
  await expect(page.getByRole("heading", { level: 1, name: "ダッシュボード" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /\d{4}年度 第[1-4]四半期/ })).toBeVisible();
  const kgis = page.getByRole("region", { name: "KGI（最終目標）" });
  await expect(kgis.getByRole("heading", { name: "四半期新規売上" })).toBeVisible();
  await expect(kgis.getByText(/万円|億円/).first()).toBeVisible();
  await expect(page.getByRole("region", { name: "営業" })).toBeVisible();
  await expect(page.locator("[data-status]").first()).toHaveText(JA_STATUSES);
  // Each card has a trend line of the last six months, labelled for screen readers.
  await expect(page.getByRole("img", { name: "四半期新規売上 の推移（直近 6 か月）" })).toBeVisible();
  // The linter's findings, and filters by department and owner kept in the URL.
  await expect(page.getByRole("heading", { name: "プランへの指摘" })).toBeVisible();
  await page.screenshot({ path: `${screenshots}dashboard.png`, fullPage: true });
  await page.getByLabel("部門", { exact: true }).selectOption({ label: "営業" });
  await expect(page).toHaveURL(/dept=sales/);
  await expect(page.getByRole("region", { name: "マーケティング" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "営業" })).toBeVisible();
  await page.getByLabel("担当者", { exact: true }).selectOption("field-sales-lead");
  await expect(page.getByRole("region", { name: "営業" }).getByRole("article")).toHaveCount(1);
  await page.getByRole("button", { name: "絞り込みを解除" }).click();
  await expect(page.getByRole("region", { name: "マーケティング" })).toBeVisible();

  // Previous and next period.
  const periodHeading = page.locator(".period-label");
  const shown = await periodHeading.textContent();
  await page.getByRole("button", { name: "前の期間" }).click();
  await expect(periodHeading).not.toHaveText(shown!);
  await page.getByRole("button", { name: "次の期間" }).click();
  await expect(periodHeading).toHaveText(shown!);

  // The tree (a separate, lazily loaded page) with formulas.
  await page.getByRole("link", { name: "KPI ツリー" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "KPI ツリー" })).toBeVisible();
  await expect(page.getByText("= leads * win_rate * deal_size")).toBeVisible();
  await expect(page.locator(".tree [data-status]").first()).toHaveText(JA_STATUSES);

  // English: labels, period names and status words change; the choice survives a reload.
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "KPI tree" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /FY\d{4} Q[1-4]/ })).toBeVisible();
  await expect(page.locator(".tree [data-status]").first()).toHaveText(EN_STATUSES);
  await page.reload();
  await page.getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect(
    page
      .getByRole("region", { name: "KGIs (final goals)" })
      .getByText(/¥[\d.]+[KMB]/)
      .first(),
  ).toBeVisible();
  await expect(page.locator("[data-status]").first()).toHaveText(EN_STATUSES);
  await page.screenshot({ path: `${screenshots}dashboard-en.png`, fullPage: true });

  // Sign out back to the English sign-in form.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByLabel("Email")).toBeVisible();
  await expect(page.getByLabel("Password")).toBeVisible();
});
