import type { PreparedNode } from "../model/preparePlan.js";
import type { Aggregation } from "../model/types.js";
import { linearTrendAt, progressOf, type Status, statusOf } from "./assess.js";
import type { ActualSource, EvaluationContext, NoValueReason } from "./evaluationContext.js";
import type { TargetResolver, TargetSource } from "./resolveTarget.js";
import { pointsOf } from "./rollUp.js";

export type ForecastMethod = "pace" | "seasonal" | "trend" | "current" | "formula" | "actual";
export type ExpectedMethod = "linear" | "seasonal" | "formula" | "baseline" | "final";

/** Everything the engine says about one node in one period (the rows of `eval --json`). */
export interface NodeAssessment {
  id: string;
  actual: number | null;
  target: number | null;
  derivedTarget: boolean;
  progress: number | null;
  expectedToDate: number | null;
  forecast: number | null;
  forecastMethod: ForecastMethod | null;
  status: Status;
  modeled: number | null;
  coverage: number | null;
  modelGap: number | null;
  actualSource: ActualSource | null;
  targetSource: TargetSource | null;
  baseline: number | null;
  expectedMethod: ExpectedMethod | null;
  elapsedShare: number | null;
  reason: NoValueReason | null;
}

const MIN_TREND_POINTS = 4;

const orNull = (v: number): number | null => (Number.isFinite(v) ? v : null);

/**
 * Assesses every numeric node for one period slot of a context: progress, expected to
 * date, forecast and status (SEMANTICS §4). Nodes go in evaluation order because a
 * computed node's forecast is its formula on its inputs' forecasts.
 */
export function assessPeriod(
  context: EvaluationContext,
  targets: TargetResolver,
  slot: number,
  only?: ReadonlySet<number>,
): Map<number, NodeAssessment> {
  const { prepared } = context;
  const period = context.periods[slot]!;
  const over = context.asOf >= period.end;
  const forecasts = new Float64Array(prepared.nodes.length).fill(Number.NaN);
  const expected = new Float64Array(prepared.nodes.length).fill(Number.NaN);
  const targetValues = new Float64Array(prepared.nodes.length).fill(Number.NaN);
  const results = new Map<number, NodeAssessment>();

  for (const id of prepared.order) {
    const node = prepared.byId.get(id)!;
    if (!node.numeric) continue;
    const i = node.index;
    const actual = orNull(context.actual[i]![slot]!);
    const target = targets.get(node, period);
    if (target) targetValues[i] = target.value;
    const source = context.actualSource(i, slot);
    const measuredHere = source === "measured";

    let forecast: number | null = null;
    let forecastMethod: ForecastMethod | null = null;
    let expectedToDate: number | null = null;
    let expectedMethod: ExpectedMethod | null = null;
    const share = measuredHere || (node.measured && !node.computed) ? context.elapsedShare(i, slot) : null;

    if (actual !== null && over) {
      forecast = actual;
      forecastMethod = "actual";
    } else if (measuredHere) {
      ({ forecast, forecastMethod } = forecastMeasured(context, node, slot, actual!));
    } else if (node.computed) {
      const f = evaluateWith(node, context, forecasts);
      if (f !== null) {
        forecast = f;
        forecastMethod = "formula";
      }
    }

    if (target) {
      if (over) {
        expectedToDate = target.value;
        expectedMethod = "final";
      } else if (node.measured && node.aggregation === "sum" && (measuredHere || !node.computed)) {
        const seasonal = context.seasonalShare(i, slot);
        expectedToDate = target.value * (seasonal ?? share ?? 0);
        expectedMethod = seasonal !== null ? "seasonal" : "linear";
      } else if (node.computed && !measuredHere) {
        const ratio = impliedShare(node, context, expected, targetValues);
        if (ratio !== null) {
          expectedToDate = target.value * ratio;
          expectedMethod = "formula";
        }
      } else if (target.baseline !== null && share !== null) {
        expectedToDate = target.baseline + (target.value - target.baseline) * share;
        expectedMethod = "baseline";
      }
    }
    if (forecast !== null) forecasts[i] = forecast;
    if (expectedToDate !== null) expected[i] = expectedToDate;

    if (only && !only.has(i)) continue;
    const modeled = node.computed ? orNull(context.modeled[i]![slot]!) : null;
    const measured = orNull(context.measured[i]![slot]!);
    results.set(i, {
      id: node.id,
      actual,
      target: target?.value ?? null,
      derivedTarget: target?.derived ?? false,
      progress: progressOf(actual, target?.value ?? null, target?.baseline ?? null, node.direction),
      expectedToDate,
      forecast,
      forecastMethod,
      status: statusOf({
        actual,
        target: target?.value ?? null,
        forecast,
        direction: node.direction,
        range: node.range,
        tolerance: node.tolerance,
        over,
        cumulative: measuredHere && node.aggregation === "sum",
      }),
      modeled,
      coverage: context.coverage(i, slot),
      modelGap: measured !== null && modeled !== null && node.measured ? measured - modeled : null,
      actualSource: source,
      targetSource: target?.source ?? null,
      baseline: target?.baseline ?? null,
      expectedMethod,
      elapsedShare: share,
      reason: context.reason(i, slot),
    });
  }
  return results;
}

