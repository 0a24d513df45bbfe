import { expect, type Locator, test } from "@playwright/test";
import { csrfToken, deletePlansNamed } from "./api";
import { signInAsDemo } from "./demoSignIn";

test.use({ baseURL: process.env.SHIHYO_E2E_BASE_URL });

/**
 * A plan of this spec's own whose targets do not add up in FY2026-Q3 (SEMANTICS §5):
 * sales = direct_sales + partner_sales; implied 4,000,000 + 5,000,000 = 9,000,000 against
 * the target 10,000,000, so gap = T − implied = +1,000,000 and gapRatio = 0.1 > 0.01.
 * direct_sales = deals × deal_size adds up: 40 × 100,000 = 4,000,000, gap 0.
 * Deleted at the end, so the demo plan (created first, so listed first) stays every other
 * spec's default.
 */
const PLAN_NAME = "整合チェック（ブラウザテスト）";
const PERIOD = "FY2026-Q3";
const PLAN_FILE = `version: 1
name: ${PLAN_NAME}
calendar: { fiscalYearStart: 4, timezone: Asia/Tokyo }
nodes:
  - id: sales
    role: kgi
    name: 売上合計
    unit: JPY
    cadence: quarter
    formula: direct_sales + partner_sales
    targets: { ${PERIOD}: 10000000 }
  - id: direct_sales
    role: kpi
    parent: sales
    name: 直販売上
    unit: JPY
    cadence: quarter
    formula: deals * deal_size
    targets: { ${PERIOD}: 4000000 }
  - id: partner_sales
    role: kpi
    parent: sales
    name: 代理店売上
    unit: JPY
    cadence: quarter
    grain: month
    aggregation: sum
    targets: { ${PERIOD}: 5000000 }
  - { id: deals, role: kpi, parent: direct_sales, name: 受注件数, unit: count, cadence: quarter, grain: month, aggregation: sum, targets: { ${PERIOD}: 40 } }
  - { id: deal_size, role: kpi, parent: direct_sales, name: 受注単価, unit: JPY, cadence: quarter, grain: month, aggregation: average, targets: { ${PERIOD}: 100000 } }
`;

/** Whether an element lies wholly inside another (a node's card clips what does not fit). */
async function within(inner: Locator, outer: Locator): Promise<boolean> {
  const a = await inner.boundingBox();
  const b = await outer.boundingBox();
  if (!a || !b) return false;
  return a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;
}

