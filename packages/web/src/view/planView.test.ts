import { describe, expect, it } from "vitest";
import type { PlanNode } from "../api/types";
import { buildTree, groupByDepartment, joinNumbers } from "./planView";

const node = (id: string, extra: Partial<PlanNode> = {}): PlanNode => ({ id, role: "kpi", ...extra });

describe("plan views", () => {
  it("joins numbers by id, null where there are none", () => {
    const views = joinNumbers([node("a"), node("b")], {
      period: "FY2026-Q3",
      asOf: "2026-11-24",
      nodes: [
        {
          id: "a",
          actual: 1,
          target: 2,
          derivedTarget: false,
          progress: 0.5,
          expectedToDate: null,
          forecast: null,
          forecastMethod: null,
          status: "at_risk",
          coverage: 1,
        },
      ],
    });
    expect(views.map((v) => v.numbers?.status ?? null)).toEqual(["at_risk", null]);
  });

  it("groups KPIs by department in first-seen order, no department last", () => {
    const groups = groupByDepartment(
      joinNumbers(
        [
          node("a"),
          node("b", { department: "sales" }),
          node("c", { department: "mkt" }),
          node("d", { department: "sales" }),
        ],
        undefined,
      ),
    );
    expect(groups.map((g) => [g.department, g.views.map((v) => v.node.id)])).toEqual([
      ["sales", ["b", "d"]],
      ["mkt", ["c"]],
      [null, ["a"]],
    ]);
  });

  it("builds the tree by parent; an unknown parent makes a root", () => {
    const tree = buildTree(
      joinNumbers(
        [
          node("revenue", { role: "kgi" }),
          node("leads", { parent: "revenue" }),
          node("visitors", { parent: "leads" }),
          node("stray", { parent: "gone" }),
        ],
        undefined,
      ),
    );
    expect(tree.map((t) => t.view.node.id)).toEqual(["revenue", "stray"]);
    expect(tree[0]!.children[0]!.children[0]!.view.node.id).toBe("visitors");
  });
});
