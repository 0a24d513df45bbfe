import { describe, expect, it } from "vitest";
import { articleTree } from "../../test/articlePlan.js";
import { evaluator, rows, targets } from "../../test/buildPlan.js";
import { ShihyoError } from "../errors.js";
import type { PlanNode } from "../model/types.js";
import { checkConsistency } from "./consistency.js";
import { sensitivity } from "./sensitivity.js";
import { solveTarget } from "./solveTarget.js";

const Q1 = "FY2026-Q1";

describe("consistency (SEMANTICS §5)", () => {
  it("the sales variant adds up exactly: 150 opportunities × 20 % × 1,000,000", () => {
    const nodes: PlanNode[] = [
      {
        id: "revenue",
        role: "kgi",
        cadence: "quarter",
        formula: "opportunities * win_rate * deal_size",
        targets: targets({ [Q1]: 30_000_000 }),
      },
      {
        id: "opportunities",
        role: "kpi",
        cadence: "month",
        targets: targets({ "2026-04": 50, "2026-05": 50, "2026-06": 50 }),
      },
      {
        id: "win_rate",
        role: "kpi",
        unit: "percent",
        cadence: "quarter",
        aggregation: "average",
        targets: targets({ [Q1]: 0.2 }),
      },
      {
        id: "deal_size",
        role: "kpi",
        cadence: "quarter",
        aggregation: "average",
        targets: targets({ [Q1]: 1_000_000 }),
      },
    ];
    const ev = evaluator(nodes);
    const [row] = checkConsistency(ev.prepared, ev.targets);
    expect(row).toMatchObject({
      node: "revenue",
      period: Q1,
      target: 30_000_000,
      gap: 0,
      gapRatio: 0,
      consistent: true,
    });
    expect(row!.implied).toBeCloseTo(30_000_000, 6);
  });

  it("the article tree with a 250,000 deal size implies 15,000,000: gap 15,000,000, ratio 0.5", () => {
    const ev = evaluator(articleTree(250_000));
    const row = checkConsistency(ev.prepared, ev.targets).find((r) => r.node === "revenue")!;
    expect(row.implied).toBeCloseTo(15_000_000, 6);
    expect(row.gap).toBeCloseTo(15_000_000, 6);
    expect(row.gapRatio).toBeCloseTo(0.5, 12);
    expect(row.consistent).toBe(false);
  });

  it("checks every computed node with targets of its own, month by month", () => {
    const ev = evaluator(articleTree(500_000));
    const rowsFound = checkConsistency(ev.prepared, ev.targets);
    // leads (3 months), win_rate (3 months), revenue (1 quarter)
    expect(rowsFound.map((r) => `${r.node} ${r.period}`).sort()).toEqual([
      "leads 2026-04",
      "leads 2026-05",
      "leads 2026-06",
      "revenue FY2026-Q1",
      "win_rate 2026-04",
      "win_rate 2026-05",
      "win_rate 2026-06",
    ]);
    expect(rowsFound.every((r) => r.consistent)).toBe(true);
  });
});

describe("solve (SEMANTICS §6)", () => {
  it("the article: the tree adds up only if deal size is 500,000", () => {
    const ev = evaluator(articleTree(250_000));
    const result = solveTarget(ev.prepared, ev.targets, {
      node: "revenue",
      for: "deal_size",
      period: ev.period(Q1),
    });
    expect(result.value).toBeCloseTo(500_000, 3);
    expect(Math.abs(result.value! - 500_000) / 500_000).toBeLessThan(1e-9);
    expect(result.unique).toBe(true);
    // deal size is not a sum: every month gets the same value
    expect(Object.keys(result.monthly!)).toEqual(["2026-04", "2026-05", "2026-06"]);
    for (const v of Object.values(result.monthly!)) expect(v).toBeCloseTo(500_000, 3);
  });

  it("solves through a chain: visitors for revenue, through leads = visitors × cvr", () => {
    const ev = evaluator(articleTree(250_000));
    const result = solveTarget(ev.prepared, ev.targets, {
      node: "revenue",
      for: "visitors",
      period: ev.period(Q1),
    });
    // revenue = visitors × 1 % × 20 % × 250,000 = 500 × visitors = 30,000,000 → 60,000 a quarter
    expect(result.value).toBeCloseTo(60_000, 6);
    expect(Object.keys(result.monthly!)).toEqual(["2026-04", "2026-05", "2026-06"]);
    for (const v of Object.values(result.monthly!)) expect(v).toBeCloseTo(20_000, 6);
  });

  it("splits a sum by a shape so that the months add up", () => {
    const ev = evaluator(articleTree(250_000));
    const result = solveTarget(ev.prepared, ev.targets, {
      node: "revenue",
      for: "visitors",
      period: ev.period(Q1),
      shape: [1, 2, 3],
    });
    const months = Object.values(result.monthly!);
    expect(months[0]).toBeCloseTo(10_000, 6);
    expect(months[1]).toBeCloseTo(20_000, 6);
    expect(months.reduce((a, b) => a + b)).toBeCloseTo(60_000, 9);
  });

  it("says when there is no answer, and when there are several", () => {
    const none: PlanNode[] = [
      { id: "r", role: "kgi", cadence: "month", formula: "min(x, 10)", targets: targets({ "2026-04": 20 }) },
      { id: "x", role: "kpi", cadence: "month" },
    ];
    const ev1 = evaluator(none);
    const r1 = solveTarget(ev1.prepared, ev1.targets, { node: "r", for: "x", period: ev1.period("2026-04") });
    expect(r1).toMatchObject({ value: null, unique: false, note: "solve.noSolution" });

    const several: PlanNode[] = [
      { id: "r", role: "kgi", cadence: "month", formula: "x * x", targets: targets({ "2026-04": 16 }) },
      { id: "x", role: "kpi", cadence: "month", targets: targets({ "2026-04": 3 }) },
    ];
    const ev2 = evaluator(several);
    const r2 = solveTarget(ev2.prepared, ev2.targets, { node: "r", for: "x", period: ev2.period("2026-04") });
    expect(r2.unique).toBe(false);
    expect(r2.solutions!.map((v) => Math.round(v * 1e9) / 1e9)).toEqual([-4, 4]);
    expect(r2.value).toBeCloseTo(4, 9); // nearest the current target of 3
  });

  it.each([
    ["unknown", "deal_size", "solve.unknownNode"],
    ["revenue", "dealsize", "solve.unknownNode"],
    ["visitors", "cvr", "solve.notComputed"],
    ["leads", "deal_size", "solve.notAnInput"],
  ])("rejects node %s for %s with %s", (node, lever, code) => {
    const ev = evaluator(articleTree(250_000));
    try {
      solveTarget(ev.prepared, ev.targets, { node, for: lever, period: ev.period(Q1) });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ShihyoError);
      expect((error as ShihyoError).code).toBe(code);
      expect((error as ShihyoError).text("ja")).not.toBe((error as ShihyoError).text("en"));
    }
  });
});

