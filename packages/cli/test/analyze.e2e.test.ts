/**
 * The planning commands on the article's tree: `solve` (逆算, SEMANTICS §6), `sensitivity`
 * (§7) and `explain`, with the documents of INTERFACES §3.
 */
import { describe, expect, it } from "vitest";
import { shihyoExpecting, shihyoJson, tempDir, writeFiles } from "./cli.js";
import {
  ARTICLE_ACTUALS_CSV,
  articleYaml,
  LEVERS_CSV,
  LEVERS_YAML,
  SENSITIVITY_CSV,
  SENSITIVITY_YAML,
} from "./fixtures.js";

const dir = await tempDir();
const files = await writeFiles(dir, {
  "article.yaml": articleYaml(250000),
  "actuals.csv": ARTICLE_ACTUALS_CSV,
  // Last year's visitors, shaped 1 : 2 : 3 over April–June.
  "last-year.csv": "period,visitors\n2025-04,10000\n2025-05,20000\n2025-06,30000\n",
  "funnel.yaml": SENSITIVITY_YAML,
  "funnel.csv": SENSITIVITY_CSV,
  "levers.yaml": LEVERS_YAML,
  "levers.csv": LEVERS_CSV,
});
const Q1 = ["--period", "FY2026-Q1"];

describe("solve", () => {
  it("--json: deal size 500,000 makes the article's tree add up, split over the months", async () => {
    const { json, result } = await shihyoJson([
      "solve",
      files["article.yaml"],
      "--node",
      "revenue",
      "--for",
      "deal_size",
      ...Q1,
    ]);
    expect(result.stderr).toBe("");
    // 300 leads × 20 % = 60 deals; 30,000,000 / 60 = 500,000. deal_size is an average, so
    // every month gets the same 500,000.
    expect(json).toStrictEqual({
      node: "revenue",
      for: "deal_size",
      period: "FY2026-Q1",
      value: 500000,
      monthly: { "2026-04": 500000, "2026-05": 500000, "2026-06": 500000 },
      unique: true,
    });
  });

  it("--json: through the leads chain, visitors 60,000 a quarter, 20,000 a month", async () => {
    // revenue = visitors × cvr × win_rate × deal_size: 30,000,000 / (0.01 × 0.2 × 250,000) = 60,000,
    // a sum, split evenly over three months.
    const { json } = await shihyoJson([
      "solve",
      files["article.yaml"],
      "--node",
      "revenue",
      "--for",
      "visitors",
      ...Q1,
    ]);
    expect(json).toStrictEqual({
      node: "revenue",
      for: "visitors",
      period: "FY2026-Q1",
      value: 60000,
      monthly: { "2026-04": 20000, "2026-05": 20000, "2026-06": 20000 },
      unique: true,
    });
  });

  it("--json: a rate through the chain (cvr 2 %) and a one-level input (win_rate 40 %)", async () => {
    const cvr = await shihyoJson<{ value: number }>([
      "solve",
      files["article.yaml"],
      "--node",
      "revenue",
      "--for",
      "cvr",
      ...Q1,
    ]);
    expect(cvr.json.value).toBe(0.02);
    const win = await shihyoJson<{ value: number; monthly: Record<string, number> }>([
      "solve",
      files["article.yaml"],
      "--node",
      "revenue",
      "--for",
      "win_rate",
      ...Q1,
    ]);
    expect(win.json.value).toBe(0.4);
    expect(win.json.monthly).toEqual({ "2026-04": 0.4, "2026-05": 0.4, "2026-06": 0.4 });
  });

  it("--shape last-year splits visitors 1 : 2 : 3 like last year's months (10,000 / 20,000 / 30,000)", async () => {
    const { json, result } = await shihyoJson([
      "solve",
      files["article.yaml"],
      "--node",
      "revenue",
      "--for",
      "visitors",
      ...Q1,
      "--shape",
      "last-year",
      "--data",
      files["last-year.csv"],
    ]);
    expect(result.stderr).toBe("");
    expect(json).toStrictEqual({
      node: "revenue",
      for: "visitors",
      period: "FY2026-Q1",
      value: 60000,
      monthly: { "2026-04": 10000, "2026-05": 20000, "2026-06": 30000 },
      unique: true,
    });
  });

  it("--shape last-year without last year's data splits evenly and says so on stderr", async () => {
    const { json, result } = await shihyoJson<{ monthly: Record<string, number> }>([
      "solve",
      files["article.yaml"],
      "--node",
      "revenue",
      "--for",
      "visitors",
      ...Q1,
      "--shape",
      "last-year",
    ]);
    expect(json.monthly).toEqual({ "2026-04": 20000, "2026-05": 20000, "2026-06": 20000 });
    expect(result.stderr).toBe(
      "visitors has no actuals for every sub-period of FY2026-Q1 a year earlier; the answer is split evenly.\n",
    );
  });

  it("human output, en and ja", async () => {
    const args = ["solve", files["article.yaml"], "--node", "revenue", "--for", "deal_size", ...Q1];
    const en = await shihyoExpecting(0, args);
    expect(en.stdout).toBe(
      [
        "deal_size needs a target of ¥500,000 for FY2026-Q1 (the only solution)",
        "split over the lever's cadence:",
        "  2026-04  ¥500,000",
        "  2026-05  ¥500,000",
        "  2026-06  ¥500,000",
        "",
      ].join("\n"),
    );
    const ja = await shihyoExpecting(0, [...args, "--lang", "ja"]);
    expect(ja.stdout).toBe(
      [
        "FY2026-Q1 の deal_size の目標は 500,000円 が必要です（解は一つ）",
        "目標サイクルごとの配分:",
        "  2026-04  500,000円",
        "  2026-05  500,000円",
        "  2026-06  500,000円",
        "",
      ].join("\n"),
    );
  });

  it("an unknown node or lever is exit 2 with the closest id suggested", async () => {
    const node = await shihyoExpecting(2, [
      "solve",
      files["article.yaml"],
      "--node",
      "revenu",
      "--for",
      "deal_size",
      ...Q1,
    ]);
    expect(node.stdout).toBe("");
    expect(node.stderr).toBe(`"revenu" is not a node of this plan. Did you mean "revenue"?\n`);
    const lever = await shihyoExpecting(2, [
      "solve",
      files["article.yaml"],
      "--node",
      "revenue",
      "--for",
      "dealsize",
      ...Q1,
      "--json",
    ]);
    expect(lever.stdout).toBe("");
    expect(lever.stderr).toBe(`"dealsize" is not a node of this plan. Did you mean "deal_size"?\n`);
  });

  it("bad usage is exit 2: no formula to solve, a missing option, a bad --shape", async () => {
    const leaf = await shihyoExpecting(2, [
      "solve",
      files["article.yaml"],
      "--node",
      "cvr",
      "--for",
      "visitors",
      ...Q1,
    ]);
    expect(leaf.stderr).toBe(`"cvr" has no formula, so nothing can be solved for it.\n`);
    const noFor = await shihyoExpecting(2, ["solve", files["article.yaml"], "--node", "revenue", ...Q1]);
    expect(noFor.stderr).toBe("The option --for is required.\n");
    const shape = await shihyoExpecting(2, [
      "solve",
      files["article.yaml"],
      "--node",
      "revenue",
      "--for",
      "visitors",
      ...Q1,
      "--shape",
      "seasonal",
    ]);
    expect(shape.stderr).toBe(`--shape must be "even" or "last-year", not "seasonal".\n`);
  });
});

