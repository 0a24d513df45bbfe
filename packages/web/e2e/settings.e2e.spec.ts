import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, type Page, test } from "@playwright/test";
import { csrfToken } from "./api";
import { demoLogin, signInAsDemo } from "./demoSignIn";

const screenshots = fileURLToPath(new URL("../../../docs/screenshots/", import.meta.url));
mkdirSync(screenshots, { recursive: true });

test.use({ baseURL: process.env.SHIHYO_E2E_BASE_URL });

const RENAMED = "Shihyo デモ株式会社";

/** Straight through the API with the page's session: to put the organisation's name back whatever happened. */
async function renameOrganization(page: Page, name: string) {
  const response = await page.request.patch("/api/v1/orgs/current", {
    data: { name },
    headers: { "x-csrf-token": await csrfToken(page) },
  });
  expect(response.status()).toBe(200);
}

test("settings: organisation, API token shown once, members, language, calendar", async ({
  page,
  browser,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signInAsDemo(page);
  const original = (await (await page.request.get("/api/v1/orgs/current")).json()).name as string;
  const stamp = Date.now().toString(36);
  try {
    await page.getByRole("link", { name: "設定" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "設定" })).toBeVisible();
    // The table of contents leads to each section.
    const toc = page.getByRole("navigation", { name: "設定の項目" });
    await expect(toc.getByRole("link")).toHaveText([
      "アカウント",
      "組織",
      "メンバーとロール",
      "API トークン",
      "監査ログ",
      "表示言語",
      "プランのカレンダー",
    ]);

    // Organisation: the demo's owner renames it; the new name survives a reload.
    const organization = page.getByRole("region", { name: "組織" });
    const nameField = organization.getByLabel("組織名");
    await expect(nameField).toHaveValue(original);
    await expect(organization.getByText("demo", { exact: true })).toBeVisible();
    await expect(organization.getByText("オーナー", { exact: true })).toBeVisible();
    await nameField.fill(RENAMED);
    await organization.getByRole("button", { name: "組織名を保存" }).click();
    await expect(organization.getByRole("status")).toHaveText(`組織名を「${RENAMED}」に変更しました。`);
    await page.reload();
    await expect(page.getByRole("region", { name: "組織" }).getByLabel("組織名")).toHaveValue(RENAMED);

    // API token: created with a role and a scope, its secret shown once, and it works.
    const tokens = page.getByRole("region", { name: "API トークン" });
    const tokenName = `e2e-token-${stamp}`;
    await tokens.getByLabel("名前（用途がわかるように）").fill(tokenName);
    await tokens.getByLabel("ロール", { exact: true }).selectOption("viewer");
    await expect(tokens.getByLabel("プランの変更")).toBeVisible();
    await tokens.getByLabel("読み取り").check();
    await tokens.getByRole("button", { name: "作成", exact: true }).click();
    const once = tokens.getByRole("region", { name: `新しいトークン「${tokenName}」` });
    await expect(once.getByText("このトークンが表示されるのは今だけです。")).toBeVisible();
    const secretField = once.getByLabel("トークン");
    await expect(secretField).toHaveValue(/^shy_\S{20,}$/);
    const secret = await secretField.inputValue();
    await once.getByRole("button", { name: "コピー" }).click();
    await expect(once.getByRole("status")).toHaveText("コピーしました。");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    const bearer = { authorization: `Bearer ${secret}` };
    expect((await page.request.get("/api/v1/plans", { headers: bearer })).status()).toBe(200);
    const row = tokens.getByRole("row", { name: new RegExp(tokenName) });
    await expect(row).toContainText("閲覧者");
    await expect(row).toContainText("読み取り");
    await expect(row).toContainText("有効");

    // After a reload the secret is gone for good; only the token's name and prefix are listed.
    await page.reload();
    await expect(
      page.getByRole("region", { name: "API トークン" }).getByRole("row", { name: new RegExp(tokenName) }),
    ).toContainText(secret.slice(0, 8));
    expect(await page.content()).not.toContain(secret);
    expect(
      await page.evaluate((s) => [...document.querySelectorAll("input")].some((i) => i.value === s), secret),
    ).toBe(false);

    // Revoked after a confirmation: the token stops working and is listed as revoked.
    await row.getByRole("button", { name: `${tokenName} を失効させる` }).click();
    await expect(row.getByText(`トークン「${tokenName}」を失効させますか？`)).toBeVisible();
    await row.getByRole("button", { name: "失効させる", exact: true }).click();
    await expect(tokens.getByRole("status").last()).toHaveText(`トークン「${tokenName}」を失効させました。`);
    await expect(row).toContainText("失効（");
    expect((await page.request.get("/api/v1/plans", { headers: bearer })).status()).toBe(401);

    // Members: add one as editor, make them a viewer, then remove them.
    const members = page.getByRole("region", { name: "メンバーとロール" });
    const email = `e2e-member-${stamp}@example.com`;
    const memberName = `E2E メンバー ${stamp}`;
    const add = members.getByRole("form", { name: "メンバーを追加" });
    await add.getByLabel("メールアドレス").fill(email);
    await add.getByLabel("名前（任意）").fill(memberName);
    await add.getByLabel("ロール").selectOption("editor");
    await add.getByLabel("初期パスワード").fill("e2e member password");
    await add.getByRole("button", { name: "追加" }).click();
    await expect(members.getByRole("status")).toHaveText(`${email} を「編集者」として追加しました。`);
    const memberRow = members.getByRole("row", { name: new RegExp(email) });
    const roleSelect = memberRow.getByLabel(`${memberName} のロール`);
    await expect(roleSelect).toHaveValue("editor");
    await roleSelect.selectOption("viewer");
    await memberRow.getByRole("button", { name: "ロールを変更" }).click();
    await expect(members.getByRole("status")).toHaveText(`${memberName} のロールを「閲覧者」にしました。`);
    // Signed in as that viewer (another browser): everything above a viewer is read-only, and says why.
    const viewerContext = await browser.newContext({ baseURL: process.env.SHIHYO_E2E_BASE_URL });
    try {
      const viewer = await viewerContext.newPage();
      await viewer.goto("/settings");
      await viewer.getByLabel("メールアドレス").fill(email);
      await viewer.getByLabel("パスワード").fill("e2e member password");
      await viewer.getByRole("button", { name: "サインイン" }).click();
      await expect(viewer.getByRole("heading", { level: 1, name: "設定" })).toBeVisible();
      const viewerOrganization = viewer.getByRole("region", { name: "組織" });
      await expect(viewerOrganization.getByLabel("組織名")).toHaveAttribute("readonly", "");
      await expect(viewerOrganization.getByRole("button")).toHaveCount(0);
      await expect(viewerOrganization).toContainText("組織名を変更できるのはオーナーだけです。");
      const viewerMembers = viewer.getByRole("region", { name: "メンバーとロール" });
      await expect(viewerMembers).toContainText(
        "メンバーの追加・ロールの変更・削除は、管理者とオーナーができます。",
      );
      await expect(viewerMembers.getByRole("row", { name: new RegExp(email) })).toContainText("閲覧者");
      await expect(viewerMembers.getByRole("combobox")).toHaveCount(0);
      await expect(viewerMembers.getByRole("button")).toHaveCount(0);
      const viewerTokens = viewer.getByRole("region", { name: "API トークン" });
      await expect(viewerTokens).toContainText("API トークンを扱えるのは管理者とオーナーだけです。");
      await expect(viewerTokens.getByRole("table")).toHaveCount(0);
    } finally {
      await viewerContext.close();
    }

    // The owner's own row cannot be changed, and says why.
    await expect(members.getByRole("row", { name: /admin@demo\.shihyo\.dev/ })).toContainText(
      "自分自身のロールは変更できません。",
    );
    await memberRow.getByRole("button", { name: `${memberName} を外す` }).click();
    await memberRow.getByRole("button", { name: "組織から外す" }).click();
    await expect(members.getByRole("status")).toHaveText(`${memberName} を組織から外しました。`);
    await expect(members.getByRole("row", { name: new RegExp(email) })).toHaveCount(0);

    // The audit log tells what was just done, in words: by whom, on what, with the details.
    const ownerEmail = demoLogin().email;
    const audit = page.getByRole("region", { name: "監査ログ" });
    await audit.getByRole("button", { name: "最新の状態に更新" }).click();
    const created = audit
      .getByRole("row")
      .filter({ hasText: "API トークンを作成" })
      .filter({ hasText: tokenName });
    await expect(created).toHaveCount(1);
    await expect(created).toContainText(ownerEmail);
    await expect(created).toContainText("ロール: 閲覧者、スコープ: 読み取り");
    await expect(created.locator("time")).toHaveText(/^\d{4}\/\d{2}\/\d{2} \d{1,2}:\d{2}$/);
    await expect(
      audit.getByRole("row").filter({ hasText: "API トークンを失効" }).filter({ hasText: tokenName }),
    ).toHaveCount(1);
    const roleChange = audit.getByRole("row").filter({ hasText: "ロールを変更" }).first();
    await expect(roleChange).toContainText("ロール: 編集者 → 閲覧者");
    // Newest first: the member's removal, the last thing done, heads the list.
    await expect(audit.getByRole("row").nth(1)).toContainText("メンバーを外す");
    // Filtered on the server by kind: only token changes; then by who: the owner's.
    const byKind = page.waitForResponse(
      (r) => r.url().includes("/api/v1/audit?") && r.url().includes("action="),
    );
    await audit.getByLabel("操作の種類").selectOption({ label: "API トークン" });
    expect(new URL((await byKind).url()).searchParams.get("action")).toBe("token.create,token.revoke");
    await expect(audit.getByRole("row").filter({ hasText: "メンバーを外す" })).toHaveCount(0);
    await expect(
      audit.getByRole("row").filter({ hasText: "API トークンを失効" }).filter({ hasText: tokenName }),
    ).toHaveCount(1);
    const kinds = await audit.locator("tbody th").allTextContents();
    expect(kinds.length).toBeGreaterThanOrEqual(2);
    expect(kinds.every((k) => k === "API トークンを作成" || k === "API トークンを失効")).toBe(true);
    const actor = audit.getByLabel("実行者");
    const owner = await actor.locator("option", { hasText: ownerEmail }).getAttribute("value");
    const byOwner = page.waitForResponse(
      (r) => r.url().includes("/api/v1/audit?") && r.url().includes("userId="),
    );
    await actor.selectOption(owner!);
    const ownerPage = (await (await byOwner).json()) as { entries: { userId: string; action: string }[] };
    expect(ownerPage.entries.length).toBeGreaterThanOrEqual(2);
    expect(ownerPage.entries.every((e) => e.userId === owner!.slice("user:".length))).toBe(true);
    await expect(created).toHaveCount(1);
    // Back to everything: the newest entry heads the list again.
    await actor.selectOption("");
    await audit.getByLabel("操作の種類").selectOption("");
    await expect(audit.getByRole("row").nth(1)).toContainText("メンバーを外す");

    // The plan's calendar, read from the demo plan; changed in the plan editor.
    const calendar = page.getByRole("region", { name: "プランのカレンダー" });
    await expect(calendar.getByText("4月", { exact: true })).toBeVisible();
    await expect(calendar.getByText("Asia/Tokyo")).toBeVisible();
    await expect(calendar.getByRole("link", { name: "プラン編集で変更する" })).toHaveAttribute(
      "href",
      /^\/plan/,
    );
    await page.getByRole("heading", { level: 1, name: "設定" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${screenshots}settings.png`, fullPage: true });

    // Language: the same setting as the header's switch, remembered after a reload.
    await page.getByRole("radio", { name: "English" }).check();
    await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
    await expect(page.getByRole("button", { name: "English" })).toHaveAttribute("aria-pressed", "true");
    await expect(
      page.getByRole("region", { name: "Plan calendar" }).getByText("April", { exact: true }),
    ).toBeVisible();
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
    await expect(page.getByRole("radio", { name: "English" })).toBeChecked();
    await page.getByRole("radio", { name: "日本語" }).check();
    await expect(page.getByRole("heading", { level: 1, name: "設定" })).toBeVisible();
  } finally {
    await renameOrganization(page, original);
  }
  await page.reload();
  await expect(page.getByRole("region", { name: "組織" }).getByLabel("組織名")).toHaveValue(original);
});
