import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { signInAsDemo } from "./demoSignIn";

const screenshots = fileURLToPath(new URL("../../../docs/screenshots/", import.meta.url));
mkdirSync(screenshots, { recursive: true });

const JA_STATUSES = /順調|要注意|未達見込み|達成|目標なし|データなし/;

test.use({ baseURL: process.env.SHIHYO_E2E_BASE_URL });

/** Yen as shown in Japanese ("39,600,000円", "-1,234円") → the number. */
function yen(text: string | null): number {
  const match = /(-?)([\d,]+)円/.exec(text ?? "");
  if (!match) throw new Error(`not an amount in yen: ${text}`);
  return Number(`${match[1]}${match[2]!.replaceAll(",", "")}`);
}

/** Whether a node's card lies inside the canvas as it is shown now. */
async function insideCanvas(page: Page, node: Locator): Promise<boolean> {
  const canvas = await page.locator(".tree-flow").boundingBox();
  const box = await node.boundingBox();
  if (!canvas || !box) return false;
  return (
    box.x >= canvas.x - 1 &&
    box.y >= canvas.y - 1 &&
    box.x + box.width <= canvas.x + canvas.width + 1 &&
    box.y + box.height <= canvas.y + canvas.height + 1
  );
}

// Read-only: the what-if and solve compute on the server and write nothing.
test("the KPI tree: numbers, collapse, fit, what-if, solve and a node's detail", async ({ page }) => {
  await signInAsDemo(page);
  await page.getByRole("link", { name: "KPI ツリー" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "KPI ツリー" })).toBeVisible();
  const canvas = page.getByRole("region", { name: "KPI ツリーの図" });

  // The KGI: name, actual / target in 万円 or 億円, progress, status as a word, its formula on the edge.
  const revenue = canvas.locator('[data-node="revenue"]');
  await expect(revenue.getByRole("link", { name: "四半期新規売上" })).toBeVisible();
  await expect(revenue.locator(".kpi-node-figures")).toHaveText(/(万|億)円.*\/.*(万|億)円/);
  await expect(revenue.getByRole("progressbar", { name: "四半期新規売上 の進捗" })).toBeVisible();
  await expect(revenue.locator("[data-status]")).toHaveText(JA_STATUSES);
  await expect(canvas.getByText("= leads * win_rate * deal_size")).toBeVisible();

  // What-if: double deal_size; revenue = leads × win_rate × deal_size doubles.
  const panel = page.getByRole("complementary", { name: "What-if 試算" });
  await expect(panel.getByLabel("対象の KGI")).toHaveValue("revenue");
  await panel.getByLabel("レバー", { exact: true }).selectOption("deal_size");
  const value = panel.getByLabel(/^受注単価 の値/);
  await expect(value).not.toHaveValue("");
  const dealSize = Number(await value.inputValue());
  expect(dealSize).toBeGreaterThan(0);
  await value.fill(String(dealSize * 2));
  await panel.getByRole("button", { name: "試算する", exact: true }).click();
  const figures = panel.locator('[data-goal="revenue"]');
  await expect(figures).toBeVisible();
  const before = yen(await figures.locator("dd").nth(0).textContent());
  const after = yen(await figures.locator("dd").nth(1).textContent());
  const difference = yen(await figures.locator("dd").nth(2).textContent());
  expect(before).toBeGreaterThan(0);
  // Each shown to the yen: twice the rounded base is within a yen of the rounded double.
  expect(Math.abs(after - 2 * before)).toBeLessThanOrEqual(1);
  expect(Math.abs(difference - before)).toBeLessThanOrEqual(1);
  await expect(figures).toContainText("+100%");
  await expect(panel.getByText("試算での状況")).toBeVisible();
  await expect(canvas.locator('[data-scenario="revenue"]')).toContainText("試算");
  await expect(canvas.locator('[data-scenario="deal_size"]')).toBeVisible();
  await expect(panel.getByRole("button", { name: "受注単価 を元に戻す" })).toBeVisible();
  await page.screenshot({ path: `${screenshots}tree.png`, fullPage: true });

  // The levers ranked by sensitivity, with the +10 % impact on revenue.
  const levers = panel.locator(".lever-list > li");
  expect(await levers.count()).toBeGreaterThanOrEqual(4);
  await expect(levers.first()).toContainText("+10% の効果");

  // Solve deal_size for revenue's target, the other levers at their targets; then try it.
  await panel.getByLabel("逆算するレバー").selectOption("deal_size");
  await panel.getByRole("button", { name: "逆算する" }).click();
  const solved = panel.locator("[data-solved]");
  // Every FY2026 quarter's targets add up at 500,000 (Q3: 39,600,000 ÷ (360 leads × 22 %)).
  await expect(solved).toHaveText("500,000円");
  await panel.getByRole("button", { name: "この値で試算" }).click();
  await expect(value).toHaveValue("500000");
  await expect(panel.locator(".what-if-changed")).toContainText("受注単価: 500,000円");
  await panel.getByRole("button", { name: "すべて元に戻す" }).click();
  await expect(canvas.locator("[data-scenario]")).toHaveCount(0);

  // Collapse the lead-generation KSF: its KPIs leave the tree; expand brings them back.
  const leads = canvas.locator('[data-node="leads"]');
  await expect(leads).toBeVisible();
  const collapse = canvas.getByRole("button", { name: /新規リードの獲得 の下位 3 件を折りたたむ/ });
  await expect(collapse).toHaveAttribute("aria-expanded", "true");
  await collapse.click();
  await expect(leads).toHaveCount(0);
  await expect(canvas.locator('[data-node="visitors"]')).toHaveCount(0);
  const expand = canvas.getByRole("button", { name: /新規リードの獲得 の下位 3 件を表示する/ });
  await expect(expand).toHaveAttribute("aria-expanded", "false");
  await expect(expand).toContainText("3 件を折りたたみ中");
  await expand.click();
  await expect(leads).toBeVisible();

  // The first view shows the revenue tree; "fit view" brings the retention tree in as well.
  const bugs = canvas.locator('[data-node="prod_bugs"]');
  expect(await insideCanvas(page, bugs)).toBe(false);
  await canvas.getByRole("button", { name: "全体を表示" }).click();
  await expect.poll(() => insideCanvas(page, bugs)).toBe(true);
  expect(await insideCanvas(page, revenue)).toBe(true);

  // Keyboard: from the KGI, down to its first KSF, Enter opens its detail (the period kept).
  const search = new URL(page.url()).search;
  await revenue.getByRole("link", { name: "四半期新規売上" }).focus();
  await page.keyboard.press("ArrowDown");
  await expect(canvas.getByRole("link", { name: "新規リードの獲得" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/kpi/ksf_lead_generation${literal(search)}$`));
  await page.goBack();

  // A click anywhere on a node's card opens its detail.
  await canvas.locator('[data-node="deal_size"] .kpi-node-figures').click();
  await expect(page).toHaveURL(new RegExp(`/kpi/deal_size${literal(search)}$`));
});

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
