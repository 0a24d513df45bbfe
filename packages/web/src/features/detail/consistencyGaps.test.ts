import { describe, expect, it } from "vitest";
import { DEFAULT_CALENDAR } from "../../format/fiscalPeriod";
import { type ConsistencyRow, changesFor, formulaInputs, gapsAbove, nodesReading } from "./consistencyGaps";
import { periodSpan } from "./periodSpan";

/** The demo's funnel (SEMANTICS §9). */
const NODES = [
  { id: "revenue", role: "kgi", formula: "leads * win_rate * deal_size" },
  { id: "leads", role: "kpi", formula: "visitors * cvr" },
  { id: "visitors", role: "kpi" },
  { id: "cvr", role: "kpi" },
  { id: "win_rate", role: "kpi", formula: "opp_rate * close_rate" },
  { id: "opp_rate", role: "kpi" },
  { id: "close_rate", role: "kpi" },
  { id: "deal_size", role: "kpi" },
  { id: "retention", role: "kgi", formula: "1 - churned / customers_start" },
];

const row = (node: string, period: string, consistent: boolean): ConsistencyRow => ({
  node,
  period,
  target: 1,
  implied: consistent ? 1 : 2,
  gap: consistent ? 0 : -1,
  gapRatio: consistent ? 0 : -1,
  consistent,
});

describe("formulaInputs", () => {
  it.each([
    ["leads * win_rate * deal_size", ["leads", "win_rate", "deal_size"]],
    ["1 - churned / customers_start", ["churned", "customers_start"]],
    ["max(a, b) + round(c) * 1e5", ["a", "b", "c"]],
    ["if(x > 0.5, y, 2.5e-3)", ["x", "y"]],
    ["min + 1", ["min"]],
  ])("%s → %o", (formula, ids) => {
    expect(formulaInputs(formula)).toEqual(ids);
  });
});

describe("nodesReading", () => {
  it("follows formulas upward, through intermediate nodes", () => {
    expect([...nodesReading("close_rate", NODES)].sort()).toEqual(["revenue", "win_rate"]);
    expect([...nodesReading("visitors", NODES)].sort()).toEqual(["leads", "revenue"]);
    expect([...nodesReading("deal_size", NODES)]).toEqual(["revenue"]);
    expect(nodesReading("revenue", NODES).size).toBe(0);
  });
});

describe("gapsAbove", () => {
  const fy2026 = [
    periodSpan("2026-04", DEFAULT_CALENDAR)![0],
    periodSpan("2027-03", DEFAULT_CALENDAR)![1],
  ] as const;
  it("keeps the inconsistent rows of nodes reading this one, in the year shown, KGIs first", () => {
    const rows = [
      row("win_rate", "2026-11", false),
      row("revenue", "FY2026-Q3", false),
      row("revenue", "FY2026-Q1", true),
      row("revenue", "FY2025-Q3", false),
      row("leads", "2026-11", false),
      row("retention", "FY2026", false),
    ];
    expect(
      gapsAbove(rows, "close_rate", NODES, fy2026, DEFAULT_CALENDAR).map((r) => `${r.node} ${r.period}`),
    ).toEqual(["revenue FY2026-Q3", "win_rate 2026-11"]);
    expect(gapsAbove(rows, "deal_size", NODES, fy2026, DEFAULT_CALENDAR)).toHaveLength(1);
    expect(gapsAbove(rows, "revenue", NODES, fy2026, DEFAULT_CALENDAR)).toEqual([]);
  });
});

describe("changesFor", () => {
  const targets = new Map([
    ["2026-10", 500_000],
    ["2026-11", 600_000],
    ["2026-12", 500_000],
  ]);
  it("writes only the parts of the split that differ from today's targets", () => {
    const solve = {
      node: "revenue",
      for: "deal_size",
      period: "FY2026-Q3",
      value: 500_000,
      monthly: { "2026-10": 500_000, "2026-11": 500_000, "2026-12": 500_000 },
      unique: true,
    };
    expect(changesFor(solve, targets)).toEqual([{ period: "2026-11", value: 500_000 }]);
  });

  it("writes the period itself when there is no split, and a part with no target yet", () => {
    expect(changesFor({ node: "r", for: "x", period: "FY2026-Q3", value: 3, unique: true }, targets)).toEqual(
      [{ period: "FY2026-Q3", value: 3 }],
    );
    const split = { "2026-10": 100, "2026-11": 200, "2026-12": 300 };
    expect(
      changesFor(
        { node: "r", for: "x", period: "FY2026-Q3", value: 600, monthly: split, unique: true },
        new Map(),
      ),
    ).toHaveLength(3);
  });

  it("writes nothing without a solution, and ignores binary noise", () => {
    expect(
      changesFor({ node: "r", for: "x", period: "2026-11", value: null, unique: false }, targets),
    ).toEqual([]);
    const noisy = { node: "r", for: "x", period: "2026-11", value: 600_000.0000000001, unique: true };
    expect(changesFor(noisy, targets)).toEqual([]);
  });
});
