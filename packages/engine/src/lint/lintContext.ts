import { formulaInputsDeep } from "../analyze/composeFormula.js";
import type { EvaluationContext } from "../evaluate/evaluationContext.js";
import type { Evaluator } from "../evaluate/evaluator.js";
import type { PreparedNode, PreparedPlan } from "../model/preparePlan.js";
import { periodOfDay, previousPeriod, samePeriodLastYear } from "../period/index.js";
import type { Calendar, Day, Grain, Period } from "../period/types.js";
import type { LintMessageCode, ParamsOf, ReferenceBasis } from "./messages.js";
import type { Review, RuleOptions } from "./types.js";

/** A finding before the linter gives it its rule, severity and texts. */
export interface Draft {
  code: LintMessageCode;
  fix: LintMessageCode | null;
  node: string | null;
  period: string | null;
  params: Record<string, unknown>;
  /** The rule's milder case (A1 "too easy", ...): the rule's minor severity unless re-graded. */
  minor: boolean;
}

/** Builds a draft whose parameters serve both its message and its fix. */
export function draft<K extends LintMessageCode, F extends LintMessageCode = K>(
  code: K,
  fix: F | null,
  at: { node: string | null; period?: string | null; minor?: boolean },
  params: ParamsOf<K> & ParamsOf<F>,
): Draft {
  return {
    code,
    fix,
    node: at.node,
    period: at.period ?? null,
    params: params as Record<string, unknown>,
    minor: at.minor ?? false,
  };
}

export type RuleCheck = (lint: LintContext, options: RuleOptions) => Draft[];

export interface ReferenceActual {
  value: number;
  period: Period;
  basis: ReferenceBasis;
}

/** How far back (in periods of the cadence) a reference actual is looked for, past the latest data. */
const REFERENCE_SCAN = 3;
const FULL = 1 - 1e-9;

/**
 * What every rule needs to know about a plan as of a day: its numbers, the graph of which
 * node serves which (parents and formulas), and the periods that count as finished.
 */
export class LintContext {
  readonly calendar: Calendar;
  readonly values: EvaluationContext;
  /** The first day any target of the plan covers; null for a plan without targets. */
  readonly planStart: Day | null;
  private readonly readers = new Map<string, string[]>();
  private readonly reachMemo = new Map<string, ReadonlySet<string>>();

  constructor(
    readonly prepared: PreparedPlan,
    readonly evaluator: Evaluator,
    readonly asOf: Day,
    readonly reviews: readonly Review[] | null,
  ) {
    this.calendar = prepared.calendar;
    this.values = evaluator.context(asOf);
    for (const node of prepared.nodes) {
      for (const id of [...node.inputs, ...(node.weight ? [node.weight] : [])]) {
        this.readers.set(id, [...(this.readers.get(id) ?? []), node.id]);
      }
    }
    let start: Day | null = null;
    for (const node of prepared.nodes) {
      for (const { period } of node.targets.values())
        if (start === null || period.start < start) start = period.start;
    }
    this.planStart = start;
  }

  node(id: string): PreparedNode {
    return this.prepared.byId.get(id)!;
  }

  /** The id and name a message names a node by. */
  ref(node: PreparedNode): { node: string; name: string | null } {
    return { node: node.id, name: node.source.name ?? null };
  }

  get numericNodes(): PreparedNode[] {
    return this.prepared.nodes.filter((n) => n.numeric);
  }

  /** The nodes a node serves directly: its parent and the nodes whose formula or weight reads it. */
  serves(id: string): string[] {
    const parent = this.node(id).parent;
    return [...(parent ? [parent] : []), ...(this.readers.get(id) ?? [])];
  }

  /** Every node a node serves, directly or not (itself excluded). */
  reach(id: string): ReadonlySet<string> {
    let seen = this.reachMemo.get(id);
    if (!seen) {
      seen = this.walk(id, () => true);
      this.reachMemo.set(id, seen);
    }
    return seen;
  }

