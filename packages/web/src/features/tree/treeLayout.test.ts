import { describe, expect, it } from "vitest";
import type { PlanNode } from "../../api/types";
import { buildTree, joinNumbers } from "../../view/planView";
import {
  descendantCount,
  layoutTree,
  NODE_HEIGHT,
  NODE_WIDTH,
  neighbourOf,
  subtreeIds,
  toggleCollapsed,
} from "./treeLayout";

// revenue ─┬─ ksf_leads ── leads ─┬─ visitors
//          │                     └─ cvr
//          └─ ksf_sales ─┬─ win_rate
//                        └─ deal_size
// retention (a second root)
const NODES: PlanNode[] = [
  { id: "revenue", role: "kgi", formula: "leads * win_rate * deal_size" },
  { id: "ksf_leads", role: "ksf", parent: "revenue" },
  { id: "leads", role: "kpi", parent: "ksf_leads", formula: "visitors * cvr" },
  { id: "visitors", role: "kpi", parent: "leads" },
  { id: "cvr", role: "kpi", parent: "leads" },
  { id: "ksf_sales", role: "ksf", parent: "revenue" },
  { id: "win_rate", role: "kpi", parent: "ksf_sales" },
  { id: "deal_size", role: "kpi", parent: "ksf_sales" },
  { id: "retention", role: "kgi" },
];
const ROOTS = buildTree(joinNumbers(NODES, undefined));
const byId = (layout: ReturnType<typeof layoutTree>) => new Map(layout.nodes.map((n) => [n.id, n]));

describe("layoutTree", () => {
  it("places every node top-down: one row per depth, parents above the middle of their children", () => {
    const layout = layoutTree(ROOTS, new Set());
    const at = byId(layout);
    expect(layout.nodes.map((n) => n.id).sort()).toEqual(NODES.map((n) => n.id).sort());
    expect(["revenue", "retention"].map((id) => at.get(id)!.y)).toEqual([0, 0]);
    const rowHeight = at.get("ksf_leads")!.y;
    expect(rowHeight).toBeGreaterThan(NODE_HEIGHT);
    expect(at.get("visitors")!.y).toBe(3 * rowHeight);
    expect(at.get("visitors")!.depth).toBe(3);
    const centre = (id: string) => at.get(id)!.x + NODE_WIDTH / 2;
    expect(centre("leads")).toBeCloseTo((centre("visitors") + centre("cvr")) / 2, 9);
    expect(centre("ksf_sales")).toBeCloseTo((centre("win_rate") + centre("deal_size")) / 2, 9);
  });

  it("never lets two boxes of a row overlap", () => {
    const layout = layoutTree(ROOTS, new Set());
    for (const depth of [0, 1, 2, 3]) {
      const row = layout.nodes.filter((n) => n.depth === depth).sort((a, b) => a.x - b.x);
      for (let k = 1; k < row.length; k++)
        expect(row[k]!.x - row[k - 1]!.x).toBeGreaterThanOrEqual(NODE_WIDTH);
    }
  });

  it("draws one edge per shown child; the parent's formula rides on the first one only", () => {
    const { edges } = layoutTree(ROOTS, new Set());
    expect(edges.filter((e) => e.source === "revenue")).toEqual([
      {
        id: "revenue->ksf_leads",
        source: "revenue",
        target: "ksf_leads",
        formula: "leads * win_rate * deal_size",
      },
      { id: "revenue->ksf_sales", source: "revenue", target: "ksf_sales", formula: null },
    ]);
    expect(edges.filter((e) => e.formula !== null).map((e) => e.formula)).toEqual([
      "leads * win_rate * deal_size",
      "visitors * cvr",
    ]);
    expect(edges).toHaveLength(NODES.length - 2);
  });

  it("leaves out what is below a collapsed node and says it is collapsed", () => {
    const layout = layoutTree(ROOTS, new Set(["ksf_leads", "cvr"]));
    const at = byId(layout);
    expect(at.has("leads")).toBe(false);
    expect(at.has("visitors")).toBe(false);
    expect(at.get("ksf_leads")).toMatchObject({ collapsed: true, childCount: 1 });
    // A leaf has nothing to collapse.
    expect(layout.nodes.some((n) => n.id === "cvr")).toBe(false);
    expect(at.get("win_rate")).toMatchObject({ collapsed: false, childCount: 0 });
    expect(layout.edges.some((e) => e.source === "ksf_leads")).toBe(false);
  });
});

describe("collapse state", () => {
  it("toggles one node and leaves the set it was given alone", () => {
    const none = new Set<string>();
    const one = toggleCollapsed(none, "leads");
    expect([...one]).toEqual(["leads"]);
    expect(none.size).toBe(0);
    expect([...toggleCollapsed(one, "leads")]).toEqual([]);
  });

  it("counts what a collapse hides", () => {
    expect(descendantCount(ROOTS[0]!)).toBe(7);
    expect(descendantCount(ROOTS[1]!)).toBe(0);
  });

  it("lists a root's shown subtree", () => {
    const layout = layoutTree(ROOTS, new Set(["ksf_sales"]));
    expect(subtreeIds(layout, "revenue").sort()).toEqual(
      ["revenue", "ksf_leads", "leads", "visitors", "cvr", "ksf_sales"].sort(),
    );
  });
});

describe("keyboard moves", () => {
  const layout = layoutTree(ROOTS, new Set());
  it.each([
    ["leads", "ArrowUp", "ksf_leads"],
    ["revenue", "ArrowUp", null],
    ["revenue", "ArrowDown", "ksf_leads"],
    ["visitors", "ArrowDown", null],
    ["ksf_leads", "ArrowRight", "ksf_sales"],
    ["ksf_sales", "ArrowLeft", "ksf_leads"],
    ["revenue", "ArrowRight", "retention"],
    ["retention", "ArrowRight", null],
    ["cvr", "Home", "visitors"],
    ["win_rate", "End", "deal_size"],
    ["leads", "End", "deal_size"],
    ["nowhere", "ArrowUp", null],
  ] as const)("%s %s → %s", (from, key, to) => {
    expect(neighbourOf(layout, from, key)).toBe(to);
  });
});
