import { describe, expect, it } from "vitest";
import type { PlanNode } from "../api/types";
import {
  filterChoices,
  filterFromSearch,
  matchesFilter,
  NO_FILTER,
  searchWithFilter,
} from "./dashboardFilter";
import type { NodeView } from "./planView";

const view = (node: Partial<PlanNode> & { id: string }): NodeView => ({
  node: { role: "kpi", ...node },
  numbers: null,
});

const views = [
  view({ id: "leads", department: "marketing", owner: "mkt-head" }),
  view({ id: "win_rate", department: "sales", owner: "sales-head" }),
  view({ id: "deal_size", department: "sales", owner: "sales-head" }),
  view({ id: "visitors", department: "marketing", owner: "web-lead" }),
  view({ id: "orphan" }),
];

describe("the dashboard filter", () => {
  it("reads department and owner from the URL; missing or empty means all", () => {
    expect(filterFromSearch(new URLSearchParams("plan=p1&dept=sales&owner=sales-head"))).toEqual({
      department: "sales",
      owner: "sales-head",
    });
    expect(filterFromSearch(new URLSearchParams("plan=p1&dept="))).toEqual(NO_FILTER);
  });

  it("writes the filter into the search string, keeping plan and period, dropping what is cleared", () => {
    const params = new URLSearchParams("plan=p1&period=FY2026-Q3&owner=x");
    expect(searchWithFilter(params, { department: "sales", owner: null })).toBe(
      "plan=p1&period=FY2026-Q3&dept=sales",
    );
  });

  it("keeps the KPIs of the department and owner asked for", () => {
    const ids = (filter: Parameters<typeof matchesFilter>[1]) =>
      views.filter((v) => matchesFilter(v, filter)).map((v) => v.node.id);
    expect(ids(NO_FILTER)).toEqual(["leads", "win_rate", "deal_size", "visitors", "orphan"]);
    expect(ids({ department: "sales", owner: null })).toEqual(["win_rate", "deal_size"]);
    expect(ids({ department: "marketing", owner: "web-lead" })).toEqual(["visitors"]);
    expect(ids({ department: "sales", owner: "web-lead" })).toEqual([]);
  });

  it("offers each department and owner once, in plan order", () => {
    expect(filterChoices(views)).toEqual({
      departments: ["marketing", "sales"],
      owners: ["mkt-head", "sales-head", "web-lead"],
    });
  });
});
