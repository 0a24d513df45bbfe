import { closestMatch } from "../closestMatch.js";
import { raise } from "../errors.js";
import type { TargetResolver } from "../evaluate/resolveTarget.js";
import { evaluateFormula, formulaReferences } from "../formula/index.js";
import type { Lang } from "../i18n/lang.js";
import type { PreparedPlan } from "../model/preparePlan.js";
import { childPeriods, compareGrains } from "../period/index.js";
import type { Period } from "../period/types.js";
import { composeFormula, pathTo } from "./composeFormula.js";
import { findRoots } from "./findRoots.js";
import { analyzeMessages } from "./messages.js";

/** The `solve --json` document. */
export interface SolveResult {
  node: string;
  for: string;
  period: string;
  value: number | null;
  /** The answer split over the lever's cadence, where that is finer than the period. */
  monthly?: Record<string, number>;
  unique: boolean;
  /** Every answer found, when there is more than one. */
  solutions?: number[];
  /** Why there is no single answer: a message code, rendered by describeSolveNote. */
  note?: "solve.noSolution" | "solve.several" | "solve.plateau";
}

export interface SolveOptions {
  node: string;
  for: string;
  period: Period;
  /** How a `sum` lever's answer is spread over its cadence: evenly, or by the given weights (e.g. last year's months). */
  shape?: readonly number[];
}

/**
 * Back-calculates (逆算) the target of one input so that a node meets its target, every
 * other input held at its target (SEMANTICS §6). Chains solve through the computed nodes
 * between the two, whose own targets are then replaced by their formulas.
 */
export function solveTarget(
  prepared: PreparedPlan,
  targets: TargetResolver,
  options: SolveOptions,
): SolveResult {
  const { period } = options;
  const ids = [...prepared.byId.keys()];
  for (const id of [options.node, options.for]) {
    if (!prepared.byId.has(id))
      throw raise(analyzeMessages, "solve.unknownNode", { id, suggestion: closestMatch(id, ids) });
  }
  const node = prepared.byId.get(options.node)!;
  const lever = prepared.byId.get(options.for)!;
  if (!node.formula) throw raise(analyzeMessages, "solve.notComputed", { id: node.id });
  const path = pathTo(prepared, node.id, lever.id);
  if (!path.has(node.id))
    throw raise(analyzeMessages, "solve.notAnInput", { node: node.id, input: lever.id });
  const goal = targets.get(node, period);
  // A target the formula derived from the inputs' targets is no goal to solve for: it would
  // answer the lever's own target back.
  if (!goal || goal.source === "formula")
    throw raise(analyzeMessages, "solve.noTarget", { id: node.id, period: period.id });

  const composed = composeFormula(prepared, node.id, (id) => path.has(id));
  const held = new Map<string, number>();
  const leverTarget = targets.get(lever, period);
  const g = (v: number): number | null => {
    const { value } = evaluateFormula(composed, (id) => (id === lever.id ? v : held.get(id)!));
    return value === null ? null : value - goal.value;
  };
  // Every other input must have a target to be held at.
  for (const id of formulaReferences(composed)) {
    if (id === lever.id) continue;
    const t = targets.get(prepared.byId.get(id)!, period);
    if (!t) throw raise(analyzeMessages, "solve.inputWithoutTarget", { id, period: period.id });
    held.set(id, t.value);
  }

  const search = findRoots(g, leverTarget ? [leverTarget.value] : []);
  const base: SolveResult = { node: node.id, for: lever.id, period: period.id, value: null, unique: false };
  if (search.roots.length === 0) return { ...base, note: "solve.noSolution" };
  const reference = leverTarget?.value ?? 0;
  const value = search.roots.reduce((best, r) =>
    Math.abs(r - reference) < Math.abs(best - reference) ? r : best,
  );
  const unique = search.roots.length === 1 && !search.plateau;
  let result: SolveResult;
  if (unique) result = { ...base, value, unique };
  else if (search.plateau) {
    // Any value on a stretch works (the lever cancels out, or a min/max caps it): keep the
    // current target when it is one of them rather than listing sample points.
    const keep = leverTarget && g(leverTarget.value) === 0 ? leverTarget.value : value;
    result = { ...base, value: keep, unique: false, note: "solve.plateau" };
  } else result = { ...base, value, unique: false, solutions: search.roots, note: "solve.several" };
  const monthly = splitOverCadence(prepared, lever.id, period, value, options.shape);
  if (monthly) result.monthly = monthly;
  return result;
}

/** The sentence for a solve result's note, in the given language; null when there is none. */
export function describeSolveNote(result: SolveResult, lang: Lang): string | null {
  if (!result.note) return null;
  const messages = analyzeMessages[lang];
  if (result.note === "solve.several")
    return messages["solve.several"]({ count: (result.solutions ?? []).join(", ") });
  if (result.note === "solve.plateau") return messages["solve.plateau"]();
  return messages["solve.noSolution"]();
}

/**
 * Spreads a period's answer over the lever's cadence: a `sum` lever's total is divided so
 * that the parts add up (evenly, or in proportion to `shape`); any other lever gets the same
 * value in every part.
 */
export function splitOverCadence(
  prepared: PreparedPlan,
  leverId: string,
  period: Period,
  value: number,
  shape?: readonly number[],
): Record<string, number> | null {
  const lever = prepared.byId.get(leverId)!;
  if (!lever.cadence || compareGrains(lever.cadence, period.grain) >= 0) return null;
  const parts = childPeriods(period, lever.cadence, prepared.calendar);
  const split: Record<string, number> = {};
  if (lever.aggregation !== "sum") {
    for (const part of parts) split[part.id] = value;
    return split;
  }
  const weights =
    shape && shape.length === parts.length && shape.every((w) => w >= 0) && shape.some((w) => w > 0)
      ? shape
      : parts.map(() => 1);
  const total = weights.reduce((a, b) => a + b, 0);
  let assigned = 0;
  parts.forEach((part, i) => {
    // The last part takes the remainder so that the parts add up to the answer exactly.
    const share = i === parts.length - 1 ? value - assigned : (value * weights[i]!) / total;
    split[part.id] = share;
    assigned += share;
  });
  return split;
}
