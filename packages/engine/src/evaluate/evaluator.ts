import type { PreparedPlan } from "../model/preparePlan.js";
import type { Measurement } from "../model/types.js";
import { childPeriods, dayFromIso, isoFromDay, parsePeriod, samePeriodLastYear } from "../period/index.js";
import type { Day, Period } from "../period/types.js";
import { assessPeriod, type NodeAssessment } from "./assessPeriod.js";
import { EvaluationContext } from "./evaluationContext.js";
import { MeasurementStore } from "./measurementStore.js";
import { TargetResolver } from "./resolveTarget.js";

/** The `eval --json` document. */
export interface EvaluationDocument {
  period: string;
  asOf: string;
  segment?: string;
  nodes: NodeAssessment[];
}

export interface EvaluateOptions {
  period: string | Period;
  /** The day the plan is seen on: a Day number or `YYYY-MM-DD`. */
  asOf: Day | string;
  segment?: string | null;
}

/**
 * A plan with its actuals, ready to answer questions about any period, as of any day.
 * Contexts (one per as-of day and segment) keep their numbers between questions.
 */
export class Evaluator {
  readonly store: MeasurementStore;
  readonly targets: TargetResolver;
  private readonly contexts = new Map<string, EvaluationContext>();

  constructor(
    readonly prepared: PreparedPlan,
    measurements: readonly Measurement[] = [],
  ) {
    this.store = new MeasurementStore(prepared, [...(prepared.plan.data ?? []), ...measurements]);
    this.targets = new TargetResolver(prepared);
  }

  period(period: string | Period): Period {
    return typeof period === "string" ? parsePeriod(period, this.prepared.calendar) : period;
  }

  context(asOf: Day | string, segment: string | null = null): EvaluationContext {
    const day = toDay(asOf);
    const key = `${day}|${segment ?? ""}`;
    let context = this.contexts.get(key);
    if (!context) {
      context = new EvaluationContext(this.prepared, this.store, day, segment);
      this.contexts.set(key, context);
    }
    return context;
  }

  /** Assesses every numeric node for a period (the `eval --json` document). */
  evaluate(options: EvaluateOptions): EvaluationDocument {
    const period = this.period(options.period);
    const context = this.context(options.asOf, options.segment ?? null);
    const slot = context.slot(period);
    const assessed = assessPeriod(context, this.targets, slot);
    const nodes = this.prepared.nodes.filter((n) => n.numeric).map((n) => assessed.get(n.index)!);
    return {
      period: period.id,
      asOf: isoFromDay(context.asOf),
      ...(options.segment ? { segment: options.segment } : {}),
      nodes,
    };
  }

  /** The assessment of one node for a period. */
  assess(
    id: string,
    period: string | Period,
    asOf: Day | string,
    segment: string | null = null,
  ): NodeAssessment {
    const context = this.context(asOf, segment);
    const slot = context.slot(this.period(period));
    const node = this.prepared.byId.get(id)!;
    return assessPeriod(context, this.targets, slot, new Set([node.index])).get(node.index)!;
  }

  /**
   * Last year's actuals of a node for each sub-period (at its cadence) of a period: the
   * shape a `sum` target can be split by. Undefined when any sub-period lacks them.
   */
  lastYearShape(id: string, period: Period): number[] | undefined {
    const node = this.prepared.byId.get(id);
    if (!node?.cadence) return undefined;
    const context = this.context(period.end);
    const values: number[] = [];
    for (const part of childPeriods(period, node.cadence, this.prepared.calendar)) {
      const last = samePeriodLastYear(part, this.prepared.calendar);
      const value = last ? context.value(id, last) : null;
      if (value === null) return undefined;
      values.push(value);
    }
    return values;
  }

  /**
   * Records one actual everywhere it matters: contexts already open recalculate only the
   * affected nodes and periods.
   */
  update(measurement: Measurement): void {
    const { period } = this.store.set(measurement);
    const node = this.prepared.byId.get(measurement.node)!;
    for (const context of this.contexts.values()) context.recalculate(node, period);
  }
}

export function toDay(asOf: Day | string): Day {
  if (typeof asOf === "number") return asOf;
  const day = dayFromIso(asOf);
  if (day === null) throw new RangeError(`not a date: ${asOf}`);
  return day;
}
