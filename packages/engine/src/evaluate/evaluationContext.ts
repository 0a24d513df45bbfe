import type { PreparedNode, PreparedPlan } from "../model/preparePlan.js";
import type { Measurement } from "../model/types.js";
import { childPeriods, compareGrains, samePeriodLastYear } from "../period/index.js";
import { type Day, GRAINS, type Grain, type Period } from "../period/types.js";
import { anchorOf, type MeasurementStore } from "./measurementStore.js";
import { emptyRollUp, NO_SEGMENT, rollUp } from "./rollUp.js";

/** The (node, slot) pairs one recalculation recomputed: the first `count` entries. */
export interface RecalcResult {
  count: number;
  nodes: Int32Array;
  slots: Int32Array;
}

/** Where an actual came from. */
export type ActualSource = "measured" | "modeled";

/** Why a value is missing. */
export type NoValueReason =
  | "no_data"
  | "grain_coarser_than_period"
  | "missing_input"
  | "division_by_zero"
  | "not_finite";

interface GrainWindow {
  /** Sum of the lengths of the grain periods of the window. */
  totalDays: number;
  /** Ends of the grain periods, ascending, and the running total of their lengths. */
  ends: Int32Array;
  cumulative: Float64Array;
}

/**
 * The numbers of a plan as seen on one day, for one segment or all: actual, modeled
 * value and coverage per node and period, held in columns (one Float64Array per node,
 * one slot per period asked for) so that evaluating a thousand nodes over fifty periods
 * and recalculating after one edit are array loops.
 */
export class EvaluationContext {
  readonly periods: Period[] = [];
  private readonly slots = new Map<string, number>();
  private capacity = 0;
  /** Measured value (NaN: none). */
  measured: Float64Array[];
  /** Formula value (NaN: none or not computed). */
  modeled: Float64Array[];
  /** The value shown: measured when there is any, else modeled. */
  actual: Float64Array[];
  coveredDays: Float64Array[];
  /** Days of the node's grain periods inside the period that have ended or have data. */
  elapsedDays: Float64Array[];
  totalDays: Float64Array[];
  private readonly windows = new Map<string, GrainWindow>();
  private readonly scratch: Float64Array[];
  private readonly downstream: number[][];
  private readonly inputIndexes: Int32Array[];
  private readonly weightIndexes: Int32Array;
  /** Grain of each node and of each slot's period as a rank (day 0 … year 5), to compare without names. */
  private readonly grainRanks: Int8Array;
  private readonly slotRanks: number[] = [];
  private readonly slotWindows: GrainWindow[][] = [];
  private readonly recalc: RecalcResult = { count: 0, nodes: new Int32Array(64), slots: new Int32Array(64) };
  private readonly segmentIndex: Int32Array;
  private readonly scratchRollUp = emptyRollUp();

  constructor(
    readonly prepared: PreparedPlan,
    readonly store: MeasurementStore,
    readonly asOf: Day,
    readonly segment: string | null = null,
  ) {
    const n = prepared.nodes.length;
    this.measured = new Array(n);
    this.modeled = new Array(n);
    this.actual = new Array(n);
    this.coveredDays = new Array(n);
    this.elapsedDays = new Array(n);
    this.totalDays = new Array(n);
    this.grow(8);
    this.scratch = prepared.nodes.map((node) => new Float64Array(node.inputs.length));
    this.downstream = downstreamOrder(prepared);
    this.weightIndexes = Int32Array.from(prepared.nodes, (node) =>
      node.weight ? prepared.byId.get(node.weight)!.index : -1,
    );
    this.grainRanks = Int8Array.from(prepared.nodes, (node) => GRAINS.indexOf(node.grain));
    this.inputIndexes = prepared.nodes.map((node) =>
      Int32Array.from(node.inputs, (id) => prepared.byId.get(id)!.index),
    );
    this.segmentIndex = new Int32Array(n).fill(NO_SEGMENT);
    this.refreshSegments();
  }

  /** The slot of a period, evaluating every node for it on first use. */
  slot(period: Period): number {
    let slot = this.slots.get(period.id);
    if (slot === undefined) {
      slot = this.periods.length;
      if (slot >= this.capacity) this.grow(this.capacity * 2);
      this.periods.push(period);
      this.slotRanks.push(GRAINS.indexOf(period.grain));
      this.slots.set(period.id, slot);
      for (const id of this.prepared.order) this.computeNode(this.prepared.byId.get(id)!, slot);
    }
    return slot;
  }

  nodeIndex(id: string): number {
    return this.prepared.byId.get(id)!.index;
  }

  /** Actual value of a node for a period, or null. */
  value(id: string, period: Period): number | null {
    // The slot first: adding one may grow (replace) the columns.
    const slot = this.slot(period);
    const v = this.actual[this.nodeIndex(id)]![slot]!;
    return Number.isNaN(v) ? null : v;
  }

