import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects, expectProblem, startServer, TEMPLATES, type TestServer } from "../test/harness.js";

/**
 * A small plan whose numbers are worked out by hand below. "Today" is 2026-05-15 (the
 * harness's clock): April is over, May half gone, June not begun.
 */
const PLAN = `
version: 1
name: Series
calendar: { fiscalYearStart: 4, timezone: Asia/Tokyo }
nodes:
  - id: revenue
    role: kgi
    unit: JPY
    cadence: quarter
    grain: month
    aggregation: sum
    formula: deals * deal_size
    targets: { FY2026-Q1: 3000000 }
  - id: deals
    role: kpi
    parent: revenue
    unit: count
    cadence: month
    grain: month
    aggregation: sum
    targets: { 2026-04: 10, 2026-05: 10, 2026-06: 10 }
  - id: deal_size
    role: kpi
    parent: revenue
    unit: JPY
    cadence: month
    grain: month
    aggregation: average
    targets: { 2026-04: 100000, 2026-05: 100000, 2026-06: 100000 }
  - id: visits
    role: kpi
    parent: revenue
    unit: count
    cadence: month
    grain: day
    aggregation: sum
    targets: { 2026-04: 3000, 2026-05: 3100, 2026-06: 3000 }
  - id: ksf_only
    role: ksf
    parent: revenue
`;

const ROWS = [
  { node: "revenue", period: "2026-04", value: 1_300_000 },
  { node: "deals", period: "2026-04", value: 12 },
  { node: "deals", period: "2026-05", value: 4 },
  { node: "deal_size", period: "2026-04", value: 110_000 },
  // 100 visits a day on 1–10 May.
  ...Array.from({ length: 10 }, (_, i) => ({
    node: "visits",
    period: `2026-05-${String(i + 1).padStart(2, "0")}`,
    value: 100,
  })),
];

interface Point {
  period: string;
  [field: string]: unknown;
}
interface Series {
  from: string;
  to: string;
  asOf: string;
  periods: string[];
  nodes: { id: string; points: Point[] }[];
}

