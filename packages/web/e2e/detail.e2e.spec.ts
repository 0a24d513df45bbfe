import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { csrfToken } from "./api";
import { signInAsDemo } from "./demoSignIn";

const screenshots = fileURLToPath(new URL("../../../docs/screenshots/", import.meta.url));
mkdirSync(screenshots, { recursive: true });

test.use({ baseURL: process.env.SHIHYO_E2E_BASE_URL });

/** This month in Tokyo, as the page names it ("2026年11月") and as a period id. */
function thisMonth(): { label: string; id: string } {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: "Asia/Tokyo",
    year: "numeric",
    month: "numeric",
  }).formatToParts(new Date());
  const year = parts.find((p) => p.type === "year")!.value;
  const month = parts.find((p) => p.type === "month")!.value;
  return { label: `${year}年${month}月`, id: `${year}-${month.padStart(2, "0")}` };
}

// Writes only the targets of deal_size (and puts the original value back) and one comment.
test("KPI detail: chart, table, explanation; revise a target, see the history and the gap, apply the solved value; comment", async ({
  page,
}) => {
  const month = thisMonth();
  await signInAsDemo(page);

  // Open a KPI from the dashboard by its name.
  await page.locator(".kpi-card").getByRole("link", { name: "受注単価", exact: true }).click();
  await expect(page).toHaveURL(/\/kpi\/deal_size/);
  await expect(page.getByRole("heading", { level: 1, name: "受注単価" })).toBeVisible();
  await expect(page.getByText("当月に受注した案件 1 件あたりの初年度契約金額")).toBeVisible();
  await expect(page.locator(".detail-facts")).toContainText("円");
  await expect(page.locator(".detail-facts")).toContainText("営業");

  // The chart (drawn once ECharts has loaded) with its summary, and the table as its text.
  const chart = page.getByRole("img", { name: /受注単価 の .+ の推移のグラフ/ });
  await expect(chart).toBeVisible();
  await expect(chart.locator("svg")).toBeVisible();
  const table = page.getByRole("table", { name: /受注単価 の期間ごとの/ });
  await expect(table.getByRole("row")).toHaveCount(13); // the header and the fiscal year's 12 months
  const thisMonthRow = table.getByRole("row", { name: new RegExp(month.label) });
  await expect(thisMonthRow.getByRole("cell").nth(1)).toHaveText("500,000円"); // its target
  await expect(table.getByRole("row").nth(1).getByRole("cell").first()).toHaveText(/^[\d,]+円$/); // April's actual
  await expect(table.locator("[data-status]").first()).toHaveText(
    /順調|要注意|未達見込み|達成|目標なし|データなし/,
  );

  // The numbers explained: a monthly average of recorded values.
  const explained = page.getByRole("region", { name: "数字の根拠", exact: true });
  await expect(explained.getByText("実績データの集計")).toBeVisible();
  await expect(explained.getByText("平均", { exact: true })).toBeVisible();

  // Revise this month's target: a reason and a comment are required.
  const form = page.getByRole("form", { name: "目標を変更" });
  await expect(form.getByLabel("期間", { exact: true })).toHaveValue(month.id);
  await expect(form.getByText("現在の目標: 500,000円")).toBeVisible();
  await form.getByLabel("新しい目標").fill("600000");
  await form.getByRole("button", { name: "目標を変更" }).click();
  await expect(form.getByText("変更の理由を選んでください。")).toBeVisible();
  await expect(form.getByText("コメントを入力してください。")).toBeVisible();
  await form.getByLabel("変更の理由").selectOption({ label: "外部環境の変化" });
  await form.getByLabel("コメント（変更の背景）").fill("大型案件の比率が上がったため");

  // Someone else changes the same target meanwhile: saving is refused (412) with a way to reload.
  const [plan] = await (await page.request.get("/api/v1/plans")).json();
  const targets: { nodeId: string; period: string; version: number }[] = await (
    await page.request.get(`/api/v1/plans/${plan.id}/targets`)
  ).json();
  const stored = targets.find((t) => t.nodeId === "deal_size" && t.period === month.id)!;
  const meanwhile = await page.request.patch(`/api/v1/plans/${plan.id}/targets/deal_size/${month.id}`, {
    data: { value: 550_000, reason: "other", comment: "同時に編集" },
    headers: { "if-match": `"${stored.version}"`, "x-csrf-token": await csrfToken(page) },
  });
  expect(meanwhile.status()).toBe(200);
  await form.getByRole("button", { name: "目標を変更" }).click();
  await expect(form.getByRole("alert")).toContainText("他の人が変更しました");
  await form.getByRole("button", { name: "最新の内容を読み込む" }).click();
  await expect(form.getByText("現在の目標: 550,000円")).toBeVisible();
  await form.getByLabel("新しい目標").fill("600000");
  await form.getByRole("button", { name: "目標を変更" }).click();
  await expect(form.getByText(`${month.label} の目標を 600,000円 に変更しました。`)).toBeVisible();

  // The history shows the revision with its reason; the table shows the new target.
  const history = page.getByRole("table", { name: /受注単価 の目標の変更履歴/ });
  const revision = history.getByRole("row", { name: /大型案件の比率が上がったため/ });
  await expect(revision).toContainText("550,000円 → 600,000円");
  await expect(revision).toContainText("外部環境の変化");
  await expect(thisMonthRow.getByRole("cell").nth(1)).toHaveText("600,000円");

  // Revenue no longer adds up: the warning offers the value solve finds (back to 500,000).
  const warning = page.getByRole("alert").filter({ hasText: "目標がつじつまを失っています" });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText("四半期新規売上");
  await expect(warning).toContainText("この KPI の目標を 500,000円 にします。");
  await page.screenshot({ path: `${screenshots}kpi-detail.png`, fullPage: true });

  // The dashboard sees the new target at once (this quarter's deal size: the mean of its months).
  await page
    .getByRole("link", { name: /ダッシュボードへ戻る/ })
    .first()
    .click();
  const card = page
    .locator(".kpi-card")
    .filter({ has: page.getByRole("link", { name: "受注単価", exact: true }) });
  await expect(card).toContainText(/目標\s*53万円/);
  await card.getByRole("link", { name: "受注単価", exact: true }).click();

  // Apply the solved value: another revision, reason "misalignment"; the warning goes away.
  await page.getByRole("button", { name: `逆算した値を適用（${month.label}）` }).click();
  await expect(history.getByRole("row", { name: /KGI との不整合/ })).toContainText("600,000円 → 500,000円");
  await expect(page.getByText("目標がつじつまを失っています")).toHaveCount(0);

  // A comment.
  const comments = page.getByRole("region", { name: "コメント", exact: true });
  const text = `今月は大型案件が 2 件あります（${Date.now()}）`;
  await comments.getByLabel("コメントを書く").fill(text);
  await comments.getByRole("button", { name: "コメントを追加" }).click();
  await expect(comments.getByText(text)).toBeVisible();
  await expect(comments.getByLabel("コメントを書く")).toHaveValue("");

  // The same page in English: texts, reasons, period names and amounts.
  await page.getByRole("button", { name: "English" }).click();
  await expect(
    page.getByRole("heading", { level: 2, name: /Actual, target and forecast over time/ }),
  ).toBeVisible();
  const englishTable = page.getByRole("table", { name: /受注単価 by period/ });
  await expect(englishTable.getByRole("row", { name: /Apr 2026/ })).toContainText("¥500,000");
  const englishHistory = page.getByRole("table", { name: /Changes to the targets of 受注単価/ });
  await expect(englishHistory.getByRole("row", { name: /External environment/ })).toContainText(
    "¥550,000 → ¥600,000",
  );
  await expect(englishHistory.getByRole("row", { name: /Misaligned with the KGI/ })).toBeVisible();
});
