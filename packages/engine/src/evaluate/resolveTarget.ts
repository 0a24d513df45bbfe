import type { PreparedNode, PreparedPlan } from "../model/preparePlan.js";
import type { Basis } from "../model/types.js";
import { childPeriods, compareGrains } from "../period/index.js";
import type { Period } from "../period/types.js";

/** How a target came to be: set in the plan, rolled up from finer targets, or by formula. */
export type TargetSource = "set" | "rollup" | "formula";

export interface ResolvedTarget {
  value: number;
  baseline: number | null;
  derived: boolean;
  source: TargetSource;
  basis: Basis | null;
  note: string | null;
}

/**
 * Resolves the target of a node for any period (SEMANTICS §3): the target set for it;
 * else, for a measured node, its own finer targets rolled up by its aggregation; for a
 * computed node, its formula on its inputs' targets (set or derived), falling back to its
 * own finer targets. Memoised: targets do not depend on data.
 */
export class TargetResolver {
  private readonly memo = new Map<string, ResolvedTarget | null>();

  constructor(private readonly prepared: PreparedPlan) {}

  get(node: PreparedNode, period: Period): ResolvedTarget | null {
    const key = `${node.index}|${period.id}`;
    if (this.memo.has(key)) return this.memo.get(key)!;
    const resolved = this.resolve(node, period);
    this.memo.set(key, resolved);
    return resolved;
  }

  private resolve(node: PreparedNode, period: Period): ResolvedTarget | null {
    if (!node.numeric || node.cadence === null) return null;
    const set = node.targets.get(period.id);
    if (set) {
      return {
        value: set.value,
        baseline: set.baseline ?? null,
        derived: false,
        source: "set",
        basis: set.basis ?? null,
        note: set.note ?? null,
      };
    }
    // A measured node (revenue from accounting) adds up its own targets; a purely computed
    // one (churn rate = churned / customers at start) is its formula on its inputs' targets,
    // which a mean of its monthly rates would not be.
    if (node.measured) return this.rollUp(node, period) ?? this.byFormula(node, period);
    return this.byFormula(node, period) ?? this.rollUp(node, period);
  }

  private rollUp(node: PreparedNode, period: Period): ResolvedTarget | null {
    const cadence = node.cadence!;
    if (compareGrains(period.grain, cadence) <= 0) return null;
    const parts = childPeriods(period, cadence, this.prepared.calendar);
    if (parts.length === 0) return null;
    const targets: ResolvedTarget[] = [];
    for (const part of parts) {
      const target = this.get(node, part);
      // Only targets the owner wrote roll up; where the formula had to fill in, the formula
      // on the inputs' targets for the whole period is the better answer.
      if (!target || target.source === "formula") return null;
      targets.push(target);
    }
    const values = targets.map((t) => t.value);
    const baselines = targets.every((t) => t.baseline !== null) ? targets.map((t) => t.baseline!) : null;
    const weights = this.weightsFor(node, parts);
    const combine = (xs: number[]) => combineTargets(node, xs, weights);
    return {
      value: combine(values),
      baseline: baselines ? combine(baselines) : null,
      derived: true,
      source: "rollup",
      basis: null,
      note: null,
    };
  }

  private weightsFor(node: PreparedNode, parts: Period[]): number[] | null {
    if (node.aggregation !== "weighted_average" || !node.weight) return null;
    const weightNode = this.prepared.byId.get(node.weight);
    if (!weightNode) return null;
    const weights: number[] = [];
    for (const part of parts) {
      const t = this.get(weightNode, part);
      if (!t) return null;
      weights.push(t.value);
    }
    return weights;
  }

  private byFormula(node: PreparedNode, period: Period): ResolvedTarget | null {
    if (!node.evaluate) return null;
    const inputs: number[] = [];
    for (const id of node.inputs) {
      const t = this.get(this.prepared.byId.get(id)!, period);
      if (!t) return null;
      inputs.push(t.value);
    }
    const value = node.evaluate(Float64Array.from(inputs));
    if (Number.isNaN(value)) return null;
    return { value, baseline: null, derived: true, source: "formula", basis: null, note: null };
  }
}

/** Combines sub-period targets by the node's aggregation (SEMANTICS §3). */
export function combineTargets(node: PreparedNode, values: number[], weights: number[] | null): number {
  switch (node.aggregation) {
    case "sum":
      return values.reduce((a, b) => a + b, 0);
    case "last":
      return values[values.length - 1]!;
    case "first":
      return values[0]!;
    case "min":
      return Math.min(...values);
    case "max":
      return Math.max(...values);
    case "weighted_average": {
      const total = weights?.reduce((a, b) => a + b, 0) ?? 0;
      if (weights && total !== 0) return values.reduce((acc, v, i) => acc + v * weights[i]!, 0) / total;
      return values.reduce((a, b) => a + b, 0) / values.length;
    }
    case "average":
      return values.reduce((a, b) => a + b, 0) / values.length;
  }
}