describe.each(dialects())("series on %s", (dialect) => {
  let server: TestServer;
  let planId: string;
  let saasId: string;
  beforeAll(async () => {
    server = await startServer(dialect);
    planId = await server.importPlan(PLAN);
    await server.pushMeasurements(planId, { rows: ROWS });
    saasId = await server.importPlan(readFileSync(join(TEMPLATES, "saas.yaml"), "utf8"));
    await server.pushMeasurements(saasId, readFileSync(join(TEMPLATES, "saas.demo.csv")));
  });
  afterAll(async () => server?.close());

  const get = (query: string, plan = planId) =>
    server.as("viewer", { method: "GET", url: `/api/v1/plans/${plan}/series?${query}` });
  const series = async (query: string): Promise<Series> => {
    const response = await get(query);
    if (response.statusCode !== 200) throw new Error(`${response.statusCode} ${response.body}`);
    return response.json();
  };
  const pointsOf = (doc: Series, id: string) => doc.nodes.find((n) => n.id === id)!.points;

  it("gives a day-recorded sum node's months: over, under way (paced), not begun", async () => {
    const doc = await series("from=2026-04&to=2026-06&node=visits");
    expect(doc).toMatchObject({
      from: "2026-04",
      to: "2026-06",
      asOf: "2026-05-15",
      periods: ["2026-04", "2026-05", "2026-06"],
    });
    expect(doc.nodes.map((n) => n.id)).toEqual(["visits"]);
    const [april, may, june] = pointsOf(doc, "visits");
    // April is over with no data: nothing to forecast; expected is the whole target.
    expect(april).toMatchObject({
      period: "2026-04",
      actual: null,
      target: 3000,
      derivedTarget: false,
      progress: null,
      expectedToDate: 3000,
      expectedMethod: "final",
      forecast: null,
      status: "no_data",
      coverage: null,
      reason: "no_data",
    });
    // May: 1,000 visits on 10 of the 15 days gone (of 31): pace 1,000 ÷ 15/31.
    expect(may).toMatchObject({
      period: "2026-05",
      actual: 1000,
      target: 3100,
      expectedToDate: 1500, // 3,100 × 15/31
      expectedMethod: "linear",
      forecastMethod: "pace",
      status: "off_track", // 2,066.67 misses 3,100 by more than 10 %
      actualSource: "measured",
      reason: null,
    });
    expect(may!.forecast).toBeCloseTo((1000 * 31) / 15, 5);
    expect(may!.progress).toBeCloseTo(1000 / 3100, 9);
    expect(may!.coverage).toBeCloseTo(10 / 15, 9);
    expect(may!.elapsedShare).toBeCloseTo(15 / 31, 9);
    // June has not begun: nothing expected yet.
    expect(june).toMatchObject({ actual: null, target: 3000, expectedToDate: 0, status: "no_data" });
  });

  it("gives a measured-and-modelled KGI's months with formula-derived targets", async () => {
    const [april, may] = pointsOf(await series("from=2026-04&to=2026-05&node=revenue"), "revenue");
    expect(april).toEqual({
      period: "2026-04",
      actual: 1_300_000,
      target: 1_000_000, // 10 deals × 100,000 (no monthly target set)
      derivedTarget: true,
      progress: 1.3,
      expectedToDate: 1_000_000,
      forecast: 1_300_000,
      forecastMethod: "actual",
      status: "achieved",
      modeled: 1_320_000, // 12 × 110,000
      coverage: 1,
      modelGap: -20_000,
      actualSource: "measured",
      targetSource: "formula",
      baseline: null,
      expectedMethod: "final",
      elapsedShare: 1,
      reason: null,
    });
    // May: 4 deals but no deal size yet: no model, and no revenue entered.
    expect(may).toMatchObject({
      actual: null,
      modeled: null,
      target: 1_000_000,
      status: "no_data",
      reason: "missing_input",
    });
  });

  it("gives every numeric node by quarter when no node is named", async () => {
    const doc = await series("from=FY2026-Q1&to=FY2026-Q2");
    expect(doc.periods).toEqual(["FY2026-Q1", "FY2026-Q2"]);
    expect(doc.nodes.map((n) => n.id)).toEqual(["revenue", "deals", "deal_size", "visits"]);
    const [q1, q2] = pointsOf(doc, "deals");
    // April (ended) and May (has data) count: 61 of the quarter's 91 days.
    expect(q1).toMatchObject({ actual: 16, target: 30, derivedTarget: true, targetSource: "rollup" });
    expect(q1!.progress).toBeCloseTo(16 / 30, 9);
    expect(q1!.forecast).toBeCloseTo((16 * 91) / 61, 5);
    expect(q1!.expectedToDate).toBeCloseTo((30 * 61) / 91, 5);
    expect(q1!.status).toBe("off_track"); // 23.9 misses 30 by more than 10 %
    expect(q2).toMatchObject({ actual: null, target: null, status: "no_target" });
    const [revenueQ1] = pointsOf(doc, "revenue");
    // Revenue entered for April only: 30 of 91 days; pace 1.3M × 91/30 = 3.94M ≥ 3M.
    expect(revenueQ1).toMatchObject({ actual: 1_300_000, target: 3_000_000, derivedTarget: false });
    expect(revenueQ1!.forecast).toBeCloseTo((1_300_000 * 91) / 30, 2);
    expect(revenueQ1!.status).toBe("on_track");
  });

  it("equals the evaluation of each period, field for field", async () => {
    const doc = await series("from=2026-04&to=2026-09&asOf=2026-08-20");
    expect(doc.asOf).toBe("2026-08-20");
    for (const period of doc.periods) {
      const evaluation = (
        await server.as("viewer", {
          method: "GET",
          url: `/api/v1/plans/${planId}/evaluation?period=${period}&asOf=2026-08-20`,
        })
      ).json();
      for (const { id, ...numbers } of evaluation.nodes as { id: string }[]) {
        expect(pointsOf(doc, id).find((p) => p.period === period)).toEqual({ period, ...numbers });
      }
    }
  });

  it("equals the evaluation on the demo plan (a year of data, seasonal pace)", async () => {
    const response = await get("from=2026-04&to=2027-03&node=revenue", saasId);
    const doc: Series = response.json();
    expect(doc.periods).toHaveLength(12);
    const evaluation = (
      await server.as("viewer", { method: "GET", url: `/api/v1/plans/${saasId}/evaluation?period=2026-05` })
    ).json();
    const { id: _id, ...numbers } = evaluation.nodes.find((n: { id: string }) => n.id === "revenue");
    expect(pointsOf(doc, "revenue")[1]).toEqual({ period: "2026-05", ...numbers });
  });

  it("gives a KSF no numbers, and weeks across a year boundary", async () => {
    expect((await series("from=2026-04&to=2026-05&node=ksf_only")).nodes).toEqual([]);
    const weeks = await series("from=2026-W52&to=2027-W02&node=visits");
    expect(weeks.periods).toEqual(["2026-W52", "2026-W53", "2027-W01", "2027-W02"]);
  });

  it("refuses bad periods, mixed grains, ranges backwards or too long, with the parameter named", async () => {
    const bad = expectProblem(await get("from=2026-13&to=2026-12"), 400, "validation_failed");
    expect(bad.errors![0]!.path).toBe("querystring.from");
    const mixed = expectProblem(await get("from=2026-04&to=FY2026-Q2"), 400, "validation_failed");
    expect(mixed.errors![0]).toMatchObject({ path: "querystring.to" });
    expect(mixed.errors![0]!.message).toContain("FY2026-Q2");
    const backwards = expectProblem(await get("from=2026-06&to=2026-04"), 400);
    expect(backwards.errors![0]!.path).toBe("querystring.to");
    // 2022-04 .. 2027-03 is 60 months: the most one request may ask; one more is refused.
    expect((await get("from=2022-04&to=2027-03&node=deals")).statusCode).toBe(200);
    const tooMany = expectProblem(await get("from=2022-03&to=2027-03"), 400);
    expect(tooMany.errors![0]!.message).toContain("61");
    const japanese = await server.as("viewer", {
      method: "GET",
      url: `/api/v1/plans/${planId}/series?from=2022-03&to=2027-03`,
      headers: { "accept-language": "ja" },
    });
    expect(expectProblem(japanese, 400).errors![0]!.message).toContain("上限 60 期間");
    expectProblem(await get("to=2026-04"), 400, "validation_failed");
    expectProblem(await get("from=2026-04&to=2026-05&asOf=soon"), 400);
  });

  it("answers 404 for an unknown node or plan, and for another organisation", async () => {
    const unknown = expectProblem(await get("from=2026-04&to=2026-05&node=nobody"), 404, "not_found");
    expect(unknown.detail).toContain("nobody");
    expectProblem(await get("from=2026-04&to=2026-05", "no-such-plan"), 404);
    const outsider = await server.as("outsider", {
      method: "GET",
      url: `/api/v1/plans/${planId}/series?from=2026-04&to=2026-05`,
    });
    expectProblem(outsider, 404);
  });

  it("sees a revised target at once", async () => {
    const before = pointsOf(await series("from=2026-05&to=2026-05&node=deals"), "deals")[0]!;
    expect(before.target).toBe(10);
    const targets = (
      await server.as("viewer", { method: "GET", url: `/api/v1/plans/${planId}/targets` })
    ).json() as { nodeId: string; period: string; version: number }[];
    const may = targets.find((t) => t.nodeId === "deals" && t.period === "2026-05")!;
    const revised = await server.as("editor", {
      method: "PATCH",
      url: `/api/v1/plans/${planId}/targets/deals/2026-05`,
      payload: JSON.stringify({ value: 8, reason: "resources", comment: "two people left" }),
      headers: { "content-type": "application/json", "if-match": `"${may.version}"` },
    });
    expect(revised.statusCode).toBe(200);
    const after = pointsOf(await series("from=2026-05&to=2026-05&node=deals"), "deals")[0]!;
    expect(after).toMatchObject({ target: 8, progress: 0.5 });
  });
});
