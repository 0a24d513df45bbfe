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

/** A stored actual (without a segment), read through the API with the browser's session. */
async function storedValue(page: Page, node: string, period: string): Promise<number | null> {
  return (await storedBySegment(page, node, period))[""] ?? null;
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

/** This month's id in the plan's time zone ("2026-11"). */
const thisMonth = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tokyo" }).format(Date.now()).slice(0, 7);

/** A segment's row under a KPI (its header holds the KPI's name, hidden, and the segment's). */
const segmentRow = (page: Page, kpi: string, segment: string): Locator =>
  page
    .getByRole("grid")
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: `${kpi} ${segment}`, exact: true }) });

/** Every stored actual of a node in one period, by segment ("" for none). */
async function storedBySegment(page: Page, node: string, period: string): Promise<Record<string, number>> {
  const planId = await page.evaluate(async () => {
    const plans = (await (await fetch("/api/v1/plans")).json()) as { id: string }[];
    return plans[0]!.id;
  });
  const response = await page.request.get(
    `/api/v1/plans/${planId}/measurements?node=${node}&from=${period}&to=${period}`,
  );
  expect(response.ok()).toBe(true);
  const rows = (await response.json()) as { value: number; segment?: string }[];
  return Object.fromEntries(rows.map((r) => [r.segment ?? "", r.value]));
}

/** The month grid of every measured KPI, for the current quarter. */
async function openMonthGrid(page: Page): Promise<void> {
  await page.getByRole("link", { name: "データ入力" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "データ入力" })).toBeVisible();
  await page.getByLabel("表示する KPI").selectOption("all");
  await page.locator(".entry-toolbar").getByRole("button", { name: "月", exact: true }).click();
}

