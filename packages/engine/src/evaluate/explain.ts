import { formatFormula } from "../formula/index.js";
import type { Aggregation } from "../model/types.js";
import { childPeriods, compareGrains, isoFromDay } from "../period/index.js";
import type { Grain, Period } from "../period/types.js";
import type { ForecastMethod } from "./assessPeriod.js";
import type { NoValueReason } from "./evaluationContext.js";
import type { Evaluator } from "./evaluator.js";
import type { TargetSource } from "./resolveTarget.js";

/** How one number was computed: what the web app shows when a user clicks a value. */
export interface Explanation {
  node: string;
  period: string;
  asOf: string;
  segment: string | null;
  value: number | null;
  /** measured: rolled up from actuals; computed: a formula on its inputs. */
  kind: "measured" | "computed" | "none";
  grain: Grain | null;
  aggregation: Aggregation | null;
  /** Actuals rolled up (measured values). */
  records: number | null;
  coverage: number | null;
  formula: string | null;
  inputs: { id: string; period: string; value: number | null }[];
  modeled: number | null;
  reason: NoValueReason | null;
  target: {
    value: number | null;
    source: TargetSource | null;
    derived: boolean;
    /** Sub-period targets a roll-up used, or the inputs' targets a formula used. */
    from: { id: string; period: string; value: number | null }[];
  };
  forecast: { value: number | null; method: ForecastMethod | null };
}

/** Explains the actual, target and forecast of one node for a period, as seen on a day. */
export function explainValue(
  evaluator: Evaluator,
  options: { node: string; period: string | Period; asOf: string | number; segment?: string | null },
): Explanation {
  const { prepared } = evaluator;
  const node = prepared.byId.get(options.node)!;
  const period = evaluator.period(options.period);
  const context = evaluator.context(options.asOf, options.segment ?? null);
  const slot = context.slot(period);
  const assessment = evaluator.assess(node.id, period, options.asOf, options.segment ?? null);
  const source = context.actualSource(node.index, slot);
  const series = evaluator.store.series[node.index];
  let records: number | null = null;
  if (source === "measured" && series) {
    records = 0;
    for (let i = series.lowerBound(period.start); i < series.size && series.anchors[i]! <= period.end; i++) {
      if (series.starts[i]! <= context.asOf) records++;
    }
  }
  const target = evaluator.targets.get(node, period);
  let from: Explanation["target"]["from"] = [];
  if (target?.source === "rollup" && node.cadence) {
    from = childPeriods(period, node.cadence, prepared.calendar).map((p) => ({
      id: node.id,
      period: p.id,
      value: evaluator.targets.get(node, p)?.value ?? null,
    }));
  } else if (target?.source === "formula") {
    from = node.inputs.map((id) => ({
      id,
      period: period.id,
      value: evaluator.targets.get(prepared.byId.get(id)!, period)?.value ?? null,
    }));
  }
  const measuredGrainOk = compareGrains(node.grain, period.grain) <= 0;
  return {
    node: node.id,
    period: period.id,
    asOf: isoFromDay(context.asOf),
    segment: options.segment ?? null,
    value: assessment.actual,
    kind: source === "measured" ? "measured" : source === "modeled" ? "computed" : "none",
    grain: node.measured && measuredGrainOk ? node.grain : null,
    aggregation: node.measured ? node.aggregation : null,
    records,
    coverage: assessment.coverage,
    formula: node.formula ? formatFormula(node.formula) : null,
    inputs: node.inputs.map((id) => ({ id, period: period.id, value: context.value(id, period) })),
    modeled: assessment.modeled,
    reason: assessment.reason,
    target: {
      value: target?.value ?? null,
      source: target?.source ?? null,
      derived: target?.derived ?? false,
      from,
    },
    forecast: { value: assessment.forecast, method: assessment.forecastMethod },
  };
}
