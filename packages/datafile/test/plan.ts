import { type Plan, type PreparedPlan, preparePlan } from "@shihyo/engine";

/**
 * A small plan with one node of each kind a data file meets: day-, month- and quarter-grain
 * measured nodes, a gauge, a computed-only node and a KSF.
 */
export const testPlan: Plan = {
  version: 1,
  name: "datafile tests",
  nodes: [
    { id: "revenue", role: "kgi", cadence: "quarter", grain: "month", aggregation: "sum", unit: "JPY" },
    { id: "growth", role: "ksf", parent: "revenue", name: "新規顧客の獲得" },
    { id: "visitors", role: "kpi", parent: "growth", cadence: "month", grain: "day", aggregation: "sum" },
    {
      id: "cvr",
      role: "kpi",
      parent: "growth",
      cadence: "month",
      grain: "month",
      aggregation: "average",
      unit: "ratio",
    },
    { id: "leads", role: "kpi", parent: "growth", cadence: "month", formula: "visitors * cvr" },
    { id: "nps", role: "kpi", cadence: "month", grain: "month", aggregation: "last", unit: "score" },
    { id: "deals", role: "kpi", cadence: "quarter", grain: "quarter", aggregation: "sum" },
  ],
};

export function prepareTestPlan(): PreparedPlan {
  const result = preparePlan(testPlan);
  if (!result.ok) throw new Error(result.issues.map((issue) => issue.text("en")).join("\n"));
  return result.prepared;
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