  /** The KGIs a node serves first: those reached without passing through another KGI. */
  nearestKgis(id: string): PreparedNode[] {
    const found: PreparedNode[] = [];
    this.walk(id, (next) => {
      const node = this.node(next);
      if (node.role !== "kgi") return true;
      found.push(node);
      return false;
    });
    return found;
  }

  private walk(start: string, expand: (id: string) => boolean): Set<string> {
    const seen = new Set<string>();
    const queue = this.serves(start);
    while (queue.length > 0) {
      const id = queue.shift()!;
      if (id === start || seen.has(id)) continue;
      seen.add(id);
      if (expand(id)) queue.push(...this.serves(id));
    }
    return seen;
  }

  /** Whether a period has ended on the as-of day (as the evaluator judges "over"). */
  over(period: Period): boolean {
    return this.asOf >= period.end;
  }

  /** The period of a grain that counts as current: the one holding the as-of day, or the plan's first day before it starts. */
  currentPeriod(grain: Grain): Period {
    const day = this.planStart !== null && this.planStart > this.asOf ? this.planStart : this.asOf;
    return periodOfDay(day, grain, this.calendar);
  }

  /**
   * The actual of a period that is over, when it is whole: a sum of days (or a formula on
   * sums) with days missing would understate it, so it counts only with full coverage.
   */
  finishedActual(node: PreparedNode, period: Period): number | null {
    if (!this.over(period)) return null;
    const value = this.values.value(node.id, period);
    if (value === null) return null;
    const slot = this.values.slot(period);
    const source = this.values.actualSource(node.index, slot);
    const needsFull = source === "measured" ? node.aggregation === "sum" : true;
    const coverage = this.values.coverage(node.index, slot);
    if (needsFull && coverage !== null && coverage < FULL) return null;
    return value;
  }

  /**
   * The actual a target for `period` is compared with: the same period a year earlier,
   * else the period just before; with `latest`, else the latest finished one before it.
   */
  referenceActual(node: PreparedNode, period: Period, latest: boolean): ReferenceActual | null {
    const lastYear = samePeriodLastYear(period, this.calendar);
    if (lastYear) {
      const value = this.finishedActual(node, lastYear);
      if (value !== null) return { value, period: lastYear, basis: "lastYear" };
    }
    const previous = previousPeriod(period, this.calendar);
    const value = this.finishedActual(node, previous);
    if (value !== null) return { value, period: previous, basis: "previous" };
    if (!latest) return null;
    const lastDay = this.lastDataDay(node, previous.start);
    if (lastDay === null) return null;
    let candidate = periodOfDay(lastDay, period.grain, this.calendar);
    if (candidate.start >= previous.start) candidate = previousPeriod(previous, this.calendar);
    for (let k = 0; k < REFERENCE_SCAN; k++) {
      const v = this.finishedActual(node, candidate);
      if (v !== null) return { value: v, period: candidate, basis: "latest" };
      candidate = previousPeriod(candidate, this.calendar);
    }
    return null;
  }

  /** Start of the latest entry of a node's own series that began before `before` and by the as-of day. */
  latestEntryStart(node: PreparedNode, before: Day): Day | null {
    const series = this.evaluator.store.series[node.index];
    if (!series || series.size === 0) return null;
    const limit = Math.min(before - 1, this.asOf);
    // Anchors are at most 3 days after starts (weeks), so start looking just past the limit.
    for (let i = Math.min(series.size, series.lowerBound(limit + 4)) - 1; i >= 0; i--) {
      if (series.starts[i]! <= limit) return series.starts[i]!;
    }
    return null;
  }

  /** The latest day with data for a node or (for a computed node) any measured node its formula reads. */
  private lastDataDay(node: PreparedNode, before: Day): Day | null {
    let last: Day | null = null;
    for (const id of [node.id, ...formulaInputsDeep(this.prepared, node.id)]) {
      const source = this.node(id);
      if (!source.measured) continue;
      const day = this.latestEntryStart(source, before);
      if (day !== null && (last === null || day > last)) last = day;
    }
    return last;
  }
}