// Only "onboarded" (オンボーディング完了社数) is written here: no other spec reads it or the
// onboarding rate computed from it.
test("data entry by segment: add segment rows, type, save, see the total; switching the period asks first", async ({
  page,
}) => {
  const kpi = "オンボーディング完了社数";
  const month = thisMonth();
  await signInAsDemo(page);
  const before = await storedBySegment(page, "onboarded", month);
  expect(Object.keys(before).filter((s) => s !== "")).toEqual([]); // no segments yet
  const unsegmented = before[""] ?? null;
  await openMonthGrid(page);
  await expect(gridRow(page, kpi)).toHaveCount(1);

  // Add two segment rows by name; a blank name and a name that differs only in width are refused.
  const form = page.getByRole("form", { name: "セグメントの行を追加" });
  await form.getByRole("combobox", { name: "KPI", exact: true }).selectOption({ label: kpi });
  const name = form.getByLabel("セグメント名");
  await form.getByRole("button", { name: "行を追加" }).click();
  await expect(form.getByRole("alert")).toHaveText("セグメント名を入力してください。");
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await name.fill(" 東日本 ");
  await name.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "行を追加しました" })).toHaveText(
    `「${kpi}」にセグメント「東日本」の行を追加しました。値を入力して保存してください。`,
  );
  await expect(name).toHaveValue("");
  await name.fill("東日本");
  await name.press("Enter");
  await expect(form.getByRole("alert")).toContainText("「東日本」と同じ名前のセグメントがすでにあります");
  await name.fill("西日本");
  await name.press("Enter");
  await expect(form.getByRole("alert")).toHaveCount(0);

  // The KPI's row is now the total of its segments: read-only, with a word on why.
  const total = gridRow(page, kpi).filter({ has: page.getByText("セグメントの合計") });
  const east = segmentRow(page, kpi, "東日本");
  const west = segmentRow(page, kpi, "西日本");
  await expect(total).toHaveCount(1);
  await expect(east).toHaveCount(1);
  await expect(west).toHaveCount(1);
  // The quarter's unsegmented actuals (the demo's) are a row of their own, part of the total;
  // the form says what that means.
  const unsegmentedRow = segmentRow(page, kpi, "（セグメントなし）");
  const mixed = (await unsegmentedRow.count()) === 1;
  if (unsegmented !== null) expect(mixed).toBe(true);
  if (mixed) await expect(form).toContainText("この KPI には、この期間にセグメントなしの実績があります。");
  const totalToday = total.locator("td.today");
  await totalToday.click();
  await expect(page.locator(".cell-message")).toHaveText(
    "この行はセグメントの集計で、直接は入力できません。下のセグメントの行に入力してください。",
  );
  await page.keyboard.type("99");
  await expect(page.getByText("未保存の変更はありません")).toBeVisible();

  // Keyboard: down from the total through the segment rows (in the Japanese order: 西 before 東),
  // typing into each.
  if (mixed) {
    await page.keyboard.press("ArrowDown");
    await expect(
      page.getByRole("textbox", { name: /オンボーディング完了社数・（セグメントなし）/ }),
    ).toBeFocused();
  }
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("textbox", { name: /オンボーディング完了社数・西日本/ })).toBeFocused();
  await page.keyboard.type("4");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("textbox", { name: /オンボーディング完了社数・東日本/ })).toBeFocused();
  await page.keyboard.type("3");
  await page.keyboard.press("Enter");
  await expect(page.getByText("未保存の変更 2 件")).toBeVisible();
  // Hand-computed: the total adds the segments to the unsegmented actual (the engine counts it too).
  const expected = (unsegmented ?? 0) + 3 + 4;
  await expect.poll(() => cellText(totalToday)).toBe(`${ja(expected)} (未保存の値を含む)`);

  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status").filter({ hasText: "保存しました" })).toHaveText(
    "保存しました：新規 2 件・更新 0 件・変更なし 0 件",
  );
  await expect.poll(() => cellText(totalToday)).toBe(ja(expected));
  await total.scrollIntoViewIfNeeded();
  await page.locator(".entry-section").screenshot({ path: `${screenshots}data-entry-segments.png` });
  expect(await storedBySegment(page, "onboarded", month)).toEqual({
    ...(unsegmented === null ? {} : { "": unsegmented }),
    東日本: 3,
    西日本: 4,
  });
  // The KPI's actual for the month, as the dashboard and the detail page get it.
  const evaluation = await page.evaluate(async (period) => {
    const plans = (await (await fetch("/api/v1/plans")).json()) as { id: string }[];
    const answer = await fetch(`/api/v1/plans/${plans[0]!.id}/evaluation?period=${period}`);
    return (await answer.json()) as { nodes: { id: string; actual: number | null }[] };
  }, month);
  expect(evaluation.nodes.find((n) => n.id === "onboarded")?.actual).toBe(expected);

  // A typed cell, then the period switched: asked first; "no" keeps the cell.
  await east.locator("td.today").click();
  await page.keyboard.type("5");
  await page.keyboard.press("Enter");
  await expect(page.getByText("未保存の変更 1 件")).toBeVisible();
  const periodLabel = page.locator(".period-label");
  const shownPeriod = await periodLabel.textContent();
  const questions: string[] = [];
  page.once("dialog", (dialog) => {
    questions.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByRole("button", { name: "次の期間" }).click();
  await expect
    .poll(() => questions)
    .toEqual([
      "保存していない変更が 1 件あります。プランや期間を切り替えると、これらは失われます。切り替えますか？",
    ]);
  await expect(periodLabel).toHaveText(shownPeriod!);
  await expect(page.getByText("未保存の変更 1 件")).toBeVisible();
  await expect.poll(() => cellText(east.locator("td.today"))).toBe("5 (未保存)");

  // "Yes" switches and drops the typed cell; nothing was stored.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "次の期間" }).click();
  await expect(periodLabel).not.toHaveText(shownPeriod!);
  const nextPeriod = await periodLabel.textContent();
  await expect(page.getByText("未保存の変更はありません")).toBeVisible();

  // The browser's back button (back to the first period) asks too: "no" stays, "yes" goes.
  await east.locator("td").first().click();
  await page.keyboard.type("6");
  await page.keyboard.press("Enter");
  await expect(page.getByText("未保存の変更 1 件")).toBeVisible();
  page.once("dialog", (dialog) => {
    questions.push(dialog.message());
    void dialog.dismiss();
  });
  await page.evaluate(() => history.back());
  await expect.poll(() => questions.length).toBe(2);
  expect(questions[1]).toBe(
    "保存していない変更が 1 件あります。移動すると、これらは失われます。移動しますか？",
  );
  await expect(periodLabel).toHaveText(nextPeriod!);
  await expect(page.getByText("未保存の変更 1 件")).toBeVisible();
  await expect.poll(() => cellText(east.locator("td").first())).toBe("6 (未保存)");
  page.once("dialog", (dialog) => void dialog.accept());
  await page.evaluate(() => history.back());
  await expect(periodLabel).toHaveText(shownPeriod!);
  await expect(page.getByText("未保存の変更はありません")).toBeVisible();
  await expect.poll(() => cellText(east.locator("td.today"))).toBe("3");
  expect((await storedBySegment(page, "onboarded", month))["東日本"]).toBe(3);

  // A fresh page (no segment added in it) on the previous quarter, where the KPI has no value
  // by segment: the server's list of its segments (from this month's actuals) still makes it
  // the read-only total and one row per segment, empty; not a plain row whose typed total
  // would be added to the segments' values.
  const earlierMonths = previousQuarterMonths(month);
  const earlier = await Promise.all(earlierMonths.map((m) => storedBySegment(page, "onboarded", m)));
  expect(earlier.flatMap((values) => Object.keys(values).filter((s) => s !== ""))).toEqual([]);
  await page.reload();
  await openMonthGrid(page);
  page.once("dialog", (dialog) => void dialog.dismiss()); // no question expected: nothing typed
  await page.getByRole("button", { name: "前の期間" }).click();
  await expect(periodLabel).not.toHaveText(shownPeriod!);
  await expect(total).toHaveCount(1);
  await expect(east).toHaveCount(1);
  await expect(west).toHaveCount(1);
  // Every row of the KPI: the total, the unsegmented actuals' row where the quarter has some
  // (the demo's), and the two segments; no plain row.
  const hasUnsegmented = earlier.some((values) => values[""] !== undefined);
  await expect(unsegmentedRow).toHaveCount(hasUnsegmented ? 1 : 0);
  await expect(gridRow(page, kpi)).toHaveCount(hasUnsegmented ? 4 : 3);
  await expect(total.locator("td")).toHaveCount(earlierMonths.length);
  // Hand-computed: the segments have no value, so each month's total is the unsegmented actual alone.
  for (const [index, values] of earlier.entries()) {
    const cell = (row: Locator) => row.locator(`td[data-column="${index}"]`);
    await expect.poll(() => cellText(cell(east))).toBe("");
    await expect.poll(() => cellText(cell(west))).toBe("");
    await expect.poll(() => cellText(cell(total))).toBe(values[""] === undefined ? "" : ja(values[""]));
  }
  await expect(total.locator('td[data-column="0"]')).toHaveAttribute("aria-readonly", "true");
  await total.locator('td[data-column="0"]').click();
  await expect(page.locator(".cell-message")).toHaveText(
    "この行はセグメントの集計で、直接は入力できません。下のセグメントの行に入力してください。",
  );
  await page.keyboard.type("99");
  await expect(page.getByText("未保存の変更はありません")).toBeVisible();
});

