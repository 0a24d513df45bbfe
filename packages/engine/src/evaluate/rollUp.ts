import type { Aggregation } from "../model/types.js";
import type { Day } from "../period/types.js";
import type { NodeSeries } from "./measurementStore.js";

/** What a roll-up found, besides its value: enough to state coverage and pace. */
export interface RollUpResult {
  /** NaN when there is no value (no data is not zero). */
  value: number;
  /** Entries used. */
  count: number;
  /** Days of the grain periods (in the window) that have data. */
  coveredDays: number;
  /** Of those, the days of grain periods that had not ended by the as-of day. */
  openCoveredDays: number;
}

export function emptyRollUp(): RollUpResult {
  return { value: Number.NaN, count: 0, coveredDays: 0, openCoveredDays: 0 };
}

const NO_SEGMENT = -1;
let perSegment = new Float64Array(16);
let perSegmentSeen = new Uint8Array(16);

/**
 * Aggregates a measured node over the days [from, to] as known on `asOf` (entries whose
 * grain period starts after `asOf` are not known yet), for all segments or one.
 * `weights` is the weight node's series for `weighted_average`.
 */
export function rollUp(
  series: NodeSeries,
  aggregation: Aggregation,
  from: Day,
  to: Day,
  asOf: Day,
  segment: number,
  weights: NodeSeries | null,
  out: RollUpResult,
): RollUpResult {
  out.value = Number.NaN;
  out.count = 0;
  out.coveredDays = 0;
  out.openCoveredDays = 0;
  const { anchors, starts, lengths, values, segments } = series;
  const size = series.size;
  let i = series.lowerBound(from);
  if (segment === NO_SEGMENT && (aggregation === "sum" || aggregation === "average")) {
    return sumAll(series, i, to, asOf, aggregation === "average", out);
  }
  let acc = 0;
  let weightSum = 0;
  let previousAnchor = -Infinity;
  const bySegment = aggregation === "last" || aggregation === "first";
  if (bySegment) {
    const n = series.segmentNames.length;
    if (perSegment.length < n) {
      perSegment = new Float64Array(n * 2);
      perSegmentSeen = new Uint8Array(n * 2);
    }
    perSegmentSeen.fill(0, 0, n);
  }
  for (; i < size; i++) {
    const anchor = anchors[i]!;
    if (anchor > to) break;
    const start = starts[i]!;
    if (start > asOf) continue;
    const seg = segments[i]!;
    if (segment !== NO_SEGMENT && seg !== segment) continue;
    const v = values[i]!;
    if (anchor !== previousAnchor) {
      previousAnchor = anchor;
      const length = lengths[i]!;
      out.coveredDays += length;
      if (start + length - 1 > asOf) out.openCoveredDays += length;
    }
    switch (aggregation) {
      case "sum":
      case "average":
        acc += v;
        break;
      case "weighted_average": {
        const w = weights ? weightAt(weights, anchor, series.segmentNames[seg]!) : Number.NaN;
        if (Number.isNaN(w)) continue;
        acc += v * w;
        weightSum += w;
        break;
      }
      case "min":
        acc = out.count === 0 ? v : Math.min(acc, v);
        break;
      case "max":
        acc = out.count === 0 ? v : Math.max(acc, v);
        break;
      case "last":
        perSegment[seg] = v;
        perSegmentSeen[seg] = 1;
        break;
      case "first":
        if (perSegmentSeen[seg] === 0) {
          perSegment[seg] = v;
          perSegmentSeen[seg] = 1;
        }
        break;
    }
    out.count++;
  }
  if (out.count === 0) return out;
  switch (aggregation) {
    case "average":
      out.value = acc / out.count;
      break;
    case "weighted_average":
      out.value = weightSum === 0 ? Number.NaN : acc / weightSum;
      break;
    case "last":
    case "first": {
      // A stock across segments is the sum of each segment's own last (or first) value.
      let total = 0;
      for (let s = 0; s < series.segmentNames.length; s++)
        if (perSegmentSeen[s] === 1) total += perSegment[s]!;
      out.value = total;
      break;
    }
    default:
      out.value = acc;
  }
  return out;
}

/** The common case, kept in locals: a sum or mean over all segments. */
function sumAll(
  series: NodeSeries,
  from: number,
  to: Day,
  asOf: Day,
  mean: boolean,
  out: RollUpResult,
): RollUpResult {
  const { anchors, starts, lengths, values } = series;
  const size = series.size;
  let acc = 0;
  let count = 0;
  let covered = 0;
  let open = 0;
  let previousAnchor = -0x80000000; // below any day the calendar accepts (year 1000)
  for (let i = from; i < size; i++) {
    const anchor = anchors[i]!;
    if (anchor > to) break;
    const start = starts[i]!;
    if (start > asOf) continue;
    if (anchor !== previousAnchor) {
      previousAnchor = anchor;
      const length = lengths[i]!;
      covered += length;
      if (start + length - 1 > asOf) open += length;
    }
    acc += values[i]!;
    count++;
  }
  out.count = count;
  out.coveredDays = covered;
  out.openCoveredDays = open;
  out.value = count === 0 ? Number.NaN : mean ? acc / count : acc;
  return out;
}

/**
 * The weight recorded for the same period and segment. Segments are numbered per series in the
 * order their rows arrived, so the weight node's number for a segment is looked up by its name.
 */
function weightAt(weights: NodeSeries, anchor: Day, segmentName: string): number {
  const segment = weights.indexOfSegment(segmentName);
  if (segment < 0) return Number.NaN;
  const at = weights.find(anchor, segment);
  return at >= 0 ? weights.values[at]! : Number.NaN;
}

/**
 * The recorded points of a window, one per grain period (segments combined the way the
 * aggregation combines them), for trend forecasts and charts.
 */
export function pointsOf(
  series: NodeSeries,
  aggregation: Aggregation,
  from: Day,
  to: Day,
  asOf: Day,
  segment: number,
  weights: NodeSeries | null,
): { anchor: Day; start: Day; length: number; value: number }[] {
  const points: { anchor: Day; start: Day; length: number; value: number }[] = [];
  const scratch = emptyRollUp();
  let i = series.lowerBound(from);
  while (i < series.size && series.anchors[i]! <= to) {
    const anchor = series.anchors[i]!;
    const start = series.starts[i]!;
    const length = series.lengths[i]!;
    let j = i;
    while (j < series.size && series.anchors[j] === anchor) j++;
    if (start <= asOf) {
      rollUp(series, aggregation, anchor, anchor, asOf, segment, weights, scratch);
      if (!Number.isNaN(scratch.value)) points.push({ anchor, start, length, value: scratch.value });
    }
    i = j;
  }
  return points;
}

export { NO_SEGMENT };