// Writes only a plan of its own, and deletes it.
test("the KPI tree marks where the targets do not add up, in words and with the amount", async ({ page }) => {
  await signInAsDemo(page);
  await deletePlansNamed(page, PLAN_NAME);
  const token = await csrfToken(page);
  const created = await page.request.post("/api/v1/plans", {
    data: PLAN_FILE,
    headers: { "content-type": "application/yaml", "x-csrf-token": token },
  });
  expect(created.status()).toBe(201);
  const { id: planId } = (await created.json()) as { id: string };

  try {
    await page.goto(`/tree?plan=${encodeURIComponent(planId)}&period=${PERIOD}`);
    await expect(page.getByRole("heading", { level: 1, name: "KPI ツリー" })).toBeVisible();
    await expect(page.locator(".period-label")).toContainText("2026年度 第3四半期");
    const canvas = page.getByRole("region", { name: "KPI ツリーの図" });

    // The KGI: marked in words, with how far its inputs' targets fall short (1,000,000 → 100万円)
    // and what they give (9,000,000 → 900万円); the whole sentence, with the period and the
    // numbers in full, describes the node's link for screen readers.
    const sales = canvas.locator('[data-node="sales"]');
    const salesLink = sales.getByRole("link", { name: "売上合計" });
    await expect(salesLink).toBeVisible();
    const gap = sales.locator(".kpi-node-gap");
    const headline = gap.locator(".kpi-node-gap-head");
    await expect(headline).toHaveText("⚠ 目標の積み上げが 100万円 不足");
    await expect(gap.locator(".kpi-node-gap-detail")).toHaveText("下位の目標からは 900万円");
    const sentence =
      "2026年度 第3四半期の目標 10,000,000円 に対し、下位の目標から求めた値は 9,000,000円（差 +1,000,000円、+10%）";
    await expect(gap).toHaveAttribute("title", sentence);
    await expect(salesLink).toHaveAccessibleDescription(`目標の積み上げが 100万円 不足 ${sentence}`);
    await expect(sales).toHaveClass(/has-gap/);
    // The amount is on screen, not cut off by the card.
    expect(await within(headline, sales)).toBe(true);
    await expect(headline).toHaveJSProperty("scrollWidth", await headline.evaluate((el) => el.clientWidth));

    // direct_sales adds up (40 × 100,000 = 4,000,000); measured nodes have nothing to add up.
    for (const id of ["direct_sales", "partner_sales", "deals", "deal_size"]) {
      const node = canvas.locator(`[data-node="${id}"]`);
      await expect(node).toBeVisible();
      await expect(node.locator(".kpi-node-gap")).toHaveCount(0);
      await expect(node).not.toHaveClass(/has-gap/);
    }

    // The same mark in English.
    await page.getByRole("button", { name: "English" }).click();
    const salesEn = page.getByRole("region", { name: "KPI tree diagram" }).locator('[data-node="sales"]');
    await expect(salesEn.locator(".kpi-node-gap-head")).toHaveText("⚠ Targets below fall ¥1.0M short");
    await expect(salesEn.locator(".kpi-node-gap-detail")).toHaveText("Targets below imply ¥9.0M");
    await expect(salesEn.getByRole("link", { name: "売上合計" })).toHaveAccessibleDescription(
      "Targets below fall ¥1.0M short In FY2026 Q3, the targets below imply ¥9,000,000 against the target ¥10,000,000 (gap +¥1,000,000, +10%)",
    );
    expect(await within(salesEn.locator(".kpi-node-gap-head"), salesEn)).toBe(true);
    await page.getByRole("button", { name: "日本語" }).click();
    await expect(headline).toHaveText("⚠ 目標の積み上げが 100万円 不足");

    // Fix the plan: partner_sales' target 6,000,000 makes 4,000,000 + 6,000,000 = 10,000,000.
    const targets = (await (await page.request.get(`/api/v1/plans/${planId}/targets`)).json()) as {
      nodeId: string;
      period: string;
      version: number;
    }[];
    const partner = targets.find((t) => t.nodeId === "partner_sales" && t.period === PERIOD)!;
    const revised = await page.request.patch(`/api/v1/plans/${planId}/targets/partner_sales/${PERIOD}`, {
      data: { value: 6_000_000, reason: "misaligned", comment: "KGI に合わせる" },
      headers: { "if-match": `"${partner.version}"`, "x-csrf-token": token },
    });
    expect(revised.status()).toBe(200);

    // After the reload the check adds up; the marks are gone once the page has drawn that answer.
    const findings = page.waitForResponse((r) => r.url().includes(`/plans/${planId}/findings`));
    await page.reload();
    const check = (await (await findings).json()) as {
      consistency: { node: string; gap: number; consistent: boolean }[];
    };
    expect(check.consistency.find((row) => row.node === "sales")).toMatchObject({ gap: 0, consistent: true });
    await expect(sales.getByRole("link", { name: "売上合計" })).toBeVisible();
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    await expect(sales.locator(".kpi-node-figures")).toContainText("1,000万円");
    await expect(canvas.locator(".kpi-node-gap")).toHaveCount(0);
    await expect(canvas.locator(".has-gap")).toHaveCount(0);
    await expect(canvas.getByText("目標が積み上がっていません")).toHaveCount(0);
  } finally {
    await deletePlansNamed(page, PLAN_NAME);
  }

  // Only the demo plan is left: the tree opens it again by default.
  const plans = (await (await page.request.get("/api/v1/plans")).json()) as { id: string }[];
  expect(plans.map((p) => p.id)).not.toContain(planId);
  await page.goto("/tree");
  await expect(
    page.getByRole("region", { name: "KPI ツリーの図" }).locator('[data-node="revenue"]'),
  ).toBeVisible();
});
