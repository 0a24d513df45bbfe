import type { ConsistencyRow } from "../analyze/consistency.js";
import type { SensitivityResult } from "../analyze/sensitivity.js";
import { describeSolveNote, type SolveResult } from "../analyze/solveTarget.js";
import type { EvaluationDocument } from "../evaluate/evaluator.js";
import type { Explanation } from "../evaluate/explain.js";
import type { Lang } from "../i18n/lang.js";
import type { LintFinding } from "../lint/index.js";
import { roundForDisplay } from "../roundForDisplay.js";

/**
 * The JSON documents of INTERFACES §3, as the CLI prints them and the API answers them:
 * one place, so `eval --json` and `GET …/evaluation` cannot drift apart.
 */

/**
 * A difference for output, taken between the numbers as they are shown. Rounding the raw
 * difference keeps the binary noise of its operands (30,000,000 − 29,999,999.999999993 would
 * print as -7e-9); the difference of the rounded operands is what a reader would compute.
 */
export function roundedDifference(a: number | null, b: number | null, raw: number | null): number | null {
  if (a === null || b === null || raw === null) return roundForDisplay(raw);
  return roundForDisplay(roundForDisplay(a) - roundForDisplay(b));
}

/** A ratio for output, of a rounded difference to the rounded whole it is a share of. */
export function roundedRatio(part: number | null, whole: number | null, raw: number | null): number | null {
  if (part === null || whole === null || raw === null || whole === 0) return roundForDisplay(raw);
  return roundForDisplay(part / Math.abs(roundForDisplay(whole)));
}

/** `eval --json`: every number rounded for output, null stays null. */
export function presentEvaluation(document: EvaluationDocument): EvaluationDocument {
  return {
    ...document,
    nodes: document.nodes.map((n) => ({
      ...n,
      actual: roundForDisplay(n.actual),
      target: roundForDisplay(n.target),
      progress: roundForDisplay(n.progress),
      expectedToDate: roundForDisplay(n.expectedToDate),
      forecast: roundForDisplay(n.forecast),
      modeled: roundForDisplay(n.modeled),
      coverage: roundForDisplay(n.coverage),
      modelGap: roundedDifference(n.actual, n.modeled, n.modelGap),
      baseline: roundForDisplay(n.baseline),
      elapsedShare: roundForDisplay(n.elapsedShare),
    })),
  };
}

export interface CheckDocument {
  ok: boolean;
  errors: { message: string; path: string; line: number | null; column: number | null; code: string }[];
  findings: {
    rule: string;
    severity: string;
    node: string | null;
    period: string | null;
    message: string;
    fix: string | null;
  }[];
  consistency: {
    node: string;
    period: string;
    target: number | null;
    implied: number | null;
    gap: number | null;
    gapRatio: number | null;
    consistent: boolean;
  }[];
}

/** `check --json` for a plan that could be read: findings and consistency. */
export function presentCheck(
  findings: readonly LintFinding[],
  consistency: readonly ConsistencyRow[],
  lang: Lang,
): CheckDocument {
  return {
    ok: !findings.some((f) => f.severity === "error"),
    errors: [],
    findings: findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      node: f.node,
      period: f.period,
      message: f.message(lang),
      fix: f.fix(lang),
    })),
    consistency: consistency.map((r) => {
      const gap = roundedDifference(r.target, r.implied, r.gap);
      return {
        node: r.node,
        period: r.period,
        target: roundForDisplay(r.target),
        implied: roundForDisplay(r.implied),
        gap,
        gapRatio: roundedRatio(gap, r.target, r.gapRatio),
        consistent: r.consistent,
      };
    }),
  };
}

/** `solve --json`, with the note (when there is one) as a sentence in the caller's language. */
export function presentSolve(result: SolveResult, lang: Lang): Omit<SolveResult, "note"> & { note?: string } {
  const { note: _code, ...rest } = result;
  const note = describeSolveNote(result, lang);
  return {
    ...rest,
    value: roundForDisplay(result.value),
    ...(result.monthly
      ? {
          monthly: Object.fromEntries(
            Object.entries(result.monthly).map(([k, v]) => [k, roundForDisplay(v)]),
          ),
        }
      : {}),
    ...(result.solutions ? { solutions: result.solutions.map((v) => roundForDisplay(v)) } : {}),
    ...(note ? { note } : {}),
  };
}

/** `sensitivity --json`. */
export function presentSensitivity(result: SensitivityResult): SensitivityResult {
  return {
    ...result,
    value: roundForDisplay(result.value),
    target: roundForDisplay(result.target),
    levers: result.levers.map((l) => ({
      ...l,
      value: roundForDisplay(l.value),
      elasticity: roundForDisplay(l.elasticity),
      impactOf10pct: roundForDisplay(l.impactOf10pct),
      requiredValue: roundForDisplay(l.requiredValue),
      requiredChange: roundedDifference(l.requiredValue, l.value, l.requiredChange),
    })),
  };
}

/** `explain --json`. */
export function presentExplanation(x: Explanation): Explanation {
  return {
    ...x,
    value: roundForDisplay(x.value),
    modeled: roundForDisplay(x.modeled),
    coverage: roundForDisplay(x.coverage),
    inputs: x.inputs.map((i) => ({ ...i, value: roundForDisplay(i.value) })),
    target: {
      ...x.target,
      value: roundForDisplay(x.target.value),
      from: x.target.from.map((f) => ({ ...f, value: roundForDisplay(f.value) })),
    },
    forecast: { ...x.forecast, value: roundForDisplay(x.forecast.value) },
  };
}
