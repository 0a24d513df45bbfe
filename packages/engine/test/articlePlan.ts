import type { PlanNode } from "../src/model/types.js";
import { targets } from "./buildPlan.js";

const MONTHS = ["2026-04", "2026-05", "2026-06"];
const monthly = (value: number) => targets(Object.fromEntries(MONTHS.map((m) => [m, value])));

/** The article's tree (SEMANTICS §9) with a chosen deal-size target. */
export function articleTree(dealSize: number): PlanNode[] {
  return [
    {
      id: "revenue",
      role: "kgi",
      unit: "JPY",
      cadence: "quarter",
      aggregation: "sum",
      formula: "leads * win_rate * deal_size",
      targets: targets({ "FY2026-Q1": 30_000_000 }),
    },
    {
      id: "leads",
      role: "kpi",
      unit: "count",
      cadence: "month",
      formula: "visitors * cvr",
      parent: "revenue",
      targets: monthly(100),
    },
    {
      id: "visitors",
      role: "kpi",
      unit: "count",
      cadence: "month",
      parent: "leads",
      targets: monthly(10_000),
    },
    {
      id: "cvr",
      role: "kpi",
      unit: "percent",
      cadence: "month",
      grain: "month",
      aggregation: "average",
      parent: "leads",
      targets: monthly(0.01),
    },
    {
      id: "win_rate",
      role: "kpi",
      unit: "percent",
      cadence: "month",
      formula: "opp_rate * close_rate",
      parent: "revenue",
      targets: monthly(0.2),
    },
    {
      id: "opp_rate",
      role: "kpi",
      unit: "percent",
      cadence: "month",
      grain: "month",
      aggregation: "average",
      parent: "win_rate",
      targets: monthly(0.5),
    },
    {
      id: "close_rate",
      role: "kpi",
      unit: "percent",
      cadence: "month",
      grain: "month",
      aggregation: "average",
      parent: "win_rate",
      targets: monthly(0.4),
    },
    {
      id: "deal_size",
      role: "kpi",
      unit: "JPY",
      cadence: "month",
      grain: "month",
      aggregation: "average",
      parent: "revenue",
      targets: monthly(dealSize),
    },
  ];
}
