import { checkConsistency } from "../../analyze/consistency.js";
import { solveTarget } from "../../analyze/solveTarget.js";
import { ShihyoError } from "../../errors.js";
import { compareGrains } from "../../period/index.js";
import type { Period } from "../../period/types.js";
import { type Draft, draft, type LintContext, type RuleCheck } from "../lintContext.js";

/**
 * R1: every KPI serves a KGI, through its parents (KSFs included) or through the formulas
 * that read it. A plan with KPIs and no KGI at all gets one plan-wide finding instead of
 * one per KPI.
 */
export const checkLeadsToKgi: RuleCheck = (lint) => {
  const kpis = lint.prepared.nodes.filter((n) => n.role === "kpi");
  const kgis = lint.prepared.nodes.filter((n) => n.role === "kgi").map((n) => n.id);
  if (kpis.length === 0) return [];
  if (kgis.length === 0) return [draft("R1.noKgi", "R1.noKgi.fix", { node: null }, { count: kpis.length })];
  const drafts: Draft[] = [];
  for (const kpi of kpis) {
    const reach = lint.reach(kpi.id);
    if (kgis.some((id) => reach.has(id))) continue;
    const ref = lint.ref(kpi);
    drafts.push(draft("R1.orphan", "R1.orphan.fix", ref, { ...ref, kgis }));
  }
  return drafts;
};

/**
 * R2: the consistency rows (SEMANTICS §5) whose gap exceeds `threshold` of the target.
 * The fix names the value that closes the gap: the lever's, when the node reads exactly
 * one input without a formula of its own and solving for it gives a single answer, and
 * always the target the inputs imply.
 */
export const checkConsistencyGaps: RuleCheck = (lint, options) => {
  const threshold = options.threshold as number;
  const drafts: Draft[] = [];
  for (const row of checkConsistency(lint.prepared, lint.evaluator.targets)) {
    const off = row.gapRatio === null ? row.gap !== 0 : Math.abs(row.gapRatio) > threshold;
    if (!off) continue;
    const node = lint.node(row.node);
    const at = { node: row.node, period: row.period };
    const base = {
      ...lint.ref(node),
      period: row.period,
      target: row.target,
      implied: row.implied,
      gap: row.gap,
      gapRatio: row.gapRatio,
      threshold,
    };
    const lever = leverFix(lint, row.node, lint.evaluator.period(row.period));
    drafts.push(
      lever
        ? draft("R2.gap", "R2.gap.fixLever", at, { ...base, ...lever })
        : draft("R2.gap", "R2.gap.fixTarget", at, base),
    );
  }
  return drafts;
};

interface LeverSuggestion {
  lever: string;
  value: number;
  split: "total" | "each" | null;
  each: number;
  grain: string | null;
}

function leverFix(lint: LintContext, id: string, period: Period): LeverSuggestion | null {
  const node = lint.node(id);
  const leaves = node.inputs.filter((input) => !lint.node(input).computed);
  if (leaves.length !== 1) return null;
  const lever = lint.node(leaves[0]!);
  let solved: ReturnType<typeof solveTarget>;
  try {
    solved = solveTarget(lint.prepared, lint.evaluator.targets, { node: id, for: lever.id, period });
  } catch (error) {
    if (error instanceof ShihyoError) return null;
    throw error;
  }
  if (!solved.unique || solved.value === null) return null;
  const parts = solved.monthly ? Object.values(solved.monthly) : [];
  const finer = lever.cadence !== null && compareGrains(lever.cadence, period.grain) < 0 && parts.length > 0;
  if (!finer) return { lever: lever.id, value: solved.value, split: null, each: solved.value, grain: null };
  return {
    lever: lever.id,
    value: solved.value,
    split: lever.aggregation === "sum" ? "total" : "each",
    each: parts[0]!,
    grain: lever.cadence,
  };
}
