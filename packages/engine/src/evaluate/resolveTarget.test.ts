import { describe, expect, it } from "vitest";
import { articleTree } from "../../test/articlePlan.js";
import { evaluator, targets } from "../../test/buildPlan.js";
import type { Aggregation, PlanNode } from "../model/types.js";

const monthlyTargets = targets({ "2026-04": 100, "2026-05": 110, "2026-06": 120 });

function targetOf(nodes: PlanNode[], id: string, period: string) {
  const ev = evaluator(nodes);
  return ev.targets.get(ev.prepared.byId.get(id)!, ev.period(period));
}

describe("derived targets (SEMANTICS §3)", () => {
  it.each<[Aggregation, number]>([
    ["sum", 330],
    ["last", 120],
    ["first", 100],
    ["average", 110],
    ["min", 100],
    ["max", 120],
  ])("monthly targets 100, 110, 120 roll up to the quarter by %s: %d", (aggregation, expected) => {
    const t = targetOf(
      [{ id: "x", role: "kpi", cadence: "month", aggregation, targets: monthlyTargets }],
      "x",
      "FY2026-Q1",
    );
    expect(t).toMatchObject({ value: expected, derived: true, source: "rollup" });
  });

  it("a weighted average's targets are weighted by the weight node's targets", () => {
    const nodes: PlanNode[] = [
      {
        id: "csat",
        role: "kpi",
        cadence: "month",
        aggregation: "weighted_average",
        weight: "responses",
        targets: targets({ "2026-04": 4, "2026-05": 5, "2026-06": 4.5 }),
      },
      {
        id: "responses",
        role: "kpi",
        cadence: "month",
        targets: targets({ "2026-04": 10, "2026-05": 30, "2026-06": 60 }),
      },
    ];
    // (4·10 + 5·30 + 4.5·60) / 100 = 4.6
    expect(targetOf(nodes, "csat", "FY2026-Q1")!.value).toBeCloseTo(4.6, 12);
  });

  it("a set target is not derived", () => {
    expect(targetOf(articleTree(500_000), "revenue", "FY2026-Q1")).toMatchObject({
      value: 30_000_000,
      derived: false,
      source: "set",
    });
  });

  it("a computed node without targets of its own gets formula(inputs' targets)", () => {
    const nodes = articleTree(500_000).map((n) => (n.id === "leads" ? { ...n, targets: {} } : n));
    // visitors 30,000 over the quarter × cvr 1 % (mean of months) = 300
    const t = targetOf(nodes, "leads", "FY2026-Q1")!;
    expect(t.value).toBeCloseTo(300, 9);
    expect(t).toMatchObject({ derived: true, source: "formula" });
  });

  it("a month target is derived for a quarterly KGI only through its formula", () => {
    const t = targetOf(articleTree(500_000), "revenue", "2026-04")!;
    // 100 leads × 20 % × 500,000
    expect(t.value).toBeCloseTo(10_000_000, 6);
    expect(t.source).toBe("formula");
    const measuredOnly: PlanNode[] = [
      { id: "x", role: "kpi", cadence: "quarter", targets: targets({ "FY2026-Q1": 9 }) },
    ];
    expect(targetOf(measuredOnly, "x", "2026-04")).toBeNull();
  });

  it("an incomplete set of sub-period targets derives nothing", () => {
    const t = targetOf(
      [{ id: "x", role: "kpi", cadence: "month", targets: targets({ "2026-04": 1 }) }],
      "x",
      "FY2026-Q1",
    );
    expect(t).toBeNull();
  });

  it("a computed rate's own monthly targets roll up as a mean (unit percent)", () => {
    const nodes: PlanNode[] = [
      { id: "a", role: "kpi" },
      { id: "b", role: "kpi" },
      {
        id: "rate",
        role: "kpi",
        unit: "percent",
        cadence: "month",
        formula: "a / b",
        targets: targets({ "2026-04": 0.2, "2026-05": 0.2, "2026-06": 0.2 }),
      },
    ];
    expect(targetOf(nodes, "rate", "FY2026-Q1")!.value).toBeCloseTo(0.2, 12);
  });

  it("derived targets show as derived in the evaluation", () => {
    const ev = evaluator(articleTree(500_000));
    const leads = ev
      .evaluate({ period: "FY2026-Q1", asOf: "2026-04-01" })
      .nodes.find((n) => n.id === "leads")!;
    expect(leads.target).toBe(300);
    expect(leads.derivedTarget).toBe(true);
  });
});
