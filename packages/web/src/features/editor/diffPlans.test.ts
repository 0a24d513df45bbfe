import type { Plan } from "@shihyo/engine";
import { describe, expect, it } from "vitest";
import { diffPlans, isEmptyDiff } from "./diffPlans";

const before: Plan = {
  version: 1,
  name: "FY2026",
  calendar: { fiscalYearStart: 4 },
  nodes: [
    {
      id: "revenue",
      role: "kgi",
      name: "売上",
      targets: { "FY2026-Q1": { value: 100 }, "FY2026-Q2": { value: 110 } },
    },
    { id: "leads", role: "kpi", name: "リード", parent: "revenue", unit: "count" },
    { id: "cvr", role: "kpi", parent: "revenue" },
  ],
};

describe("diffPlans", () => {
  it("finds no change between a plan and itself, whatever the order of targets", () => {
    const reordered: Plan = {
      ...before,
      nodes: [
        { ...before.nodes[0]!, targets: { "FY2026-Q2": { value: 110 }, "FY2026-Q1": { value: 100 } } },
        ...before.nodes.slice(1),
      ],
    };
    expect(isEmptyDiff(diffPlans(before, before))).toBe(true);
    expect(isEmptyDiff(diffPlans(before, reordered))).toBe(true);
  });

  it("lists nodes added, removed and changed, with the fields that changed", () => {
    const after: Plan = {
      version: 1,
      name: "FY2026 改",
      calendar: { fiscalYearStart: 1 },
      nodes: [
        {
          id: "revenue",
          role: "kgi",
          name: "売上",
          targets: { "FY2026-Q1": { value: 120 }, "FY2026-Q2": { value: 110 } },
        },
        {
          id: "leads",
          role: "kpi",
          name: "リード数",
          parent: "revenue",
          unit: "count",
          formula: "visitors * 0.01",
        },
        { id: "visitors", role: "kpi", parent: "leads" },
      ],
      data: [{ node: "visitors", period: "2026-04-01", value: 10 }],
    };
    const diff = diffPlans(before, after);
    expect(diff).toEqual({
      name: { before: "FY2026", after: "FY2026 改" },
      calendar: true,
      added: [after.nodes[2]],
      removed: [before.nodes[2]],
      changed: [
        { id: "revenue", name: "売上", fields: ["targets"] },
        { id: "leads", name: "リード数", fields: ["name", "formula"] },
      ],
      reordered: false,
      lint: false,
      dataRows: 1,
    });
  });

  it("sees siblings moved up or down as a new order", () => {
    const after = { ...before, nodes: [before.nodes[0]!, before.nodes[2]!, before.nodes[1]!] };
    const diff = diffPlans(before, after);
    expect(diff.reordered).toBe(true);
    expect(diff.changed).toEqual([]);
    expect(isEmptyDiff(diff)).toBe(false);
  });

  it("sees a node whose id changed as one removed and one added", () => {
    const after = {
      ...before,
      nodes: [before.nodes[0]!, { ...before.nodes[1]!, id: "lead_count" }, before.nodes[2]!],
    };
    const diff = diffPlans(before, after);
    expect(diff.added.map((n) => n.id)).toEqual(["lead_count"]);
    expect(diff.removed.map((n) => n.id)).toEqual(["leads"]);
  });
});
