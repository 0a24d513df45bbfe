/**
 * `shihyo eval`: the `eval --json` document of INTERFACES §3, reproduced exactly, and the
 * shape of every node of a real plan; period errors; segments.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { shihyoExpecting, shihyoJson, TEMPLATES, tempDir, writeFiles } from "./cli.js";
import { DAILY_REVENUE_YAML, dailyRevenueCsv } from "./fixtures.js";

interface EvalDocument {
  period: string;
  asOf: string;
  segment?: string | null;
  nodes: Record<string, unknown>[];
}

/** The example of INTERFACES §3, field for field. */
const INTERFACES_EXAMPLE = {
  id: "revenue",
  actual: 12000000,
  target: 30000000,
  derivedTarget: false,
  progress: 0.4,
  expectedToDate: 14835164.84,
  forecast: 24266666.67,
  forecastMethod: "pace",
  status: "off_track",
  modeled: null,
  coverage: 1,
};
const NUMBER_FIELDS = ["actual", "target", "progress", "expectedToDate", "forecast", "modeled", "coverage"];
const STATUSES = ["achieved", "on_track", "at_risk", "off_track", "no_target", "no_data"];

const dir = await tempDir();
const files = await writeFiles(dir, {
  "daily.yaml": DAILY_REVENUE_YAML,
  "daily.csv": dailyRevenueCsv(),
  // Segments: east 1,000,000 + 250,000; west 500,000; one row with no segment 250,000.
  "segments.csv":
    'node,period,value,segment\nrevenue,2026-04-01,"1,000,000",east\nrevenue,2026-04-01,500000,west\n' +
    "revenue,2026-04-02,250000,east\nrevenue,2026-05-15,250000,\n",
});
const EXAMPLE_ARGS = [
  "eval",
  files["daily.yaml"],
  "--period",
  "FY2026-Q1",
  "--as-of",
  "2026-05-15",
  "--data",
  files["daily.csv"],
];

/** Every node has every field of the example; numbers are finite numbers or null. */
function expectWellFormed(document: EvalDocument): void {
  for (const node of document.nodes) {
    for (const field of Object.keys(INTERFACES_EXAMPLE))
      expect(node, `${node.id}.${field}`).toHaveProperty(field);
    for (const field of NUMBER_FIELDS) {
      const value = node[field];
      if (value !== null) {
        expect(typeof value, `${node.id}.${field}`).toBe("number");
        expect(Number.isFinite(value), `${node.id}.${field}`).toBe(true);
      }
    }
    expect(typeof node.derivedTarget, `${node.id}.derivedTarget`).toBe("boolean");
    expect(STATUSES, `${node.id}.status`).toContain(node.status);
    expect(
      node.forecast === null || typeof node.forecastMethod === "string",
      `${node.id}.forecastMethod`,
    ).toBe(true);
  }
}

describe("eval --json", () => {
  it("reproduces INTERFACES' example document exactly for revenue", async () => {
    const { json, result } = await shihyoJson<EvalDocument>(EXAMPLE_ARGS);
    expect(result.stderr).toBe("");
    expect(json.period).toBe("FY2026-Q1");
    expect(json.asOf).toBe("2026-05-15");
    expect(json.nodes).toHaveLength(1);
    const revenue = json.nodes[0]!;
    const picked = Object.fromEntries(Object.keys(INTERFACES_EXAMPLE).map((k) => [k, revenue[k]]));
    expect(picked).toStrictEqual(INTERFACES_EXAMPLE);
    expectWellFormed(json);
  });

  it("the same numbers whatever the locale (JSON is not localised)", async () => {
    const en = await shihyoJson<EvalDocument>(EXAMPLE_ARGS);
    const ja = await shihyoJson<EvalDocument>(EXAMPLE_ARGS, { env: { LANG: "ja_JP.UTF-8" } });
    expect(ja.json).toEqual(en.json);
  });

  it("every node of the saas plan has every field, for every quarter, with and without data", async () => {
    const plan = join(TEMPLATES, "saas.yaml");
    const data = join(TEMPLATES, "saas.demo.csv");
    for (const period of [
      "FY2026-Q1",
      "FY2026-Q3",
      "FY2026-Q4",
      "2026-10",
      "FY2026",
      "2026-W46",
      "2026-11-19",
    ]) {
      const { json } = await shihyoJson<EvalDocument>([
        "eval",
        plan,
        "--period",
        period,
        "--as-of",
        "2026-11-20",
        "--data",
        data,
      ]);
      expect(json.period).toBe(period);
      expect(json.nodes.length).toBeGreaterThan(20);
      expectWellFormed(json);
    }
    const { json: empty } = await shihyoJson<EvalDocument>([
      "eval",
      plan,
      "--period",
      "FY2026-Q1",
      "--as-of",
      "2026-05-15",
    ]);
    expectWellFormed(empty);
    for (const node of empty.nodes) expect(node.actual).toBeNull();
  });

  it("a node both measured and modelled reports modeled and modelGap = actual − modeled", async () => {
    const { json } = await shihyoJson<EvalDocument>([
      "eval",
      join(TEMPLATES, "saas.yaml"),
      "--period",
      "FY2026-Q2",
      "--as-of",
      "2026-11-20",
      "--data",
      join(TEMPLATES, "saas.demo.csv"),
    ]);
    const revenue = json.nodes.find((n) => n.id === "revenue")!;
    expect(typeof revenue.actual).toBe("number");
    expect(typeof revenue.modeled).toBe("number");
    // Both are rounded to cents at most, so their difference is exact to the cent.
    expect(revenue.modelGap).toBeCloseTo((revenue.actual as number) - (revenue.modeled as number), 2);
  });

  it("human output: one row per node with the status word", async () => {
    const result = await shihyoExpecting(0, EXAMPLE_ARGS);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("Daily revenue — FY2026-Q1 (as of 2026-05-15)");
    expect(lines[1]).toMatch(/^node +actual +target +progress +expected +forecast +status$/);
    expect(lines[2]).toMatch(
      /^revenue +¥12,000,000 +¥30,000,000 +40% +¥14,835,165 +¥24,266,667 +✕ off track$/,
    );
    // No target is derived, so no "* derived" footnote.
    expect(lines).toHaveLength(3);
  });
});

