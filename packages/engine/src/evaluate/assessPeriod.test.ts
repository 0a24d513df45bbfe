import { describe, expect, it } from "vitest";
import { daily, evaluator, rows, targets } from "../../test/buildPlan.js";
import type { PlanNode } from "../model/types.js";
import { progressOf } from "./assess.js";

const visits = (target?: number): PlanNode => ({
  id: "visits",
  role: "kpi",
  cadence: "month",
  ...(target === undefined ? {} : { targets: targets({ "2026-04": target }) }),
});

function assessOne(
  node: PlanNode,
  data: { node: string; period: string; value: number }[],
  period: string,
  asOf: string,
) {
  return evaluator([node], data).evaluate({ period, asOf }).nodes[0]!;
}

describe("status of a sum node at each boundary (SEMANTICS §4), target 100, tolerance 10 %", () => {
  // As of 2026-04-15, half of April has elapsed: forecast = actual / 0.5.
  it.each([
    [50, 100, "on_track"],
    [45, 90, "at_risk"], // misses by exactly tol·|T| = 10
    [44.9, 89.8, "off_track"],
    [100, 200, "achieved"], // an `up` sum that already met its target cannot un-meet it
  ])("actual %d mid-month → forecast %d → %s", (actual, forecast, status) => {
    const n = assessOne(visits(100), rows("visits", { "2026-04-01": actual }), "2026-04", "2026-04-15");
    expect(n.forecast).toBeCloseTo(forecast, 9);
    expect(n.forecastMethod).toBe("pace");
    expect(n.expectedToDate).toBeCloseTo(50, 9);
    expect(n.status).toBe(status);
  });

  it.each([
    [100, "achieved"],
    [95, "at_risk"],
    [90, "at_risk"],
    [80, "off_track"],
  ])("period over, actual %d → %s", (actual, status) => {
    const n = assessOne(visits(100), rows("visits", { "2026-04-01": actual }), "2026-04", "2026-05-01");
    expect(n.forecast).toBe(actual);
    expect(n.forecastMethod).toBe("actual");
    expect(n.status).toBe(status);
  });

  it("no target and no data", () => {
    expect(assessOne(visits(), rows("visits", { "2026-04-01": 5 }), "2026-04", "2026-04-15").status).toBe(
      "no_target",
    );
    expect(assessOne(visits(100), [], "2026-04", "2026-04-15").status).toBe("no_data");
  });
});

describe("down and range directions", () => {
  const hours = (): PlanNode[] => [
    {
      id: "hours",
      role: "kpi",
      aggregation: "average",
      direction: "down",
      cadence: "month",
      targets: targets({ "2026-04": 10 }),
    },
  ];
  it.each([
    [9, "on_track", "achieved"],
    [10, "on_track", "achieved"],
    [11, "at_risk", "at_risk"],
    [11.5, "off_track", "off_track"],
  ])("response time %d h against a 10 h ceiling: %s mid-month, %s when over", (value, during, after) => {
    const ev = evaluator(hours(), rows("hours", { "2026-04-02": value }));
    expect(ev.evaluate({ period: "2026-04", asOf: "2026-04-15" }).nodes[0]!.status).toBe(during);
    expect(ev.evaluate({ period: "2026-04", asOf: "2026-05-02" }).nodes[0]!.status).toBe(after);
  });

  it.each([
    [50, "on_track"],
    [60, "on_track"],
    [62, "at_risk"], // 2 above 60, allowance 10 % of 60 = 6
    [70, "off_track"],
    [38, "at_risk"], // 2 below 40, allowance 4
    [35, "off_track"],
  ])("range [40, 60]: %d → %s", (value, status) => {
    const node: PlanNode = {
      id: "util",
      role: "kpi",
      aggregation: "average",
      direction: "range",
      range: [40, 60],
      cadence: "month",
    };
    expect(assessOne(node, rows("util", { "2026-04-02": value }), "2026-04", "2026-04-15").status).toBe(
      status,
    );
  });
});

describe("progress", () => {
  it.each([
    [55, 60, null, "up", 55 / 60],
    [55, 60, 50, "up", 0.5],
    [8, 5, null, "down", 0.625],
    [8, 5, 10, "down", 0.4],
    [0, 5, null, "down", null],
    [5, 0, null, "up", null],
    [5, 5, 5, "up", null],
    [50, 60, null, "range", null],
  ] as const)("actual %d, target %d, baseline %s, %s → %s", (a, t, b, direction, expected) => {
    const p = progressOf(a, t, b, direction);
    if (expected === null) expect(p).toBeNull();
    else expect(p).toBeCloseTo(expected, 12);
  });

  it("baseline progress flows through evaluation", () => {
    const node: PlanNode = {
      id: "nps",
      role: "kpi",
      grain: "month",
      aggregation: "last",
      cadence: "month",
      targets: { "2026-04": { value: 60, baseline: 50 } },
    };
    const n = assessOne(node, rows("nps", { "2026-04": 55 }), "2026-04", "2026-05-01");
    expect(n.progress).toBe(0.5);
    expect(n.baseline).toBe(50);
  });
});

