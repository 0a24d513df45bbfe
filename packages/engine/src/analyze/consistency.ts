import type { TargetResolver } from "../evaluate/resolveTarget.js";
import type { PreparedPlan } from "../model/preparePlan.js";

/** One row of `check --json`'s `consistency`: does the tree add up for this node and period? */
export interface ConsistencyRow {
  node: string;
  period: string;
  target: number;
  implied: number;
  gap: number;
  gapRatio: number | null;
  /** |gapRatio| above the threshold: the KPI targets do not deliver this target. */
  consistent: boolean;
}

export const CONSISTENCY_THRESHOLD = 0.01;

/**
 * For every computed node and every period it has a target of its own for (SEMANTICS §5),
 * the value its inputs' targets imply: gap = target − implied. Only targets the owner set
 * (or rolled up from ones they set) are checked; a target the formula derived adds up by
 * construction.
 */
export function checkConsistency(prepared: PreparedPlan, targets: TargetResolver): ConsistencyRow[] {
  const rows: ConsistencyRow[] = [];
  for (const node of prepared.nodes) {
    if (!node.evaluate) continue;
    for (const { period } of node.targets.values()) {
      const target = targets.get(node, period);
      if (!target || target.source === "formula") continue;
      const inputs = new Float64Array(node.inputs.length);
      let complete = true;
      node.inputs.forEach((id, k) => {
        const t = targets.get(prepared.byId.get(id)!, period);
        if (t) inputs[k] = t.value;
        else complete = false;
      });
      if (!complete) continue;
      const implied = node.evaluate(inputs);
      if (Number.isNaN(implied)) continue;
      const gap = target.value - implied;
      const gapRatio = target.value === 0 ? (gap === 0 ? 0 : null) : gap / Math.abs(target.value);
      rows.push({
        node: node.id,
        period: period.id,
        target: target.value,
        implied,
        gap,
        gapRatio,
        consistent: gapRatio !== null && Math.abs(gapRatio) <= CONSISTENCY_THRESHOLD,
      });
    }
  }
  return rows;
}
