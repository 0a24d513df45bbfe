import type { Direction } from "../model/types.js";

export type Status = "achieved" | "on_track" | "at_risk" | "off_track" | "no_target" | "no_data";
export const STATUSES: readonly Status[] = [
  "achieved",
  "on_track",
  "at_risk",
  "off_track",
  "no_target",
  "no_data",
];

/** Relative slack for comparisons at a boundary, so 27,000,000 vs 30,000,000 × 0.9 is not lost to rounding. */
const EPSILON = 1e-9;

function slack(reference: number): number {
  return EPSILON * Math.max(1, Math.abs(reference));
}

/**
 * Progress towards a target (SEMANTICS §4): A / T, or (A − B) / (T − B) with a baseline;
 * for `down`, T / A, or (B − A) / (B − T). Not clamped. Null where it would divide by zero
 * and for `range` nodes, where "how far" has no single direction.
 */
export function progressOf(
  actual: number | null,
  target: number | null,
  baseline: number | null,
  direction: Direction,
): number | null {
  if (actual === null || target === null || direction === "range") return null;
  let p: number;
  if (direction === "up") p = baseline === null ? actual / target : (actual - baseline) / (target - baseline);
  else p = baseline === null ? target / actual : (baseline - actual) / (baseline - target);
  return Number.isFinite(p) ? p : null;
}

/** Whether a value meets a target in the node's direction. */
export function meets(
  value: number,
  target: number,
  direction: Direction,
  range: readonly [number, number] | null,
) {
  if (direction === "range" && range) {
    return value >= range[0] - slack(range[0]) && value <= range[1] + slack(range[1]);
  }
  return direction === "down" ? value <= target + slack(target) : value >= target - slack(target);
}

/** How far a value falls short, and the allowance `tol` gives, in the metric's units. */
function shortfall(
  value: number,
  target: number,
  direction: Direction,
  range: readonly [number, number] | null,
  tolerance: number,
): { miss: number; allowed: number } {
  if (direction === "range" && range) {
    const bound = value < range[0] ? range[0] : range[1];
    return { miss: Math.abs(value - bound), allowed: tolerance * Math.abs(bound) };
  }
  const miss = direction === "down" ? value - target : target - value;
  return { miss, allowed: tolerance * Math.abs(target) };
}

export interface StatusInput {
  actual: number | null;
  target: number | null;
  forecast: number | null;
  direction: Direction;
  range: readonly [number, number] | null;
  tolerance: number;
  /** The period has ended on the as-of day. */
  over: boolean;
  /** A measured `sum` node: reaching the target early is final for direction up. */
  cumulative: boolean;
}

/** Status, direction-aware (SEMANTICS §4). */
export function statusOf(input: StatusInput): Status {
  const { actual, forecast, direction, range, tolerance, over } = input;
  const target = direction === "range" && range ? (input.target ?? range[0]) : input.target;
  if (target === null) return "no_target";
  if (actual === null) return "no_data";
  if (over) {
    if (meets(actual, target, direction, range)) return "achieved";
    return classify(actual, target, direction, range, tolerance);
  }
  if (input.cumulative && direction === "up" && meets(actual, target, direction, range)) return "achieved";
  const outlook = forecast ?? actual;
  if (meets(outlook, target, direction, range)) return "on_track";
  return classify(outlook, target, direction, range, tolerance);
}

function classify(
  value: number,
  target: number,
  direction: Direction,
  range: readonly [number, number] | null,
  tolerance: number,
): Status {
  const { miss, allowed } = shortfall(value, target, direction, range, tolerance);
  return miss <= allowed + slack(allowed) ? "at_risk" : "off_track";
}

/** Least-squares line through (x, y) points, evaluated at `at`; null with fewer than 2 distinct x. */
export function linearTrendAt(points: readonly { x: number; y: number }[], at: number): number | null {
  const n = points.length;
  if (n < 2) return null;
  let sx = 0;
  let sy = 0;
  for (const p of points) {
    sx += p.x;
    sy += p.y;
  }
  const mx = sx / n;
  const my = sy / n;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.x - mx) * (p.x - mx);
    sxy += (p.x - mx) * (p.y - my);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  return my + slope * (at - mx);
}
