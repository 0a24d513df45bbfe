import type { PreparedNode, PreparedPlan } from "../model/preparePlan.js";
import type { Measurement } from "../model/types.js";
import { parsePeriod } from "../period/index.js";
import type { Day, Period } from "../period/types.js";

/**
 * The actuals of one measured node, sorted by anchor day: the day that decides which
 * period an entry belongs to (its first day; for a week, its 4th day, the ISO rule).
 * Columnar so that roll-ups over thousands of days are tight loops.
 */
export class NodeSeries {
  anchors: Int32Array = new Int32Array(0);
  starts: Int32Array = new Int32Array(0);
  lengths: Int32Array = new Int32Array(0);
  values: Float64Array = new Float64Array(0);
  /** Segment index per entry; 0 is "not segmented". */
  segments: Int32Array = new Int32Array(0);
  size = 0;
  /** Every segment name seen; index 0 is "". */
  readonly segmentNames: string[] = [""];
  private readonly segmentIndex = new Map<string, number>([["", 0]]);

  segmentOf(name: string): number {
    let index = this.segmentIndex.get(name);
    if (index === undefined) {
      index = this.segmentNames.length;
      this.segmentNames.push(name);
      this.segmentIndex.set(name, index);
    }
    return index;
  }

  hasSegment(name: string): boolean {
    return this.segmentIndex.has(name);
  }

  /** This series' index of a segment name, or -1 when it has no data for that segment. */
  indexOfSegment(name: string): number {
    return this.segmentIndex.get(name) ?? -1;
  }

  /** First entry index whose anchor is >= day. */
  lowerBound(day: Day): number {
    let lo = 0;
    let hi = this.size;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.anchors[mid]! < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the entry for (anchor, segment), or -1. */
  find(anchor: Day, segment: number): number {
    for (let i = this.lowerBound(anchor); i < this.size && this.anchors[i] === anchor; i++) {
      if (this.segments[i] === segment) return i;
    }
    return -1;
  }

  /** Sets one entry, keeping the order; answers the previous value or null. */
  set(period: Period, anchor: Day, segment: number, value: number): number | null {
    const found = this.find(anchor, segment);
    if (found >= 0) {
      const old = this.values[found]!;
      this.values[found] = value;
      return old;
    }
    this.ensureCapacity(this.size + 1);
    let at = this.lowerBound(anchor + 1);
    while (at > 0 && this.anchors[at - 1] === anchor && this.segments[at - 1]! > segment) at--;
    for (const column of [this.anchors, this.starts, this.lengths, this.segments] as const)
      column.copyWithin(at + 1, at, this.size);
    this.values.copyWithin(at + 1, at, this.size);
    this.anchors[at] = anchor;
    this.starts[at] = period.start;
    this.lengths[at] = period.end - period.start + 1;
    this.segments[at] = segment;
    this.values[at] = value;
    this.size++;
    return null;
  }

  /** Loads many entries at once (sorting once instead of inserting one by one). */
  load(entries: { period: Period; anchor: Day; segment: number; value: number }[]): void {
    entries.sort((a, b) => a.anchor - b.anchor || a.segment - b.segment);
    this.ensureCapacity(entries.length);
    let n = 0;
    for (const e of entries) {
      // A later duplicate of (anchor, segment) replaces the earlier one: the newest value wins.
      if (n > 0 && this.anchors[n - 1] === e.anchor && this.segments[n - 1] === e.segment) {
        this.values[n - 1] = e.value;
        continue;
      }
      this.anchors[n] = e.anchor;
      this.starts[n] = e.period.start;
      this.lengths[n] = e.period.end - e.period.start + 1;
      this.segments[n] = e.segment;
      this.values[n] = e.value;
      n++;
    }
    this.size = n;
  }

  private ensureCapacity(capacity: number): void {
    if (capacity <= this.values.length) return;
    const next = Math.max(capacity, this.values.length * 2, 16);
    const grow = <T extends Int32Array | Float64Array>(old: T, make: (n: number) => T): T => {
      const column = make(next);
      column.set(old.subarray(0, this.size));
      return column;
    };
    this.anchors = grow(this.anchors, (n) => new Int32Array(n));
    this.starts = grow(this.starts, (n) => new Int32Array(n));
    this.lengths = grow(this.lengths, (n) => new Int32Array(n));
    this.segments = grow(this.segments, (n) => new Int32Array(n));
    this.values = grow(this.values, (n) => new Float64Array(n));
  }
}

/** The day that places an entry of this period in coarser periods (ISO: a week's Thursday). */
export function anchorOf(period: Period): Day {
  return period.grain === "week" ? period.start + 3 : period.start;
}

/**
 * All actuals of a plan, one series per measured node. Measurements must already be
 * validated (the data-file reader and the plan preparation do that); a row for an unknown
 * or non-measured node is ignored here rather than thrown on.
 */
export class MeasurementStore {
  readonly series: (NodeSeries | null)[];
  private readonly periodCache = new Map<string, Period>();

  constructor(
    private readonly prepared: PreparedPlan,
    measurements: readonly Measurement[] = [],
  ) {
    this.series = prepared.nodes.map((node) => (node.measured ? new NodeSeries() : null));
    const pending = new Map<number, { period: Period; anchor: Day; segment: number; value: number }[]>();
    for (const m of measurements) {
      const node = prepared.byId.get(m.node);
      const series = node ? this.series[node.index] : null;
      if (!node || !series || !Number.isFinite(m.value)) continue;
      const period = this.period(m.period);
      const list = pending.get(node.index) ?? [];
      pending.set(node.index, list);
      list.push({
        period,
        anchor: anchorOf(period),
        segment: series.segmentOf(m.segment ?? ""),
        value: m.value,
      });
    }
    for (const [index, list] of pending) this.series[index]!.load(list);
  }

  period(id: string): Period {
    let period = this.periodCache.get(id);
    if (!period) {
      period = parsePeriod(id, this.prepared.calendar);
      this.periodCache.set(id, period);
    }
    return period;
  }

  /** Whether a measured node has any actual at all. */
  hasData(node: PreparedNode): boolean {
    return (this.series[node.index]?.size ?? 0) > 0;
  }

  /** Sets one value; answers the period it belongs to and the previous value (null if new). */
  set(m: Measurement): { period: Period; previous: number | null } {
    const node = this.prepared.byId.get(m.node);
    const series = node ? this.series[node.index] : null;
    if (!node || !series) throw new TypeError(`not a measured node: ${m.node}`);
    const period = this.period(m.period);
    const previous = series.set(period, anchorOf(period), series.segmentOf(m.segment ?? ""), m.value);
    return { period, previous };
  }
}
