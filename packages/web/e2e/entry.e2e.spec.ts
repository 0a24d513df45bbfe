import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { signInAsDemo } from "./demoSignIn";

const screenshots = fileURLToPath(new URL("../../../docs/screenshots/", import.meta.url));
mkdirSync(screenshots, { recursive: true });

test.use({ baseURL: process.env.SHIHYO_E2E_BASE_URL });

/** A number as the app shows it in Japanese ("12,345"). */
const numberOf = (text: string | null) => Number((text ?? "").replace(/[^\d.-]/g, ""));
const ja = (value: number) => value.toLocaleString("ja-JP");

/** The visitors card's actual for the current quarter, once the dashboard has its numbers. */
async function visitorsOnDashboard(page: Page): Promise<number> {
  const card = page.getByRole("article", { name: "Webサイト訪問数" });
  await expect(card.locator(".figure-main")).toHaveText(/\d/);
  return numberOf(await card.locator(".figure-main").textContent());
}

/** The grid's row of a KPI (its header cell holds the KPI's name). */
const gridRow = (page: Page, name: string): Locator =>
  page
    .getByRole("grid")
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name }) });

/** What a grid cell shows: the focused cell shows it in its text box. */
const cellText = (cell: Locator) =>
  cell.evaluate((td) => td.querySelector("input")?.value ?? td.textContent ?? "");

/** A stored actual, read through the API with the browser's session. */
async function storedValue(page: Page, node: string, period: string): Promise<number | null> {
  const planId = await page.evaluate(async () => {
    const plans = (await (await fetch("/api/v1/plans")).json()) as { id: string }[];
    return plans[0]!.id;
  });
  const response = await page.request.get(
    `/api/v1/plans/${planId}/measurements?node=${node}&from=${period}&to=${period}`,
  );
  expect(response.ok()).toBe(true);
  const rows = (await response.json()) as { value: number; segment?: string }[];
  return rows.find((r) => r.segment === undefined)?.value ?? null;
}