describe("forecasts", () => {
  it("a stock follows its least-squares trend to the period's end (4+ points)", () => {
    const node: PlanNode = { id: "mrr", role: "kpi", grain: "week", aggregation: "last", cadence: "quarter" };
    // Weeks 14–17 of 2026 (Thursdays 2, 9, 16, 23 April): 100, 110, 120, 130 → +10 per 7 days.
    const data = rows("mrr", { "2026-W14": 100, "2026-W15": 110, "2026-W16": 120, "2026-W17": 130 });
    const n = assessOne(node, data, "FY2026-Q1", "2026-04-26");
    // From 23 April to 30 June is 68 days: 130 + 68 × 10 / 7.
    expect(n.forecastMethod).toBe("trend");
    expect(n.forecast).toBeCloseTo(130 + (68 * 10) / 7, 9);
  });

  it("with fewer than 4 points a level metric forecasts its current value", () => {
    const node: PlanNode = { id: "mrr", role: "kpi", grain: "week", aggregation: "last", cadence: "quarter" };
    const n = assessOne(node, rows("mrr", { "2026-W14": 100, "2026-W15": 110 }), "FY2026-Q1", "2026-04-12");
    expect(n.forecastMethod).toBe("current");
    expect(n.forecast).toBe(110);
  });

  it("an average forecasts the mean including the trend's remaining points", () => {
    const node: PlanNode = { id: "t", role: "kpi", grain: "month", aggregation: "average", cadence: "year" };
    // Apr–Jul: 1, 2, 3, 4 (one per month). Months are not equally long, so compare with the same least squares by hand.
    const data = rows("t", { "2026-04": 1, "2026-05": 2, "2026-06": 3, "2026-07": 4 });
    const n = assessOne(node, data, "FY2026", "2026-07-31");
    const x = [0, 30, 61, 91]; // days from 1 April to the first of each month
    const mx = x.reduce((a, b) => a + b) / 4;
    const slope =
      x.reduce((acc, xi, i) => acc + (xi - mx) * (i + 1 - 2.5), 0) /
      x.reduce((acc, xi) => acc + (xi - mx) ** 2, 0);
    const remaining = [122, 153, 183, 214, 244, 275, 306, 334].map((xi) => 2.5 + slope * (xi - mx));
    expect(n.forecastMethod).toBe("trend");
    expect(n.forecast).toBeCloseTo((10 + remaining.reduce((a, b) => a + b)) / 12, 9);
  });

  it("a seasonal pace from last year's same period when it is fully recorded", () => {
    const data = [
      ...daily("sales", "2025-04-01", 30, () => 10), // April 2025: 300
      ...daily("sales", "2025-05-01", 31, () => 20), // May 2025: 620
      ...daily("sales", "2025-06-01", 30, () => 30), // June 2025: 900
      ...daily("sales", "2026-04-01", 30, () => 11), // April 2026: 330
    ];
    const node: PlanNode = {
      id: "sales",
      role: "kpi",
      cadence: "quarter",
      targets: targets({ "FY2026-Q1": 2000 }),
    };
    const n = assessOne(node, data, "FY2026-Q1", "2026-04-30");
    // Last year 300 of 1,820 had come in after 30 days.
    expect(n.expectedMethod).toBe("seasonal");
    expect(n.expectedToDate).toBeCloseTo((2000 * 300) / 1820, 9);
    expect(n.forecastMethod).toBe("seasonal");
    expect(n.forecast).toBeCloseTo(330 / (300 / 1820), 9);
    expect(n.status).toBe("on_track");
  });

  it("a computed node forecasts its formula on its inputs' forecasts", () => {
    const ev = evaluator(
      [
        {
          id: "leads",
          role: "kpi",
          cadence: "month",
          formula: "visitors * cvr",
          targets: targets({ "2026-04": 100 }),
        },
        { id: "visitors", role: "kpi", cadence: "month", targets: targets({ "2026-04": 10000 }) },
        {
          id: "cvr",
          role: "kpi",
          grain: "month",
          aggregation: "average",
          cadence: "month",
          targets: targets({ "2026-04": 0.01 }),
        },
      ],
      [...rows("visitors", { "2026-04-01": 3000 }), ...rows("cvr", { "2026-04": 0.012 })],
    );
    const leads = ev.evaluate({ period: "2026-04", asOf: "2026-04-10" }).nodes[0]!;
    expect(leads.actual).toBeCloseTo(36, 9);
    // visitors: 3000 in 10 of 30 days → 9000; cvr stays 1.2 %.
    expect(leads.forecast).toBeCloseTo(108, 9);
    expect(leads.forecastMethod).toBe("formula");
    // Expected to date: the formula on visitors' 10000 × 1/3 and cvr's target, scaled to leads' own target.
    expect(leads.expectedToDate).toBeCloseTo(100 / 3, 9);
    expect(leads.status).toBe("on_track");
  });
});