/** The three month ids of the quarter before the one of `month` (calendar quarters: April starts the fiscal year). */
function previousQuarterMonths(month: string): string[] {
  const [year, number] = month.split("-").map(Number) as [number, number];
  const start = year * 12 + Math.floor((number - 1) / 3) * 3 - 3;
  return [0, 1, 2].map((i) => {
    const m = start + i;
    return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
  });
}

// Only today's cells of visitors and releases are typed into; one value of releases is saved.
test("data entry: typed cells survive the browser's Back button; discarding or saving clears them", async ({
  page,
}) => {
  await signInAsDemo(page);
  const dashboard = page.getByRole("heading", { level: 1, name: "ダッシュボード" });
  const entry = page.getByRole("heading", { level: 1, name: "データ入力" });
  const restoredNotice = page.getByRole("status").filter({ hasText: "復元しました" });
  const visitorsToday = gridRow(page, "Webサイト訪問数").locator("td.today");
  const releasesToday = gridRow(page, "主要機能リリース数").locator("td.today");
  await expect(dashboard).toBeVisible();
  await page.getByRole("link", { name: "データ入力" }).click();
  await expect(entry).toBeVisible();
  await page.getByRole("button", { name: "日", exact: true }).click();
  await expect.poll(() => cellText(visitorsToday)).toMatch(/\d/);
  const oldVisitors = numberOf(await cellText(visitorsToday));
  const oldReleases = numberOf(await cellText(releasesToday));

  /** Types a value into a cell and leaves it. */
  const type = async (cell: Locator, value: number) => {
    await cell.click();
    await page.keyboard.type(String(value));
    await page.keyboard.press("Enter");
  };
  await type(visitorsToday, oldVisitors + 11);
  await type(releasesToday, oldReleases + 2);
  await expect(page.getByText("未保存の変更 2 件")).toBeVisible();

  // Back leaves at once (the router hears it first; nothing asks). Forward: the two cells are
  // back, in the day grid they were typed in (the page opens on another grain), and it says so.
  let asked = false;
  page.on("dialog", (dialog) => {
    asked = true;
    void dialog.dismiss();
  });
  await page.goBack();
  await expect(dashboard).toBeVisible();
  await page.goForward();
  await expect(entry).toBeVisible();
  await expect(restoredNotice).toHaveText(
    "保存していない 2 件の入力を復元しました。保存するか取り消してください。復元した入力を取り消す",
  );
  await expect(page.getByText("未保存の変更 2 件")).toBeVisible();
  // (The grid's first row is the focused cell: its text box shows the number alone.)
  await expect
    .poll(() => cellText(visitorsToday))
    .toMatch(new RegExp(`^${ja(oldVisitors + 11)}( \\(未保存\\))?$`));
  await expect(visitorsToday).toHaveClass(/dirty/);
  await expect.poll(() => cellText(releasesToday)).toBe(`${ja(oldReleases + 2)} (未保存)`);
  expect(asked).toBe(false);

  // Discard (asked first): the cells show the stored values again, the notice goes, and
  // nothing comes back the next time.
  page.removeAllListeners("dialog");
  const questions: string[] = [];
  page.on("dialog", (dialog) => {
    questions.push(dialog.message());
    void dialog.accept();
  });
  await restoredNotice.getByRole("button", { name: "復元した入力を取り消す" }).click();
  expect(questions).toEqual(["未保存の変更 2 件を取り消しますか？"]);
  await expect(page.getByText("未保存の変更はありません")).toBeVisible();
  await expect(restoredNotice).toHaveCount(0);
  await expect.poll(() => cellText(visitorsToday)).toBe(ja(oldVisitors));
  await expect.poll(() => cellText(releasesToday)).toBe(ja(oldReleases));
  await page.goBack();
  await expect(dashboard).toBeVisible();
  await page.goForward();
  await expect(entry).toBeVisible();
  await page.getByRole("button", { name: "日", exact: true }).click();
  await expect.poll(() => cellText(releasesToday)).toBe(ja(oldReleases));
  await expect(page.getByText("未保存の変更はありません")).toBeVisible();
  await expect(restoredNotice).toHaveCount(0);

  // Typed, then the period switched with a yes: the cell is dropped, and not restored on coming back.
  await type(releasesToday, oldReleases + 3);
  await expect(page.getByText("未保存の変更 1 件")).toBeVisible();
  await page.getByRole("button", { name: "次の期間" }).click();
  await expect(page.getByText("未保存の変更はありません")).toBeVisible();
  await page.getByRole("button", { name: "前の期間" }).click();
  await page.getByRole("button", { name: "日", exact: true }).click();
  await expect.poll(() => cellText(releasesToday)).toBe(ja(oldReleases));
  await expect(page.getByText("未保存の変更はありません")).toBeVisible();
  await expect(restoredNotice).toHaveCount(0);
  expect(questions).toEqual([
    "未保存の変更 2 件を取り消しますか？",
    "保存していない変更が 1 件あります。プランや期間を切り替えると、これらは失われます。切り替えますか？",
  ]);

  // Typed and saved: a reload has nothing to restore, and shows the saved value.
  await type(releasesToday, oldReleases + 1);
  await expect(page.getByText("未保存の変更 1 件")).toBeVisible();
  await page.getByRole("button", { name: "保存" }).click();
  await expect(page.getByRole("status").filter({ hasText: "保存しました" })).toHaveText(
    "保存しました：新規 0 件・更新 1 件・変更なし 0 件",
  );
  await page.reload();
  await expect(entry).toBeVisible();
  await page.getByRole("button", { name: "日", exact: true }).click();
  await expect.poll(() => cellText(releasesToday)).toBe(ja(oldReleases + 1));
  await expect(page.getByText("未保存の変更はありません")).toBeVisible();
  await expect(restoredNotice).toHaveCount(0);
  expect(questions).toHaveLength(2);
});

test("data entry: where the browser refuses to store the typed cells, the grid works as before", async ({
  page,
}) => {
  // As in a private window with no room: every write to the tab's storage throws.
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  await signInAsDemo(page);
  await page.getByRole("link", { name: "データ入力" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "データ入力" })).toBeVisible();
  await page.getByRole("button", { name: "日", exact: true }).click();
  const releasesToday = gridRow(page, "主要機能リリース数").locator("td.today");
  await expect.poll(() => cellText(releasesToday)).toMatch(/\d/);
  const old = numberOf(await cellText(releasesToday));
  await releasesToday.click();
  await page.keyboard.type(String(old + 4));
  await page.keyboard.press("Enter");
  await expect(page.getByText("未保存の変更 1 件")).toBeVisible();
  await expect.poll(() => cellText(releasesToday)).toBe(`${ja(old + 4)} (未保存)`);
  // Nothing was kept, so Back loses the cell as it did before; the page still opens.
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1, name: "ダッシュボード" })).toBeVisible();
  await page.goForward();
  await expect(page.getByRole("heading", { level: 1, name: "データ入力" })).toBeVisible();
  await expect(page.getByText("未保存の変更はありません")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "復元しました" })).toHaveCount(0);
});