test("data entry: type and paste into the grid, save, see the dashboard change; import a CSV", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signInAsDemo(page);
  const before = await visitorsOnDashboard(page);

  // The grid, one grain at a time: days of the current quarter, opened on today's column.
  await page.getByRole("link", { name: "データ入力" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "データ入力" })).toBeVisible();
  await page.getByRole("button", { name: "日", exact: true }).click();
  const visitors = gridRow(page, "Webサイト訪問数");
  const todayCell = visitors.locator("td.today");
  await expect.poll(() => cellText(todayCell)).toMatch(/\d/);
  // The other cell typed into: yesterday's, or tomorrow's on the first day of a quarter.
  const firstDayOfQuarter = (await todayCell.getAttribute("data-column")) === "0";
  const otherCell = todayCell.locator(
    firstDayOfQuarter ? "xpath=following-sibling::td[1]" : "xpath=preceding-sibling::td[1]",
  );
  const oldToday = numberOf(await cellText(todayCell));
  const oldOther = numberOf(await cellText(otherCell));

  // Keyboard: click today's cell, ← to yesterday (→ to tomorrow), type a Japanese-style
  // number, Tab (Shift+Tab) back to today, type a wrong value and see it refused on the cell, fix it, Enter.
  await todayCell.click();
  await page.keyboard.press(firstDayOfQuarter ? "ArrowRight" : "ArrowLeft");
  await expect(page.getByRole("textbox", { name: /Webサイト訪問数/ })).toBeFocused();
  await page.keyboard.type("1,234");
  await page.keyboard.press(firstDayOfQuarter ? "Shift+Tab" : "Tab");
  await page.keyboard.type("12x");
  // Checked as it is typed: the text box and its cell are marked, the message says why.
  const box = page.getByRole("textbox", { name: /Webサイト訪問数/ });
  await expect(box).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(".cell-message")).toContainText("「12x」は数値として読めません");
  await expect(box).toHaveAccessibleDescription(/「12x」は数値として読めません/);
  await page.keyboard.press("Enter");
  await expect(todayCell).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(".entry-problems")).toContainText("Webサイト訪問数・");
  await expect(page.locator(".entry-problems")).toContainText("「12x」は数値として読めません");
  await expect(page.getByRole("button", { name: "保存" })).toBeEnabled();
  await page.keyboard.press("ArrowUp"); // back on today's cell
  await page.keyboard.press("Escape"); // the wrong value goes, the stored one is back
  await expect(todayCell).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(".entry-problems")).toHaveCount(0);
  await expect.poll(() => cellText(todayCell)).toBe(ja(oldToday));
  await page.keyboard.type("5000");
  await page.keyboard.press("Enter");
  await expect(otherCell).toHaveClass(/dirty/);
  await expect(todayCell).toHaveClass(/dirty/);
  await expect(page.getByText("未保存の変更 2 件")).toBeVisible();

  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status").filter({ hasText: "保存しました" })).toHaveText(
    firstDayOfQuarter
      ? "保存しました：新規 1 件・更新 1 件・変更なし 0 件"
      : "保存しました：新規 0 件・更新 2 件・変更なし 0 件",
  );
  await expect(page.getByText("未保存の変更はありません")).toBeVisible();
  await expect.poll(() => cellText(todayCell)).toBe("5,000");
  await expect.poll(() => cellText(otherCell)).toBe("1,234");

  // The dashboard shows the new quarter total: the two days' old values out, the new ones in.
  await page.getByRole("link", { name: "ダッシュボード" }).click();
  // (A day after today is not counted yet.)
  const expected = before - oldToday + 5000 + (firstDayOfQuarter ? 0 : 1234 - oldOther);
  await expect(page.getByRole("article", { name: "Webサイト訪問数" }).locator(".figure-main")).toHaveText(
    ja(expected),
  );

  // Paste a 2 × 2 block from a spreadsheet at releases' cell of yesterday (today on a
  // quarter's first day): releases and production bugs (the next row), two days.
  await page.getByRole("link", { name: "データ入力" }).click();
  await page.getByRole("button", { name: "日", exact: true }).click();
  const releases = gridRow(page, "主要機能リリース数");
  const bugs = gridRow(page, "本番バグ件数");
  await (firstDayOfQuarter
    ? releases.locator("td.today")
    : releases.locator("td.today").locator("xpath=preceding-sibling::td[1]")
  ).click();
  await page.evaluate(() => navigator.clipboard.writeText("7\t8\r\n9\t10\r\n"));
  await page.keyboard.press("Control+V");
  await expect(page.getByRole("status").filter({ hasText: "貼り付け" })).toContainText(
    "4 セルを貼り付けました",
  );
  // Unsaved cells say so in words too (for screen readers), not by their colour alone.
  await expect
    .poll(() => cellText(releases.locator("td.today")))
    .toBe(firstDayOfQuarter ? "7 (未保存)" : "8 (未保存)");
  await expect
    .poll(() => cellText(bugs.locator("td.today")))
    .toBe(firstDayOfQuarter ? "9 (未保存)" : "10 (未保存)");
  await expect(page.getByText("未保存の変更 4 件")).toBeVisible();
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status").filter({ hasText: "保存しました" })).toContainText("保存しました");
  await expect(page.getByText("未保存の変更はありません")).toBeVisible();

  // A CSV with a bad value on line 3: refused with the line, the value and why; nothing written.
  // Two days a month ago (in Tokyo), inside the demo's year of data whenever the test runs.
  const daysAgo = (days: number) =>
    new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" }).format(Date.now() - days * 86_400_000);
  const firstDay = daysAgo(31);
  const secondDay = daysAgo(30);
  const storedFirst = await storedValue(page, "visitors", firstDay);
  const bad = ["node,period,value", `visitors,${firstDay},999999`, `visitors,${secondDay},たくさん`, ""].join(
    "\n",
  );
  await page.getByLabel("CSV / Excel ファイルを選ぶ").setInputFiles({
    name: "bad.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(bad),
  });
  const rejected = page.getByRole("alert").filter({ hasText: "bad.csv" });
  await expect(rejected).toContainText("「bad.csv」に誤りが 1 件あります。何も保存していません。");
  const badRow = rejected.getByRole("row").nth(1);
  await expect(badRow.getByRole("cell").nth(0)).toHaveText("3");
  await expect(badRow.getByRole("cell").nth(1)).toHaveText("value");
  await expect(badRow.getByRole("cell").nth(2)).toHaveText("たくさん");
  expect(await storedValue(page, "visitors", firstDay)).toBe(storedFirst);
  await rejected.getByRole("button", { name: "やめる" }).click();

  // A good CSV: checked first (counts and rows, nothing written), then imported.
  // The demo has every day of these KPIs, so each row below is an update or no change.
  const releasesFirst = (await storedValue(page, "releases", firstDay))!;
  const bugsFirst = (await storedValue(page, "prod_bugs", firstDay))!;
  const bugsSecond = (await storedValue(page, "prod_bugs", secondDay))!;
  expect([releasesFirst, bugsFirst, bugsSecond]).not.toContain(null);
  const good = [
    "node,period,value",
    `releases,${firstDay},${releasesFirst + 1}`, // updated
    `prod_bugs,${firstDay},${bugsFirst + 2}`, // updated
    `prod_bugs,${secondDay},${bugsSecond}`, // unchanged
    "",
  ].join("\n");
  await page.getByLabel("CSV / Excel ファイルを選ぶ").setInputFiles({
    name: "good.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(good),
  });
  await expect(page.getByRole("status").filter({ hasText: "good.csv" })).toContainText(
    "取り込むと、新規 0 件・更新 2 件・変更なし 1 件になります（全 3 行）。まだ保存していません。",
  );
  const preview = page.getByRole("table", { name: /取り込む内容/ });
  await expect(preview.getByRole("row")).toHaveCount(4);
  await expect(preview.getByRole("row").nth(1)).toContainText("更新");
  await expect(preview.getByRole("row").nth(3)).toContainText("変更なし");
  expect(await storedValue(page, "releases", firstDay)).toBe(releasesFirst);

  // The screenshot: the grid with an unsaved value, and the checked file waiting to be imported.
  await releases.locator("td.today").click();
  await page.keyboard.type("3");
  await page.keyboard.press("Enter");
  await page.screenshot({ path: `${screenshots}data-entry.png`, fullPage: true });
  // Leaving with unsaved changes asks first; staying keeps them.
  let question = "";
  page.once("dialog", (dialog) => {
    question = dialog.message();
    void dialog.dismiss();
  });
  await page.getByRole("link", { name: "ダッシュボード" }).click();
  await expect.poll(() => question).toBe("保存していない変更があります。このページを離れますか？");
  await expect(page.getByRole("heading", { level: 1, name: "データ入力" })).toBeVisible();
  await expect(page.getByText("未保存の変更 1 件")).toBeVisible();
  await releases.locator("td.today").click();
  await page.keyboard.press("Escape");
  await expect(page.getByText("未保存の変更はありません")).toBeVisible();

  await page.getByRole("button", { name: "取り込む", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "取り込みました" })).toHaveText(
    "「good.csv」を取り込みました：新規 0 件・更新 2 件・変更なし 1 件",
  );
  expect(await storedValue(page, "releases", firstDay)).toBe(releasesFirst + 1);
  expect(await storedValue(page, "prod_bugs", firstDay)).toBe(bugsFirst + 2);
});