  /**
   * Changes one actual and recalculates only what depends on it: the node and the nodes
   * reading it, in the periods that hold the changed entry (and the periods whose
   * same-period-last-year holds it, whose seasonal pace it shapes).
   */
  update(measurement: Measurement): RecalcResult {
    const { period } = this.store.set(measurement);
    return this.recalculate(this.prepared.byId.get(measurement.node)!, period);
  }

  /**
   * Recalculates after an entry of `node` for `period` changed in the store. The answer lists
   * the recomputed (node, slot) pairs; it is reused by the next call, so read it before then.
   */
  recalculate(node: PreparedNode, period: Period): RecalcResult {
    this.refreshSegments();
    const anchor = anchorOf(period);
    const downstream = this.downstream[node.index]!;
    const result = this.recalc;
    result.count = 0;
    for (let slot = 0; slot < this.periods.length; slot++) {
      const p = this.periods[slot]!;
      if (anchor < p.start || anchor > p.end) continue;
      this.computeNode(node, slot);
      this.recordRecalc(node.index, slot);
      for (let k = 0; k < downstream.length; k++) {
        const index = downstream[k]!;
        this.computeNode(this.prepared.nodes[index]!, slot);
        this.recordRecalc(index, slot);
      }
    }
    return result;
  }

  private recordRecalc(node: number, slot: number): void {
    const result = this.recalc;
    if (result.count === result.nodes.length) {
      const nodes = new Int32Array(result.count * 2);
      const slots = new Int32Array(result.count * 2);
      nodes.set(result.nodes);
      slots.set(result.slots);
      result.nodes = nodes;
      result.slots = slots;
    }
    result.nodes[result.count] = node;
    result.slots[result.count] = slot;
    result.count++;
  }

  /** The nodes reading a node, directly or not, in evaluation order. */
  dependentsOf(index: number): readonly number[] {
    return this.downstream[index]!;
  }

  /** Share of the period that counts as elapsed for a measured node (SEMANTICS §4). */
  elapsedShare(index: number, slot: number): number {
    const total = this.totalDays[index]![slot]!;
    return total > 0 ? Math.min(1, this.elapsedDays[index]![slot]! / total) : 0;
  }

  /** Coverage: days with data / days elapsed, for the node's grain; null without data. */
  coverage(index: number, slot: number): number | null {
    const node = this.prepared.nodes[index]!;
    if (Number.isNaN(this.actual[index]![slot]!)) return null;
    if (node.measured && !Number.isNaN(this.measured[index]![slot]!)) {
      const elapsed = this.elapsedDays[index]![slot]!;
      return elapsed > 0 ? Math.min(1, this.coveredDays[index]![slot]! / elapsed) : null;
    }
    let worst: number | null = null;
    for (const id of node.inputs) {
      const c = this.coverage(this.nodeIndex(id), slot);
      if (c !== null) worst = worst === null ? c : Math.min(worst, c);
    }
    return worst;
  }

  /** Why a node has no value in a period (null when it has one). */
  reason(index: number, slot: number): NoValueReason | null {
    if (!Number.isNaN(this.actual[index]![slot]!)) return null;
    const node = this.prepared.nodes[index]!;
    if (node.measured && !node.computed) {
      return compareGrains(node.grain, this.periods[slot]!.grain) > 0
        ? "grain_coarser_than_period"
        : "no_data";
    }
    if (node.computed) {
      for (const id of node.inputs)
        if (Number.isNaN(this.actual[this.nodeIndex(id)]![slot]!)) return "missing_input";
      return "division_by_zero";
    }
    return "no_data";
  }

  actualSource(index: number, slot: number): ActualSource | null {
    if (!Number.isNaN(this.measured[index]![slot]!)) return "measured";
    if (!Number.isNaN(this.modeled[index]![slot]!)) return "modeled";
    return null;
  }

  /**
   * The seasonal share for a `sum` node: how much of last year's same period had accrued
   * at the same point, when last year's period is fully recorded. Null otherwise.
   */
  seasonalShare(index: number, slot: number): number | null {
    const node = this.prepared.nodes[index]!;
    const series = this.store.series[index];
    if (!series || node.aggregation !== "sum" || !node.measured) return null;
    const period = this.periods[slot]!;
    const last = samePeriodLastYear(period, this.prepared.calendar);
    if (!last) return null;
    const window = this.window(node.grain, last);
    const r = rollUp(
      series,
      "sum",
      last.start,
      last.end,
      last.end,
      this.segmentIndex[index]!,
      null,
      this.scratchRollUp,
    );
    if (Number.isNaN(r.value) || r.value === 0 || r.coveredDays < window.totalDays) return null;
    const total = r.value;
    // Align by elapsed days: last year's grain periods that started within as many days.
    const elapsed = this.elapsedDays[index]![slot]!;
    const accrued = rollUp(
      series,
      "sum",
      last.start,
      last.start + Math.max(0, Math.round(elapsed)) - 1,
      last.end,
      this.segmentIndex[index]!,
      null,
      this.scratchRollUp,
    ).value;
    const share = (Number.isNaN(accrued) ? 0 : accrued) / total;
    return share > 0 ? Math.min(1, share) : null;
  }

