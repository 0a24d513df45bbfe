import { closestMatch } from "../closestMatch.js";
import { raise } from "../errors.js";
import type { Evaluator } from "../evaluate/evaluator.js";
import { evaluateFormula, evaluateWithDerivative, formulaReferences } from "../formula/index.js";
import type { Day, Period } from "../period/types.js";
import { composeFormula } from "./composeFormula.js";
import { findRoots } from "./findRoots.js";
import { analyzeMessages } from "./messages.js";

export interface Lever {
  id: string;
  value: number | null;
  elasticity: number | null;
  impactOf10pct: number | null;
  requiredValue: number | null;
  requiredChange: number | null;
}

/** The `sensitivity --json` document. */
export interface SensitivityResult {
  node: string;
  period: string;
  /** What the levers' values are: actuals to date, forecasts, or targets. */
  basis: SensitivityBasis;
  value: number | null;
  target: number | null;
  levers: Lever[];
}

export type SensitivityBasis = "actual" | "forecast" | "target";

/**
 * Which lever moves a computed node most (SEMANTICS §7): for every leaf input reached
 * through formulas, the elasticity (∂R/∂x · x/R, exact by forward-mode differentiation),
 * the impact of raising it by 10 %, and the value it alone would need for R to meet its
 * target. Sorted by absolute impact, largest first.
 */
export function sensitivity(
  evaluator: Evaluator,
  options: { node: string; period: Period; asOf: Day; basis?: SensitivityBasis },
): SensitivityResult {
  const { prepared } = evaluator;
  const basis = options.basis ?? "actual";
  const node = prepared.byId.get(options.node);
  if (!node)
    throw raise(analyzeMessages, "solve.unknownNode", {
      id: options.node,
      suggestion: closestMatch(options.node, prepared.byId.keys()),
    });
  if (!node.formula) throw raise(analyzeMessages, "solve.notComputed", { id: node.id });
  const composed = composeFormula(prepared, node.id, () => true);
  const leaves = formulaReferences(composed);
  const { period } = options;
  const context = evaluator.context(options.asOf);
  const values = new Map<string, number | null>();
  for (const id of leaves) {
    const leaf = prepared.byId.get(id)!;
    let v: number | null = null;
    if (basis === "target") v = evaluator.targets.get(leaf, period)?.value ?? null;
    else if (basis === "forecast") v = evaluator.assess(id, period, options.asOf).forecast;
    else v = context.value(id, period);
    values.set(id, v);
  }
  const lookup = (id: string) => values.get(id) ?? null;
  const { value } = evaluateFormula(composed, lookup);
  const target = evaluator.targets.get(node, period)?.value ?? null;

  const levers: Lever[] = leaves.map((id) => {
    const x = values.get(id) ?? null;
    if (x === null || value === null)
      return {
        id,
        value: x,
        elasticity: null,
        impactOf10pct: null,
        requiredValue: null,
        requiredChange: null,
      };
    const { derivative } = evaluateWithDerivative(composed, lookup, id);
    const elasticity = derivative !== null && value !== 0 ? (derivative * x) / value : null;
    const raised = evaluateFormula(composed, (ref) => (ref === id ? x * 1.1 : lookup(ref))).value;
    let requiredValue: number | null = null;
    if (target !== null) {
      const search = findRoots(
        (v) => {
          const r = evaluateFormula(composed, (ref) => (ref === id ? v : lookup(ref))).value;
          return r === null ? null : r - target;
        },
        [x],
      );
      if (search.roots.length > 0 && !search.plateau)
        requiredValue = search.roots.reduce((best, r) => (Math.abs(r - x) < Math.abs(best - x) ? r : best));
    }
    return {
      id,
      value: x,
      elasticity,
      impactOf10pct: raised === null ? null : raised - value,
      requiredValue,
      requiredChange: requiredValue === null ? null : requiredValue - x,
    };
  });
  const magnitude = (l: Lever) =>
    l.impactOf10pct === null ? Number.NEGATIVE_INFINITY : Math.abs(l.impactOf10pct);
  levers.sort((a, b) => magnitude(b) - magnitude(a));
  return { node: node.id, period: period.id, basis, value, target, levers };
}
