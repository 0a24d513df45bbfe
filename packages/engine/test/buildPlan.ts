import { Evaluator } from "../src/evaluate/evaluator.js";
import { type PreparedPlan, preparePlan } from "../src/model/preparePlan.js";
import type { Measurement, Plan, PlanNode } from "../src/model/types.js";

/** A prepared plan from nodes, failing the test with every issue's text if it is invalid. */
export function prepare(nodes: PlanNode[], extra: Partial<Plan> = {}): PreparedPlan {
  const result = preparePlan({ version: 1, name: "test", nodes, ...extra });
  if (!result.ok)
    throw new Error(result.issues.map((i) => `${i.path.join(".")}: ${i.text("en")}`).join("\n"));
  return result.prepared;
}

export function evaluator(nodes: PlanNode[], data: Measurement[] = [], extra: Partial<Plan> = {}): Evaluator {
  return new Evaluator(prepare(nodes, extra), data);
}

/** Targets as the file would have them: period id → value. */
export function targets(values: Record<string, number>): PlanNode["targets"] {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, { value: v }]));
}

/** One measurement per day from `from` (YYYY-MM-DD) for `days` days, with value(i). */
export function daily(
  node: string,
  from: string,
  days: number,
  value: (i: number) => number,
  segment?: string,
): Measurement[] {
  const start = Date.UTC(Number(from.slice(0, 4)), Number(from.slice(5, 7)) - 1, Number(from.slice(8, 10)));
  const rows: Measurement[] = [];
  for (let i = 0; i < days; i++) {
    const period = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    rows.push(
      segment === undefined ? { node, period, value: value(i) } : { node, period, value: value(i), segment },
    );
  }
  return rows;
}

export function rows(node: string, values: Record<string, number>, segment?: string): Measurement[] {
  return Object.entries(values).map(([period, value]) =>
    segment === undefined ? { node, period, value } : { node, period, value, segment },
  );
}
