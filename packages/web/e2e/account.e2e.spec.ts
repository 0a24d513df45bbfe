import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { csrfToken } from "./api";
import { demoLogin, signIn, signInAsDemo } from "./demoSignIn";

test.use({ baseURL: process.env.SHIHYO_E2E_BASE_URL });

// The demo owner's password and e-mail are never changed (the other specs sign in with them):
// a member of this spec's own changes theirs, and is removed at the end.
const FIRST_PASSWORD = "e2e account first";
const SECOND_PASSWORD = "e2e account second";

/** A fresh browser, as another device: its own cookies and its own stored language. */
async function device(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: process.env.SHIHYO_E2E_BASE_URL });
  return { context, page: await context.newPage() };
}

/** A write straight through the API with the page's session (its CSRF token from GET /session). */
async function apiWrite(page: Page, method: "post" | "delete", url: string, data?: unknown) {
  return page.request[method](url, {
    headers: { "x-csrf-token": await csrfToken(page) },
    ...(data === undefined ? {} : { data }),
  });
}

test("account: a member changes their password, signs out other devices, and their name and language", async ({
  page,
  browser,
}) => {
  const stamp = Date.now().toString(36);
  const email = `e2e-account-${stamp}@example.com`;
  const name = `E2E アカウント ${stamp}`;

  await signInAsDemo(page);
  const added = await apiWrite(page, "post", "/api/v1/members", {
    email,
    name,
    password: FIRST_PASSWORD,
    role: "viewer",
  });
  expect(added.status()).toBe(201);
  const { userId } = (await added.json()) as { userId: string };
  const devices: BrowserContext[] = [];
  try {
    // The member, on their laptop: the Account section comes first in the settings.
    const laptop = await device(browser);
    devices.push(laptop.context);
    const me = laptop.page;
    await signIn(me, email, FIRST_PASSWORD, "/settings");
    await expect(me.getByRole("heading", { level: 1, name: "設定" })).toBeVisible();
    await expect(me.getByRole("navigation", { name: "設定の項目" }).getByRole("link").first()).toHaveText(
      "アカウント",
    );
    const account = me.getByRole("region", { name: "アカウント" });
    await expect(account.getByText(email, { exact: true })).toBeVisible();
    await expect(account.getByLabel("名前", { exact: true })).toHaveValue(name);

    // The form's own checks first, then the server's refusal of a wrong current password.
    const passwordForm = account.getByRole("form", { name: "パスワードの変更" });
    const current = passwordForm.getByLabel("現在のパスワード");
    const next = passwordForm.getByLabel("新しいパスワード", { exact: true });
    const confirmation = passwordForm.getByLabel("新しいパスワード（確認）");
    const change = passwordForm.getByRole("button", { name: "パスワードを変更" });
    await current.fill(FIRST_PASSWORD);
    await next.fill(SECOND_PASSWORD);
    await confirmation.fill(`${SECOND_PASSWORD}!`);
    await change.click();
    await expect(passwordForm.getByRole("alert")).toHaveText("確認用のパスワードが一致しません。");
    await expect(confirmation).toHaveAttribute("aria-invalid", "true");
    await current.fill("not my password");
    await confirmation.fill(SECOND_PASSWORD);
    await change.click();
    await expect(passwordForm.getByRole("alert")).toHaveText("現在のパスワードが正しくありません。");

    // A phone signed in before the change is signed out by it; the laptop stays signed in.
    const phone = await device(browser);
    devices.push(phone.context);
    await signIn(phone.page, email, FIRST_PASSWORD);
    await expect(phone.page.getByRole("heading", { level: 1, name: "ダッシュボード" })).toBeVisible();
    await current.fill(FIRST_PASSWORD);
    await change.click();
    await expect(passwordForm.getByRole("status")).toHaveText(
      "パスワードを変更しました。他の端末のセッションはすべて終了しました。",
    );
    await expect(current).toHaveValue("");
    expect((await phone.page.request.get("/api/v1/session")).status()).toBe(401);
    await phone.page.reload();
    await expect(phone.page.getByRole("heading", { name: "サインイン" })).toBeVisible();

    // Signed out, the old password no longer opens the account; the new one does.
    await me.getByRole("button", { name: "サインアウト", exact: true }).click();
    await signIn(me, email, FIRST_PASSWORD, "/settings");
    await expect(me.getByRole("alert")).toHaveText("メールアドレスかパスワードが正しくありません。");
    await me.getByLabel("パスワード").fill(SECOND_PASSWORD);
    await me.getByRole("button", { name: "サインイン" }).click();
    await expect(me.getByRole("heading", { level: 1, name: "設定" })).toBeVisible();

    // "Sign out on all other devices": the phone, signed in again, is signed out; the laptop is not.
    await signIn(phone.page, email, SECOND_PASSWORD);
    await expect(phone.page.getByRole("heading", { level: 1, name: "ダッシュボード" })).toBeVisible();
    const sessions = account.getByRole("button", { name: "他の端末のセッションをすべて終了" });
    await sessions.click();
    await expect(account.getByText("他の端末のセッションを 1 件終了しました。")).toBeVisible();
    await phone.page.reload();
    await expect(phone.page.getByRole("heading", { name: "サインイン" })).toBeVisible();
    await me.reload();
    await expect(me.getByRole("heading", { level: 1, name: "設定" })).toBeVisible();
    await sessions.click();
    await expect(account.getByText("他の端末でサインイン中のセッションはありませんでした。")).toBeVisible();

    // Name and language: saved to the account and applied at once.
    const profile = account.getByRole("form", { name: "名前と言語" });
    await profile.getByLabel("名前", { exact: true }).fill(`${name} (renamed)`);
    await profile.getByLabel("使用する言語").selectOption("en");
    await profile.getByRole("button", { name: "保存" }).click();
    await expect(me.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
    const accountEn = me.getByRole("region", { name: "Account" });
    await expect(accountEn.getByRole("form", { name: "Name and language" }).getByRole("status")).toHaveText(
      "Your account was saved.",
    );
    const saved = await (await me.request.get("/api/v1/session")).json();
    expect(saved.user).toMatchObject({ name: `${name} (renamed)`, locale: "en" });
    // English errors come from the server in English too.
    const formEn = accountEn.getByRole("form", { name: "Change password" });
    await formEn.getByLabel("Current password").fill("still not it");
    await formEn.getByLabel("New password", { exact: true }).fill(FIRST_PASSWORD);
    await formEn.getByLabel("Confirm new password").fill(FIRST_PASSWORD);
    await formEn.getByRole("button", { name: "Change password" }).click();
    await expect(formEn.getByRole("alert")).toHaveText("The current password is not right.");
    await me.reload();
    await expect(me.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
    await expect(
      me.getByRole("region", { name: "Account" }).getByLabel("Language", { exact: true }),
    ).toHaveValue("en");
  } finally {
    for (const context of devices) await context.close();
    const removed = await apiWrite(page, "delete", `/api/v1/members/${encodeURIComponent(userId)}`);
    expect(removed.status()).toBe(204);
  }
});

// A member of its own: every password check counts against the sign-in limit of the address
// (10 in 15 minutes), and the test above uses up most of its member's.
test("account: a member changes their e-mail, and only the new address signs in", async ({
  page,
  browser,
}) => {
  const ownerEmail = demoLogin().email;
  const stamp = Date.now().toString(36);
  const email = `e2e-email-${stamp}@example.com`;
  const changed = `e2e-email-${stamp}-new@example.com`;

  await signInAsDemo(page);
  const added = await apiWrite(page, "post", "/api/v1/members", {
    email,
    name: `E2E メール ${stamp}`,
    password: FIRST_PASSWORD,
    role: "viewer",
  });
  expect(added.status()).toBe(201);
  const { userId } = (await added.json()) as { userId: string };
  const laptop = await device(browser);
  try {
    const me = laptop.page;
    await signIn(me, email, FIRST_PASSWORD, "/settings");
    await expect(me.getByRole("heading", { level: 1, name: "設定" })).toBeVisible();
    const account = me.getByRole("region", { name: "アカウント" });
    await expect(account.getByText(email, { exact: true })).toBeVisible();

    // The server refuses an address someone else has, and a wrong password, in Japanese.
    const emailForm = account.getByRole("form", { name: "メールアドレスの変更" });
    const newEmail = emailForm.getByLabel("新しいメールアドレス");
    const password = emailForm.getByLabel("現在のパスワード");
    const change = emailForm.getByRole("button", { name: "メールアドレスを変更" });
    await newEmail.fill(ownerEmail.toUpperCase());
    await password.fill(FIRST_PASSWORD);
    await change.click();
    await expect(emailForm.getByRole("alert")).toHaveText(
      `${ownerEmail.toLowerCase()} は別のアカウントがサインインに使っています。別のアドレスを指定してください。`,
    );
    await expect(newEmail).toHaveValue(ownerEmail.toUpperCase());
    await newEmail.fill(`  ${changed.toUpperCase()} `);
    await password.fill("not my password");
    await change.click();
    await expect(emailForm.getByRole("alert")).toHaveText("現在のパスワードが正しくありません。");

    // The change shows at once: the account section and the header's sign-out name the new address.
    await password.fill(FIRST_PASSWORD);
    await change.click();
    await expect(emailForm.getByRole("status")).toHaveText(
      `メールアドレスを ${changed} に変更しました。次からはこのアドレスでサインインしてください。`,
    );
    await expect(emailForm.getByRole("alert")).toHaveCount(0);
    await expect(newEmail).toHaveValue("");
    await expect(account.getByText(changed, { exact: true })).toBeVisible();
    await expect(account.getByText(email, { exact: true })).toHaveCount(0);
    const signOut = me.getByRole("button", { name: "サインアウト", exact: true });
    await expect(signOut).toHaveAttribute("title", `${changed} でサインイン中`);

    // Signed out, the old address no longer opens the account; the new one does.
    await signOut.click();
    await signIn(me, email, FIRST_PASSWORD, "/settings");
    await expect(me.getByRole("alert")).toHaveText("メールアドレスかパスワードが正しくありません。");
    await me.getByLabel("メールアドレス").fill(changed);
    await me.getByLabel("パスワード").fill(FIRST_PASSWORD);
    await me.getByRole("button", { name: "サインイン" }).click();
    await expect(me.getByRole("heading", { level: 1, name: "設定" })).toBeVisible();
    await expect(
      me.getByRole("region", { name: "アカウント" }).getByText(changed, { exact: true }),
    ).toBeVisible();
  } finally {
    await laptop.context.close();
    const removed = await apiWrite(page, "delete", `/api/v1/members/${encodeURIComponent(userId)}`);
    expect(removed.status()).toBe(204);
  }
});