describe("sensitivity", () => {
  it("--json: INTERFACES' example (24,000,000 against 30,000,000), every lever worked out", async () => {
    const { json } = await shihyoJson<{ levers: unknown[] }>([
      "sensitivity",
      files["funnel.yaml"],
      "--node",
      "revenue",
      ...Q1,
      "--as-of",
      "2026-07-01",
      "--data",
      files["funnel.csv"],
    ]);
    expect(json).toMatchObject({ node: "revenue", period: "FY2026-Q1", value: 24000000, target: 30000000 });
    // A product: every elasticity 1, every +10 % adds 2,400,000, each lever alone needs × 1.25.
    expect(json.levers).toEqual([
      {
        id: "visitors",
        value: 24000,
        elasticity: 1,
        impactOf10pct: 2400000,
        requiredValue: 30000,
        requiredChange: 6000,
      },
      {
        id: "cvr",
        value: 0.01,
        elasticity: 1,
        impactOf10pct: 2400000,
        requiredValue: 0.0125,
        requiredChange: 0.0025,
      },
      {
        id: "opp_rate",
        value: 0.5,
        elasticity: 1,
        impactOf10pct: 2400000,
        requiredValue: 0.625,
        requiredChange: 0.125,
      },
      {
        id: "close_rate",
        value: 0.4,
        elasticity: 1,
        impactOf10pct: 2400000,
        requiredValue: 0.5,
        requiredChange: 0.1,
      },
      {
        id: "deal_size",
        value: 500000,
        elasticity: 1,
        impactOf10pct: 2400000,
        requiredValue: 625000,
        requiredChange: 125000,
      },
    ]);
  });

  it("--json: levers sorted by absolute +10 % impact, a negative one included", async () => {
    const { json } = await shihyoJson<{ value: number; target: number; levers: unknown[] }>([
      "sensitivity",
      files["levers.yaml"],
      "--node",
      "r",
      ...Q1,
      "--as-of",
      "2026-07-01",
      "--data",
      files["levers.csv"],
    ]);
    expect(json).toMatchObject({ value: 60000, target: 70000 });
    expect(json.levers).toEqual([
      // √105 = 10.2469507659…, shown to 10 significant digits.
      {
        id: "a",
        value: 10,
        elasticity: 6.666666667,
        impactOf10pct: 42000,
        requiredValue: 10.24695077,
        requiredChange: 0.24695077,
      },
      {
        id: "b",
        value: 2000,
        elasticity: 3.333333333,
        impactOf10pct: 20000,
        requiredValue: 2100,
        requiredChange: 100,
      },
      {
        id: "c",
        value: 150000,
        elasticity: -2.5,
        impactOf10pct: -15000,
        requiredValue: 140000,
        requiredChange: -10000,
      },
      {
        id: "d",
        value: 10000,
        elasticity: 0.166666667,
        impactOf10pct: 1000,
        requiredValue: 20000,
        requiredChange: 10000,
      },
    ]);
  });

  it("--basis target: the article's tree at its targets (15,000,000), each lever alone must double", async () => {
    const { json } = await shihyoJson<{ value: number; levers: { id: string; requiredValue: number }[] }>([
      "sensitivity",
      files["article.yaml"],
      "--node",
      "revenue",
      ...Q1,
      "--basis",
      "target",
    ]);
    expect(json.value).toBe(15000000);
    // The same answers as solve: deal size 500,000, visitors 60,000, cvr 2 %.
    expect(Object.fromEntries(json.levers.map((l) => [l.id, l.requiredValue]))).toEqual({
      visitors: 60000,
      cvr: 0.02,
      opp_rate: 1,
      close_rate: 0.8,
      deal_size: 500000,
    });
  });

  it("human output: heading and one row per lever, largest impact first", async () => {
    const result = await shihyoExpecting(0, [
      "sensitivity",
      files["levers.yaml"],
      "--node",
      "r",
      ...Q1,
      "--as-of",
      "2026-07-01",
      "--data",
      files["levers.csv"],
    ]);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("Levers of r for FY2026-Q1: now 60,000, target 70,000");
    expect(lines[1]).toMatch(/^lever +value +elasticity +\+10% impact +needed alone +change$/);
    expect(lines.slice(2).map((l) => l.split(/ +/)[0])).toEqual(["a", "b", "c", "d"]);
  });

  it("bad usage is exit 2: a bad --basis, a node without a formula, an unknown node", async () => {
    const basis = await shihyoExpecting(2, [
      "sensitivity",
      files["article.yaml"],
      "--node",
      "revenue",
      ...Q1,
      "--basis",
      "plan",
    ]);
    expect(basis.stderr).toBe(`--basis must be actual, forecast or target, not "plan".\n`);
    const leaf = await shihyoExpecting(2, ["sensitivity", files["article.yaml"], "--node", "cvr", ...Q1]);
    expect(leaf.stderr).toBe(`"cvr" has no formula, so nothing can be solved for it.\n`);
    const unknown = await shihyoExpecting(2, [
      "sensitivity",
      files["article.yaml"],
      "--node",
      "reveune",
      ...Q1,
    ]);
    expect(unknown.stderr).toBe(`"reveune" is not a node of this plan. Did you mean "revenue"?\n`);
  });
});

