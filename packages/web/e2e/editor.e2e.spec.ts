import { mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { csrfToken, deletePlansNamed } from "./api";
import { signInAsDemo } from "./demoSignIn";

const screenshots = fileURLToPath(new URL("../../../docs/screenshots/", import.meta.url));
mkdirSync(screenshots, { recursive: true });

test.use({ baseURL: process.env.SHIHYO_E2E_BASE_URL });

// A plan of this spec's own, so the demo plan the other specs read is never touched.
const PLAN_NAME = "新規事業 FY2026（ブラウザテスト）";
const PLAN_FILE = `version: 1
name: ${PLAN_NAME}
calendar: { fiscalYearStart: 4, timezone: Asia/Tokyo }
nodes:
  - id: revenue
    role: kgi
    name: 新規売上
    unit: JPY
    cadence: quarter
    formula: leads * deal_size
    targets: { FY2026-Q3: 30000000 }
  - { id: ksf_funnel, role: ksf, parent: revenue, name: 集客 }
  - { id: ksf_sales, role: ksf, parent: revenue, name: 商談 }
  - { id: leads, role: kpi, parent: ksf_funnel, name: リード数, unit: count, cadence: month, grain: day, aggregation: sum }
  - { id: visitors, role: kpi, parent: ksf_funnel, name: 訪問数, unit: count, cadence: month, grain: day, aggregation: sum }
  - { id: cvr, role: kpi, parent: ksf_funnel, name: 転換率, unit: percent, cadence: month, grain: month, aggregation: average }
  - { id: deal_size, role: kpi, parent: ksf_sales, name: 受注単価, unit: JPY, cadence: month, grain: month, aggregation: average }
`;

test("plan editor: a new plan from a file, inline formula errors, add and move nodes, save, export", async ({
  page,
}) => {
  await signInAsDemo(page);

  try {
    // A new plan from a KPI file (admins), opened in the editor once created.
    await page.getByRole("link", { name: "プラン編集" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "プラン編集" })).toBeVisible();
    await page.getByLabel("KPI ファイルから新しいプラン…").setInputFiles({
      name: "e2e-plan.yaml",
      mimeType: "application/yaml",
      buffer: Buffer.from(PLAN_FILE),
    });
    await expect(page).toHaveURL(/[?&]plan=/);
    const tree = page.getByRole("navigation", { name: "プランのノード" });
    await expect(tree.getByRole("button", { name: /受注単価/ })).toBeVisible();
    await expect(page.getByLabel("プラン名")).toHaveValue(PLAN_NAME);

    // A formula with an unknown id: the error names it and the closest id, before saving.
    await tree.getByRole("button", { name: /リード数/ }).click();
    const formula = page.getByLabel("計算式");
    await formula.fill("visitors * cvrr");
    await expect(
      page
        .getByText("計算式が参照する「cvrr」はこのプランにありません。「cvr」の誤りではありませんか？")
        .first(),
    ).toBeVisible();
    await expect(formula).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByRole("button", { name: "保存", exact: true })).toBeEnabled();
    await page.screenshot({ path: `${screenshots}plan-editor.png`, fullPage: true });
    await formula.fill("visitors * cvr");
    await expect(page.getByText(/「cvrr」/)).toHaveCount(0);
    await expect(formula).not.toHaveAttribute("aria-invalid", "true");

    // A new KPI under the KSF 商談.
    await tree.getByRole("button", { name: /商談/ }).click();
    await page.getByRole("button", { name: "子ノードを追加" }).click();
    const id = page.getByLabel("ID", { exact: true });
    await expect(id).toHaveValue("new_kpi");
    await id.fill("win_rate");
    await page.getByLabel("名前", { exact: true }).fill("受注率");
    await page.getByLabel("単位", { exact: true }).fill("percent");
    await expect(tree.getByRole("button", { name: /受注率/ })).toContainText("新規");

    // Move it above 受注単価 (keyboard: Alt+↑ in the tree), and move 転換率 under 商談 (parent field).
    await tree.getByRole("button", { name: /受注率/ }).focus();
    await page.keyboard.press("Alt+ArrowUp");
    await expect(tree.getByRole("button", { name: /受注率/ })).toBeFocused();
    await tree.getByRole("button", { name: /転換率/ }).click();
    await page.getByLabel("親ノード").selectOption("saved:ksf_sales");
    const salesChildren = tree.locator('li[data-node-id="ksf_sales"] > ul > li > div > button');
    await expect(salesChildren).toHaveText([/受注率/, /受注単価/, /転換率/]);

    // Save; the change is there after a reload.
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(page.getByText("保存しました。")).toBeVisible();
    await expect(page.getByText("変更なし")).toBeVisible();
    await page.reload();
    await expect(salesChildren).toHaveText([/受注率/, /受注単価/, /転換率/]);
    await tree.getByRole("button", { name: /リード数/ }).click();
    await expect(page.getByLabel("計算式")).toHaveValue("visitors * cvr");
    await tree.getByRole("button", { name: /受注率/ }).click();
    await expect(page.getByLabel("ID", { exact: true })).toHaveValue("win_rate");
    await expect(page.getByLabel("ID", { exact: true })).toHaveAttribute("readonly", "");

    // Export: a YAML KPI file holding the new node.
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "YAML でダウンロード" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.yaml$/);
    const yaml = readFileSync((await file.path())!, "utf8");
    expect(yaml).toContain("id: win_rate");
    expect(yaml).toContain("name: 受注率");
    expect(yaml).toContain("formula: visitors * cvr");

    // Deleting a node that a formula uses is refused, naming the formula's node.
    await tree.getByRole("button", { name: /訪問数/ }).click();
    await page.getByRole("button", { name: "削除", exact: true }).click();
    await expect(page.getByRole("alert")).toContainText(
      "「visitors」はほかのノードの計算式で使われているため削除できません: リード数 (leads)",
    );

    // Replacing the plan by a file shows what would change first (here: back to the first file).
    await page.getByLabel("ファイルで置き換え…").setInputFiles({
      name: "first.yaml",
      mimeType: "application/yaml",
      buffer: Buffer.from(PLAN_FILE),
    });
    const preview = page.getByRole("region", { name: "first.yaml で置き換えた場合の差分" });
    await expect(preview.getByText("削除されるノード（1 件）")).toBeVisible();
    await expect(preview.getByText("− 受注率 (win_rate)")).toBeVisible();
    await expect(preview.getByText("~ リード数 (leads): 計算式")).toBeVisible();
    await expect(preview.getByText("~ 転換率 (cvr): 親ノード")).toBeVisible();
    await preview.getByRole("button", { name: "キャンセル" }).click();
    await expect(preview).toHaveCount(0);

    // Someone else saves first: saving says so and offers to load their version.
    const planId = new URL(page.url()).searchParams.get("plan")!;
    const summary = await page.request.get(`/api/v1/plans/${planId}`);
    const current = await (await page.request.get(`/api/v1/plans/${planId}/export`)).text();
    const other = await page.request.put(`/api/v1/plans/${planId}`, {
      headers: {
        "content-type": "application/yaml",
        "if-match": summary.headers().etag!,
        "x-csrf-token": await csrfToken(page),
      },
      data: current.replace("name: 受注単価", "name: 平均受注単価"),
    });
    expect(other.status()).toBe(200);
    await tree.getByRole("button", { name: /リード数/ }).click();
    await page.getByLabel("名前", { exact: true }).fill("月間リード数");
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await expect(page.getByRole("alert")).toContainText("ほかの人（または別の画面）で変更・保存されました");
    await page.getByRole("button", { name: "最新の内容を読み込む（自分の変更は破棄）" }).click();
    await expect(page.getByText("変更なし")).toBeVisible();
    await expect(tree.getByRole("button", { name: /平均受注単価/ })).toBeVisible();
    await expect(tree.getByRole("button", { name: /リード数/ })).not.toContainText("月間");
  } finally {
    await deletePlansNamed(page, PLAN_NAME);
  }
});