function forecastMeasured(
  context: EvaluationContext,
  node: PreparedNode,
  slot: number,
  actual: number,
): { forecast: number | null; forecastMethod: ForecastMethod | null } {
  const i = node.index;
  if (node.aggregation === "sum") {
    const seasonal = context.seasonalShare(i, slot);
    const share = seasonal ?? context.elapsedShare(i, slot);
    if (share <= 0) return { forecast: null, forecastMethod: null };
    return { forecast: actual / share, forecastMethod: seasonal !== null ? "seasonal" : "pace" };
  }
  if (node.aggregation === "first") return { forecast: actual, forecastMethod: "current" };
  const trend = trendForecast(context, node, slot, actual);
  return trend === null
    ? { forecast: actual, forecastMethod: "current" }
    : { forecast: trend, forecastMethod: "trend" };
}

/**
 * End-of-period value from a least-squares trend of the period's recorded points: the
 * trend's last value for a stock (`last`), the mean including projected remaining points
 * for averages, the extreme including them for `min`/`max`.
 */
function trendForecast(
  context: EvaluationContext,
  node: PreparedNode,
  slot: number,
  actual: number,
): number | null {
  const series = context.store.series[node.index];
  if (!series) return null;
  const period = context.periods[slot]!;
  const weights = node.weight ? context.store.series[context.nodeIndex(node.weight)]! : null;
  const segment = segmentFor(context, node.index);
  const points = pointsOf(series, node.aggregation, period.start, period.end, context.asOf, segment, weights);
  if (points.length < MIN_TREND_POINTS) return null;
  const xy = points.map((p) => ({ x: p.anchor, y: p.value }));
  const aggregation: Aggregation = node.aggregation;
  if (aggregation === "last") return linearTrendAt(xy, period.end);
  const window = context.window(node.grain, period);
  const lastAnchor = points[points.length - 1]!.anchor;
  // Remaining grain periods: those of the window after the last recorded one.
  const remaining: number[] = [];
  let start = period.start;
  for (let k = 0; k < window.ends.length; k++) {
    const end = window.ends[k]!;
    const anchor = node.grain === "week" ? start + 3 : start;
    if (anchor > lastAnchor) remaining.push(anchor);
    start = end + 1;
  }
  if (remaining.length === 0) return actual;
  const projected = remaining.map((x) => linearTrendAt(xy, x)!);
  if (aggregation === "min") return Math.min(actual, ...projected);
  if (aggregation === "max") return Math.max(actual, ...projected);
  const recorded = points.length;
  return (actual * recorded + projected.reduce((a, b) => a + b, 0)) / (recorded + projected.length);
}

function segmentFor(context: EvaluationContext, index: number): number {
  const series = context.store.series[index];
  if (context.segment === null || !series || series.segmentNames.length === 1) return -1;
  return series.hasSegment(context.segment) ? series.segmentOf(context.segment) : -2;
}

function evaluateWith(node: PreparedNode, context: EvaluationContext, values: Float64Array): number | null {
  const inputs = new Float64Array(node.inputs.length);
  node.inputs.forEach((id, k) => {
    inputs[k] = values[context.nodeIndex(id)]!;
  });
  return orNull(node.evaluate!(inputs));
}

/** formula(inputs' expected to date) / formula(inputs' targets): how much of a computed target should be in by now. */
function impliedShare(
  node: PreparedNode,
  context: EvaluationContext,
  expected: Float64Array,
  targetValues: Float64Array,
): number | null {
  const withExpected = new Float64Array(node.inputs.length);
  const withTargets = new Float64Array(node.inputs.length);
  for (let k = 0; k < node.inputs.length; k++) {
    const j = context.nodeIndex(node.inputs[k]!);
    const t = targetValues[j]!;
    const e = expected[j]!;
    if (Number.isNaN(t)) return null;
    withTargets[k] = t;
    withExpected[k] = Number.isNaN(e) ? t : e;
  }
  const full = node.evaluate!(withTargets);
  const now = node.evaluate!(withExpected);
  if (Number.isNaN(full) || Number.isNaN(now) || full === 0) return null;
  return now / full;
}
