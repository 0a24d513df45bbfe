import { assessPeriod } from "../evaluate/assessPeriod.js";
import { EvaluationContext } from "../evaluate/evaluationContext.js";
import type { EvaluationDocument, Evaluator } from "../evaluate/evaluator.js";
import { isoFromDay } from "../period/index.js";
import type { Day, Period } from "../period/types.js";
import { presentEvaluation, roundedDifference } from "../present/presentDocuments.js";
import { roundForDisplay } from "../roundForDisplay.js";

/** One node a what-if moved: its value with the real inputs, with the ones asked for, and the difference. */
export interface WhatIfChange {
  id: string;
  base: number | null;
  value: number | null;
  difference: number | null;
}

/** The evaluation document of a scenario, and what moved. */
export interface WhatIfDocument extends EvaluationDocument {
  /** The nodes given a value, then every node whose formula reads them (directly or not), in plan order. */
  changes: WhatIfChange[];
}

export interface WhatIfOptions {
  period: Period;
  asOf: Day;
  /** New actuals for the period, by node id: measured nodes of the plan (the caller checks). */
  values: ReadonlyMap<string, number>;
}

const orNull = (v: number): number | null => (Number.isNaN(v) ? null : v);

/**
 * What the plan would say for one period if some measured nodes had other actuals
 * (SEMANTICS §7's levers, moved by hand). Each value replaces the node's actual for the
 * period; every node whose formula reads a replaced node, directly or not, takes its
 * formula's value on the new inputs — its own measured figure, if any, was measured with the
 * real inputs, so it is set aside — and is assessed like any computed node. `base` is that
 * same calculation on the real inputs, so a difference is the replaced values' effect alone.
 *
 * Works on a context of its own: the evaluator and its contexts are left as they were.
 */
export function whatIf(evaluator: Evaluator, options: WhatIfOptions): WhatIfDocument {
  const { prepared } = evaluator;
  const given = new Map<number, number>();
  for (const [id, value] of options.values) {
    const node = prepared.byId.get(id);
    if (!node?.measured) throw new RangeError(`not a measured node: ${id}`);
    given.set(node.index, value);
  }
  const context = new EvaluationContext(prepared, evaluator.store, options.asOf);
  const slot = context.slot(options.period);

  // The formula readers of the given nodes, in evaluation order; a given node keeps its value.
  const moved = new Set<number>(given.keys());
  const readers: number[] = [];
  for (const id of prepared.order) {
    const node = prepared.byId.get(id)!;
    if (given.has(node.index) || !node.evaluate) continue;
    if (node.inputs.some((input) => moved.has(prepared.byId.get(input)!.index))) {
      moved.add(node.index);
      readers.push(node.index);
    }
  }
  const recompute = () => {
    for (const index of readers) {
      const node = prepared.nodes[index]!;
      const inputs = Float64Array.from(
        node.inputs,
        (input) => context.actual[context.nodeIndex(input)]![slot]!,
      );
      const modeled = node.evaluate!(inputs);
      context.measured[index]![slot] = Number.NaN;
      context.modeled[index]![slot] = modeled;
      context.actual[index]![slot] = modeled;
    }
  };
  const valuesOf = () => new Map([...moved].map((index) => [index, orNull(context.actual[index]![slot]!)]));

  recompute();
  const base = valuesOf();
  for (const [index, value] of given) {
    context.measured[index]![slot] = value;
    context.actual[index]![slot] = value;
  }
  recompute();
  const after = valuesOf();

  const assessed = assessPeriod(context, evaluator.targets, slot);
  const changes: WhatIfChange[] = prepared.nodes
    .filter((node) => moved.has(node.index))
    .map((node) => {
      const before = base.get(node.index) ?? null;
      const value = after.get(node.index) ?? null;
      return {
        id: node.id,
        base: before,
        value,
        difference: before === null || value === null ? null : value - before,
      };
    });
  return {
    period: options.period.id,
    asOf: isoFromDay(options.asOf),
    nodes: prepared.nodes.filter((n) => n.numeric).map((n) => assessed.get(n.index)!),
    changes,
  };
}

/** The what-if document for output (the API's answer): numbers rounded as in `eval --json`. */
export function presentWhatIf(document: WhatIfDocument): WhatIfDocument {
  return {
    ...presentEvaluation(document),
    changes: document.changes.map((c) => ({
      id: c.id,
      base: roundForDisplay(c.base),
      value: roundForDisplay(c.value),
      difference: roundedDifference(c.value, c.base, c.difference),
    })),
  };
}
