import { TargetResolver } from "../evaluate/resolveTarget.js";
import type { PreparedNode, PreparedPlan } from "../model/preparePlan.js";
import type { Measurement } from "../model/types.js";
import { compareGrains, parentPeriod, periodsBetween, shiftPeriod } from "../period/index.js";
import type { Day, Period } from "../period/types.js";
import { seededRandom } from "./seededRandom.js";

export interface DemoDataOptions {
  /** First and last day to generate actuals for. */
  from: Day;
  to: Day;
  /** Same seed, same data. */
  seed?: number;
}

const WHOLE_UNITS = new Set(["count", "JPY"]);

/**
 * Plausible actuals for every measured node of a plan, near its targets: each node gets its
 * own performance (some ahead, some behind), days get noise, weekends are quieter for daily
 * counts. For demos and benchmarks only; pure and deterministic.
 */
export function generateDemoData(prepared: PreparedPlan, options: DemoDataOptions): Measurement[] {
  const next = seededRandom(options.seed ?? 2026);
  const targets = new TargetResolver(prepared);
  const rows: Measurement[] = [];
  for (const node of prepared.nodes) {
    if (!node.measured || !node.numeric || !node.cadence || node.range) {
      if (node.range && node.measured) rows.push(...rangeData(node, prepared, options, next));
      continue;
    }
    // Each node performs between 85 % and 110 % of plan, direction-aware.
    const performance = 0.85 + next() * 0.25;
    const factor = node.direction === "down" ? 2 - performance : performance;
    const grainPeriods = periodsBetween(node.grain, options.from, options.to, prepared.calendar);
    for (const p of grainPeriods) {
      // A monthly (or weekly…) figure is entered once its period is over.
      if (p.end > options.to) continue;
      const cadencePeriod = containing(p, node, prepared);
      if (!cadencePeriod) continue;
      const target = targetOrNextYears(targets, node, cadencePeriod, prepared);
      if (!target) continue;
      let value: number;
      if (node.aggregation === "sum") {
        const share = (p.end - p.start + 1) / (cadencePeriod.end - cadencePeriod.start + 1);
        const weekday = (p.start + 4) % 7; // 0 = Sunday for day numbers since 1970-01-01 (a Thursday)
        const weekend = node.grain === "day" && (weekday === 0 || weekday === 6) ? 0.4 : 1.15;
        value = target.value * share * factor * (node.grain === "day" ? weekend : 1) * (0.8 + next() * 0.4);
      } else {
        value = target.value * factor * (0.97 + next() * 0.06);
        if (node.source.unit === "percent") value = Math.min(1, Math.max(0, value));
      }
      // Stochastic rounding: 0.3 bugs a day become 0 or 1 with the right average, not always 0.
      if (WHOLE_UNITS.has(node.source.unit ?? "")) value = Math.floor(value + next());
      else value = Math.round(value * 10_000) / 10_000;
      rows.push({ node: node.id, period: p.id, value });
    }
  }
  return rows;
}

/**
 * The period's target, or — for history before the plan's first year — the target of the
 * same period a year later, 10 % lower (last year was a little smaller).
 */
function targetOrNextYears(
  targets: TargetResolver,
  node: PreparedNode,
  period: Period,
  prepared: PreparedPlan,
): { value: number } | null {
  const own = targets.get(node, period);
  if (own) return own;
  const next = shiftPeriod(period, periodsPerYear(period.grain), prepared.calendar);
  const later = targets.get(node, next);
  if (!later) return null;
  const scale = node.source.unit === "percent" || node.aggregation !== "sum" ? 0.97 : 0.9;
  return { value: later.value * scale };
}

function periodsPerYear(grain: Period["grain"]): number {
  return { day: 364, week: 52, month: 12, quarter: 4, half: 2, year: 1 }[grain];
}

function containing(p: Period, node: PreparedNode, prepared: PreparedPlan): Period | null {
  if (compareGrains(node.cadence!, p.grain) < 0) return null;
  return parentPeriod(p, node.cadence!, prepared.calendar);
}

function rangeData(
  node: PreparedNode,
  prepared: PreparedPlan,
  options: DemoDataOptions,
  next: () => number,
): Measurement[] {
  const [min, max] = node.range!;
  const ended = periodsBetween(node.grain, options.from, options.to, prepared.calendar).filter(
    (p) => p.end <= options.to,
  );
  return ended.map((p) => ({
    node: node.id,
    period: p.id,
    value: Math.round((min + (max - min) * (0.2 + next() * 0.7)) * 10_000) / 10_000,
  }));
}