describe("explain", () => {
  const args = (node: string) => [
    "explain",
    files["article.yaml"],
    "--node",
    node,
    ...Q1,
    "--as-of",
    "2026-07-15",
    "--data",
    files["actuals.csv"],
  ];

  it("--json for a computed node lists its formula and inputs, and where its target came from", async () => {
    const { json } = await shihyoJson(args("leads"));
    // leads = visitors × cvr = 24,000 × 1 % = 240; target 30,000 × 1 % = 300 by the formula.
    expect(json).toMatchObject({
      node: "leads",
      period: "FY2026-Q1",
      asOf: "2026-07-15",
      value: 240,
      kind: "computed",
      formula: "visitors * cvr",
      inputs: [
        { id: "visitors", period: "FY2026-Q1", value: 24000 },
        { id: "cvr", period: "FY2026-Q1", value: 0.01 },
      ],
      target: {
        value: 300,
        derived: true,
        from: [
          { id: "visitors", period: "FY2026-Q1", value: 30000 },
          { id: "cvr", period: "FY2026-Q1", value: 0.01 },
        ],
      },
    });
  });

  it("--json for a measured node: aggregation, grain and the records rolled up", async () => {
    const { json } = await shihyoJson(args("visitors"));
    expect(json).toMatchObject({
      node: "visitors",
      value: 24000,
      kind: "measured",
      grain: "month",
      aggregation: "sum",
      records: 3,
      formula: null,
      inputs: [],
      target: { value: 30000, source: "rollup", derived: true },
    });
  });

  it("human output names the formula and the inputs, in the user's language", async () => {
    const en = await shihyoExpecting(0, args("leads"));
    expect(en.stdout).toBe(
      [
        "leads FY2026-Q1 (2026-07-15)",
        "  actual: 240",
        "    = visitors * cvr = 240",
        "      visitors = 24,000",
        "      cvr = 1%",
        "  target: 300 (derived by the formula)",
        "      visitors FY2026-Q1 = 30,000",
        "      cvr FY2026-Q1 = 1%",
        "  forecast: 240 (final actual)",
        "",
      ].join("\n"),
    );
    const ja = await shihyoExpecting(0, [...args("visitors"), "--lang", "ja"]);
    expect(ja.stdout).toBe(
      [
        "visitors FY2026-Q1 (2026-07-15)",
        "  実績: 24,000",
        "    = 月ごとの記録 3 件の合計（カバー率 100%）",
        "  目標: 30,000（下位期間の目標から集計）",
        "      visitors 2026-04 = 10,000",
        "      visitors 2026-05 = 10,000",
        "      visitors 2026-06 = 10,000",
        "  予測: 24,000（確定した実績）",
        "",
      ].join("\n"),
    );
  });

  it("an unknown node is exit 2 with a suggestion", async () => {
    const result = await shihyoExpecting(2, args("lead"));
    expect(result.stderr).toBe(`"lead" is not a node of this plan. Did you mean "leads"?\n`);
  });
});