describe("eval: periods", () => {
  it("--period is required (exit 2)", async () => {
    const result = await shihyoExpecting(2, ["eval", files["daily.yaml"], "--as-of", "2026-05-15"]);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe("The option --period is required.\n");
  });

  it.each(["2026Q1", "Q1-2026", "FY26-Q1", "2026-4", "april"])(
    "a bad period id (%s) is exit 2, naming it and the accepted forms",
    async (bad) => {
      const result = await shihyoExpecting(2, ["eval", files["daily.yaml"], "--period", bad, "--json"]);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain(`"${bad}"`);
      for (const form of ["2026-04-15", "2026-W16", "2026-04", "FY2026-Q1", "FY2026-H1", "FY2026"])
        expect(result.stderr).toContain(form);
    },
  );

  it("a period id of the right form but impossible (FY2026-Q5, 2026-13) is exit 2 too", async () => {
    const q5 = await shihyoExpecting(2, ["eval", files["daily.yaml"], "--period", "FY2026-Q5"]);
    expect(q5.stderr).toContain('"FY2026-Q5"');
    const m13 = await shihyoExpecting(2, ["eval", files["daily.yaml"], "--period", "2026-13"]);
    expect(m13.stderr).toContain('"2026-13"');
  });

  it("the period error is in Japanese with --lang ja", async () => {
    const result = await shihyoExpecting(2, [
      "eval",
      files["daily.yaml"],
      "--period",
      "2026Q1",
      "--lang",
      "ja",
    ]);
    expect(result.stderr).toMatch(/^「2026Q1」/);
    expect(result.stderr).toContain("FY2026-Q1（四半期）");
  });

  it("a month of the quarter: April alone is over, so its forecast is its actual", async () => {
    const { json } = await shihyoJson<EvalDocument>([
      "eval",
      files["daily.yaml"],
      "--period",
      "2026-04",
      "--as-of",
      "2026-05-15",
      "--data",
      files["daily.csv"],
    ]);
    // 30 days × 200,000; revenue has quarterly targets only, so April has none.
    expect(json.nodes[0]).toMatchObject({ actual: 6000000, target: null, status: "no_target", coverage: 1 });
  });
});

describe("eval --segment", () => {
  const args = (segment?: string) => [
    "eval",
    files["daily.yaml"],
    "--period",
    "FY2026-Q1",
    "--as-of",
    "2026-05-15",
    "--data",
    files["segments.csv"],
    ...(segment ? ["--segment", segment] : []),
  ];

  it("without --segment: every segment summed (2,000,000)", async () => {
    const { json } = await shihyoJson<EvalDocument>(args());
    expect(json.nodes[0]).toMatchObject({ actual: 2000000 });
    // Days with data 2026-04-01, 04-02, 05-15 out of 45 elapsed: 3/45, rounded for output.
    expect(json.nodes[0]!.coverage).toBe(0.066666667);
  });

  it("--segment east: only east's rows (1,000,000 + 250,000)", async () => {
    const { json } = await shihyoJson<EvalDocument>(args("east"));
    expect(json.segment).toBe("east");
    // Progress 1,250,000 / 30,000,000; forecast at pace 1,250,000 × 91/45.
    expect(json.nodes[0]).toMatchObject({
      actual: 1250000,
      progress: 0.041666667,
      forecast: 2527777.778,
      forecastMethod: "pace",
      coverage: 0.044444444,
    });
  });

  it("--segment west: 500,000; a segment without data has no value (null, not 0)", async () => {
    const west = await shihyoJson<EvalDocument>(args("west"));
    expect(west.json.nodes[0]).toMatchObject({ actual: 500000 });
    const north = await shihyoJson<EvalDocument>(args("north"));
    expect(north.json.nodes[0]).toMatchObject({
      actual: null,
      progress: null,
      forecast: null,
      status: "no_data",
    });
  });
});
