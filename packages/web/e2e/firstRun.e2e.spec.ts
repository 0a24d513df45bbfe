/**
 * The first run, on a server of its own: `shihyo serve` (no --demo) on an empty temporary
 * database, serving the same web build as the other tests (SHIHYO_WEB_ROOT or dist/).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { freePort, stop, waitForOutput } from "./processes";

const repoDir = fileURLToPath(new URL("../../../", import.meta.url));
const screenshots = join(repoDir, "docs/screenshots/");
mkdirSync(screenshots, { recursive: true });

let server: ChildProcess | undefined;
let dbDir = "";
let url = "";

test.beforeAll(async () => {
  dbDir = await mkdtemp(join(tmpdir(), "shihyo-first-run-"));
  const port = await freePort();
  server = spawn(
    process.execPath,
    [join(repoDir, "packages/cli/bin/shihyo.js"), "serve", "--db", dbDir, "--port", String(port)],
    { cwd: repoDir, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, SHIHYO_HOST: "127.0.0.1" } },
  );
  await waitForOutput(server, /listening on/i, 60_000);
  server.stdout?.resume();
  server.stderr?.resume();
  url = `http://127.0.0.1:${port}`;
});

test.afterAll(async () => {
  await stop(server);
  if (dbDir) await rm(dbDir, { recursive: true, force: true });
});

test("first run: create the organisation and owner, land signed in, sign in again", async ({ page }) => {
  const account = { email: "hanako@example.com", password: "first run password" };
  expect(await (await page.request.get(`${url}/api/v1/setup`)).json()).toEqual({ needed: true });

  // An empty server asks for the organisation and its first owner instead of a sign-in.
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1, name: "はじめに" })).toBeVisible();
  await expect(page.getByRole("button", { name: "サインイン" })).toHaveCount(0);
  await page.getByLabel("組織名").fill("テスト株式会社");
  await page.getByLabel("お名前").fill("山田 花子");
  await page.getByLabel("メールアドレス").fill(account.email);
  await page.getByLabel("パスワード", { exact: true }).fill(account.password);
  await page.getByLabel("パスワード（確認）").fill(account.password);
  await page.screenshot({ path: `${screenshots}first-run.png` });
  await page.getByLabel("パスワード（確認）").fill("something else");
  await page.getByRole("button", { name: "組織とアカウントを作成" }).click();
  await expect(page.getByRole("alert")).toHaveText("確認用のパスワードが一致しません。");
  await expect(page.getByLabel("パスワード（確認）")).toHaveAttribute("aria-invalid", "true");

  // The server's own checks come back in Japanese too.
  await page.getByLabel("メールアドレス").fill("hanako@example");
  await page.getByLabel("パスワード（確認）").fill(account.password);
  await page.getByRole("button", { name: "組織とアカウントを作成" }).click();
  await expect(page.getByRole("alert")).toHaveText("「hanako@example」はメールアドレスではありません。");

  await page.getByLabel("メールアドレス").fill(account.email);
  await page.getByRole("button", { name: "組織とアカウントを作成" }).click();

  // Signed in as the owner, on the dashboard, which has no plan yet.
  await expect(page.getByRole("button", { name: "サインアウト" })).toBeVisible();
  await expect(page.getByRole("link", { name: "ダッシュボード" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("main").getByText("まだプランがありません。")).toBeVisible();
  expect(await (await page.request.get(`${url}/api/v1/setup`)).json()).toEqual({ needed: false });
  await page.getByRole("link", { name: "設定" }).click();
  const organization = page.getByRole("region", { name: "組織" });
  await expect(organization.getByLabel("組織名")).toHaveValue("テスト株式会社");
  await expect(organization.getByText("オーナー", { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "プランのカレンダー" })).toContainText(
    "まだプランがありません。",
  );

  // Signing out shows the sign-in form now, and the new account signs in.
  await page.getByRole("button", { name: "サインアウト" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "サインイン" })).toBeVisible();
  await page.getByLabel("メールアドレス").fill(account.email);
  await page.getByLabel("パスワード").fill(account.password);
  await page.getByRole("button", { name: "サインイン" }).click();
  await expect(page.getByRole("main").getByText("まだプランがありません。")).toBeVisible();
  await expect(page.getByRole("button", { name: "サインアウト" })).toHaveAttribute(
    "title",
    /hanako@example\.com/,
  );
});
