/*
 * Actuals by segment in the data-entry grid. The engine keeps a node's unsegmented actual as
 * one more segment (named ""): a total over all segments combines it with the named ones
 * (a sum adds it, a mean counts it, a stock adds its last value). So once a node has
 * segments, its own row is the read-only total of its segment rows, as the engine computes
 * it; an unsegmented actual stored beside segments shows as a row of its own, part of that
 * total, rather than as the node's row (where it would read as the total and be counted twice).
 * A node has segments in every period once any of its actuals, in any period, is by segment:
 * in a new month, a total typed into a plain row would be added to the segments' values.
 */
import { currentValue, type Drafts, rowKey, type StoredValues, splitRowKey } from "./drafts";

export type RowKind =
  /** A node without segments: its own actuals, typed in. */
  | "own"
  /** A node with segments: the total over its segments, read-only. */
  | "total"
  /** The unsegmented actuals of a node with segments. */
  | "unsegmented"
  | "segment";

export interface EntryRow<N> {
  /** The drafts' and stored values' key (`rowKey`); a total's never holds values. */
  key: string;
  node: N;
  kind: RowKind;
  /** "" for all but segment rows. */
  segment: string;
}

/** A total row's key: starts with the separator, so it is no row key of values. */
const totalKey = (node: string) => `\u0001${node}`;

/** Segment names per node, from the keys of stored values and drafts. */
function segmentsByNode(...sources: readonly Readonly<Record<string, unknown>>[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const source of sources)
    for (const key of Object.keys(source)) {
      const { node, segment } = splitRowKey(key);
      if (segment === "") continue;
      let names = out.get(node);
      if (!names) {
        names = new Set();
        out.set(node, names);
      }
      names.add(segment);
    }
  return out;
}

/** Segment names by node. */
export type SegmentNames = Readonly<Record<string, readonly string[]>>;

/** The segment names of every source, by node, each name once. */
export function mergeSegmentNames(...sources: readonly (SegmentNames | undefined)[]): SegmentNames {
  const out: Record<string, string[]> = {};
  for (const source of sources)
    for (const [node, names] of Object.entries(source ?? {})) {
      const list = out[node] ?? [];
      for (const name of names) if (!list.includes(name)) list.push(name);
      out[node] = list;
    }
  return out;
}

/**
 * The grid's rows: a node without segments has its own row; a node with segments has its
 * total, its unsegmented row when it has unsegmented actuals in the shown periods (stored or
 * typed), then a row per segment in `compare` order — also for a segment with no value in
 * the shown periods. Its segments: those `known` (the server's list over every period, and
 * those added by name), and those stored in the shown periods or typed.
 */
export function entryRows<N extends { id: string }>(
  nodes: readonly N[],
  stored: StoredValues,
  drafts: Drafts,
  known: SegmentNames,
  compare: (a: string, b: string) => number,
): EntryRow<N>[] {
  const found = segmentsByNode(stored, drafts);
  const rows: EntryRow<N>[] = [];
  for (const node of nodes) {
    const names = new Set([...(found.get(node.id) ?? []), ...(known[node.id] ?? [])]);
    if (names.size === 0) {
      rows.push({ key: node.id, node, kind: "own", segment: "" });
      continue;
    }
    rows.push({ key: totalKey(node.id), node, kind: "total", segment: "" });
    const own = stored[node.id];
    if ((own && Object.keys(own).length > 0) || drafts[node.id] !== undefined)
      rows.push({ key: node.id, node, kind: "unsegmented", segment: "" });
    for (const segment of [...names].sort(compare))
      rows.push({ key: rowKey(node.id, segment), node, kind: "segment", segment });
  }
  return rows;
}

/**
 * One period's value over segments, as the engine combines them (SEMANTICS §2.1, "across
 * segments"): sum for `sum`, and for `last` / `first` (a stock is the sum of each segment's
 * own value); the plain mean of all values for `average`; Σ(value·weight) / Σ(weight) for
 * `weighted_average` (a part without its weight is left out, as the engine leaves it out);
 * `min` / `max`. No parts (or no weight at all): no value.
 */
export function segmentTotal(
  aggregation: string,
  parts: readonly { segment: string; value: number }[],
  weightOf: (segment: string) => number | null = () => null,
): number | null {
  if (parts.length === 0) return null;
  const values = parts.map((p) => p.value);
  switch (aggregation) {
    case "sum":
    case "last":
    case "first":
      return values.reduce((a, b) => a + b, 0);
    case "average":
      return values.reduce((a, b) => a + b, 0) / values.length;
    case "min":
      return Math.min(...values);
    case "max":
      return Math.max(...values);
    case "weighted_average": {
      let weighted = 0;
      let weights = 0;
      for (const part of parts) {
        const weight = weightOf(part.segment);
        if (weight === null) continue;
        weighted += part.value * weight;
        weights += weight;
      }
      return weights === 0 ? null : weighted / weights;
    }
    default:
      return null;
  }
}

/**
 * A total row's cell: its node's value rows combined for one period, from what each cell
 * holds now (a draft that reads as a number, else the stored value). `pending` when a draft
 * counts in it. The weights of `weighted_average` are the weight node's values of the same
 * segment and period.
 */
export function totalAt(
  node: { id: string; unit?: string; aggregation: string; weight?: string },
  valueRows: readonly { key: string; segment: string }[],
  period: string,
  stored: StoredValues,
  drafts: Drafts,
): { value: number | null; pending: boolean } {
  let pending = false;
  const parts: { segment: string; value: number }[] = [];
  for (const row of valueRows) {
    const current = currentValue(drafts, stored, row.key, period, node.unit);
    if (current.pending) pending = true;
    if (current.value !== null) parts.push({ segment: row.segment, value: current.value });
  }
  const weight = node.weight;
  const weightOf =
    weight === undefined
      ? undefined
      : (segment: string) => currentValue(drafts, stored, rowKey(weight, segment), period, undefined).value;
  return { value: segmentTotal(node.aggregation, parts, weightOf), pending };
}

export type SegmentNameCheck =
  | { ok: true; name: string }
  | { ok: false; reason: "empty" | "control" }
  | { ok: false; reason: "duplicate"; existing: string };

/** Names that differ only in letter case or character width ("East" / "east" / "Ｅａｓｔ"). */
const sameName = (name: string) => name.normalize("NFKC").toLowerCase();

/**
 * A new segment's name, as typed: trimmed (a data file's cells are trimmed too); not empty
 * (the API stores an empty segment as no segment); no tab, line break or other control
 * character (they would break the CSV and tab-separated copies); not one of the node's
 * segments again, also not one that differs only in case or in full- / half-width
 * characters (the API would keep both as different segments — almost always a typing slip).
 */
export function checkSegmentName(text: string, existing: readonly string[]): SegmentNameCheck {
  const name = text.trim();
  if (name === "") return { ok: false, reason: "empty" };
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f-\u009f]/.test(name)) return { ok: false, reason: "control" };
  const same = sameName(name);
  const clash = existing.find((e) => sameName(e) === same);
  if (clash !== undefined) return { ok: false, reason: "duplicate", existing: clash };
  return { ok: true, name };
}