  private computeNode(node: PreparedNode, slot: number): void {
    const index = node.index;
    const period = this.periods[slot]!;
    let measured = Number.NaN;
    const series = this.store.series[index];
    const grainFits = this.grainRanks[index]! <= this.slotRanks[slot]!;
    if (node.measured && series && series.size > 0) {
      if (grainFits) {
        const weightIndex = this.weightIndexes[index]!;
        const weights = weightIndex >= 0 ? this.store.series[weightIndex]! : null;
        const r = rollUp(
          series,
          node.aggregation,
          period.start,
          period.end,
          this.asOf,
          this.segmentIndex[index]!,
          weights,
          this.scratchRollUp,
        );
        measured = r.value;
        const window = this.slotWindow(index, slot);
        this.coveredDays[index]![slot] = r.coveredDays;
        this.elapsedDays[index]![slot] = endedDays(window, this.asOf) + r.openCoveredDays;
        this.totalDays[index]![slot] = window.totalDays;
      }
    } else if (node.measured) {
      const window = grainFits ? this.slotWindow(index, slot) : null;
      this.coveredDays[index]![slot] = 0;
      this.elapsedDays[index]![slot] = window ? endedDays(window, this.asOf) : 0;
      this.totalDays[index]![slot] = window ? window.totalDays : 0;
    }
    let modeled = Number.NaN;
    if (node.evaluate) {
      const inputs = this.scratch[index]!;
      const from = this.inputIndexes[index]!;
      for (let k = 0; k < from.length; k++) inputs[k] = this.actual[from[k]!]![slot]!;
      modeled = node.evaluate(inputs);
    }
    this.measured[index]![slot] = measured;
    this.modeled[index]![slot] = modeled;
    this.actual[index]![slot] = Number.isNaN(measured) ? modeled : measured;
  }

  /** The window of a node's grain in a slot's period, cached by slot (no string keys on the hot path). */
  private slotWindow(index: number, slot: number): GrainWindow {
    const rank = this.grainRanks[index]!;
    const windows = this.slotWindows[slot] ?? [];
    this.slotWindows[slot] = windows;
    let window = windows[rank];
    if (!window) {
      window = this.window(this.prepared.nodes[index]!.grain, this.periods[slot]!);
      windows[rank] = window;
    }
    return window;
  }

  /** The grain periods of a period, with running lengths, cached per (grain, period). */
  window(grain: Grain, period: Period): GrainWindow {
    const key = `${grain}|${period.id}`;
    let window = this.windows.get(key);
    if (!window) {
      const parts = childPeriods(period, grain, this.prepared.calendar);
      const ends = new Int32Array(parts.length);
      const cumulative = new Float64Array(parts.length);
      let total = 0;
      parts.forEach((p, i) => {
        total += p.end - p.start + 1;
        ends[i] = p.end;
        cumulative[i] = total;
      });
      window = { totalDays: total, ends, cumulative };
      this.windows.set(key, window);
    }
    return window;
  }

  private refreshSegments(): void {
    if (this.segment === null) return;
    this.store.series.forEach((series, i) => {
      // A node recorded without segments counts in full for every segment (one win rate for
      // all channels); a segmented node counts only the asked segment.
      if (!series || series.segmentNames.length === 1) this.segmentIndex[i] = NO_SEGMENT;
      else this.segmentIndex[i] = series.hasSegment(this.segment!) ? series.segmentOf(this.segment!) : -2;
    });
  }

  private grow(capacity: number): void {
    const columns = [
      this.measured,
      this.modeled,
      this.actual,
      this.coveredDays,
      this.elapsedDays,
      this.totalDays,
    ];
    for (const column of columns) {
      for (let i = 0; i < this.prepared.nodes.length; i++) {
        const next = new Float64Array(capacity).fill(Number.NaN);
        const old = column[i];
        if (old) next.set(old);
        column[i] = next;
      }
    }
    this.capacity = capacity;
  }
}

/** Days of the window's grain periods that ended on or before `asOf`. */
function endedDays(window: GrainWindow, asOf: Day): number {
  let lo = 0;
  let hi = window.ends.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (window.ends[mid]! <= asOf) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : window.cumulative[lo - 1]!;
}

/** For every node, the nodes that read it through formulas or as a weight, transitively, in evaluation order. */
function downstreamOrder(prepared: PreparedPlan): number[][] {
  const readers = new Map<string, string[]>();
  for (const node of prepared.nodes) {
    const reads = [...node.inputs, ...(node.weight ? [node.weight] : [])];
    for (const id of reads) readers.set(id, [...(readers.get(id) ?? []), node.id]);
  }
  const position = new Map(prepared.order.map((id, i) => [id, i]));
  return prepared.nodes.map((node) => {
    const seen = new Set<string>();
    const stack = [...(readers.get(node.id) ?? [])];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(...(readers.get(id) ?? []));
    }
    return [...seen]
      .sort((a, b) => position.get(a)! - position.get(b)!)
      .map((id) => prepared.byId.get(id)!.index);
  });
}