describe("sensitivity (SEMANTICS §7)", () => {
  const sumPlan: PlanNode[] = [
    { id: "r", role: "kgi", cadence: "month", formula: "a + b", targets: targets({ "2026-04": 10 }) },
    { id: "a", role: "kpi", cadence: "month" },
    { id: "b", role: "kpi", cadence: "month" },
  ];

  it("elasticities of a sum are each part's share; impact of +10 %; required values", () => {
    const ev = evaluator(sumPlan, [...rows("a", { "2026-04-01": 2 }), ...rows("b", { "2026-04-01": 6 })]);
    const result = sensitivity(ev, {
      node: "r",
      period: ev.period("2026-04"),
      asOf: ev.period("2026-04").end,
    });
    expect(result.value).toBe(8);
    expect(result.levers.map((l) => l.id)).toEqual(["b", "a"]);
    const [b, a] = result.levers;
    expect(b!.elasticity).toBeCloseTo(0.75, 12);
    expect(a!.elasticity).toBeCloseTo(0.25, 12);
    expect(b!.impactOf10pct).toBeCloseTo(0.6, 12);
    expect(a!.impactOf10pct).toBeCloseTo(0.2, 12);
    expect(b!.requiredValue).toBeCloseTo(8, 9);
    expect(a!.requiredValue).toBeCloseTo(4, 9);
    expect(a!.requiredChange).toBeCloseTo(2, 9);
  });

  it("elasticities of a product are 1; levers are reached through chains", () => {
    const data = [
      ...rows("visitors", { "2026-04": 24_000 }),
      ...rows("cvr", { "2026-04": 0.01 }),
      ...rows("opp_rate", { "2026-04": 0.5 }),
      ...rows("close_rate", { "2026-04": 0.4 }),
      ...rows("deal_size", { "2026-04": 500_000 }),
    ];
    const nodes = articleTree(500_000).map((n) =>
      n.id === "visitors" ? { ...n, grain: "month" as const } : n,
    );
    const ev = evaluator(nodes, data);
    const result = sensitivity(ev, { node: "revenue", period: ev.period(Q1), asOf: ev.period(Q1).end });
    // 24,000 × 1 % × 50 % × 40 % × 500,000 = 24,000,000
    expect(result.value).toBeCloseTo(24_000_000, 6);
    expect(result.target).toBe(30_000_000);
    expect(result.levers.map((l) => l.id).sort()).toEqual([
      "close_rate",
      "cvr",
      "deal_size",
      "opp_rate",
      "visitors",
    ]);
    const visitors = result.levers.find((l) => l.id === "visitors")!;
    expect(visitors.elasticity).toBeCloseTo(1, 12);
    expect(visitors.impactOf10pct).toBeCloseTo(2_400_000, 4);
    expect(visitors.requiredValue).toBeCloseTo(30_000, 6);
    expect(visitors.requiredChange).toBeCloseTo(6_000, 6);
  });
});

describe("solve needs a goal of the node's own", () => {
  it("a target derived by the formula from the lever itself is not a goal", () => {
    const ev = evaluator(articleTree(250_000));
    expect(() =>
      solveTarget(ev.prepared, ev.targets, {
        node: "revenue",
        for: "deal_size",
        period: ev.period("2026-04"),
      }),
    ).toThrow(ShihyoError);
  });
});
