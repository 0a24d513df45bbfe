import { readCellNumber } from "./cellNumber";

/**
 * The key of a row of values: a node's own (unsegmented) actuals go by the node id, a
 * segment's by `node` U+0001 `segment` (node ids never hold a control character).
 */
export const rowKey = (node: string, segment: string): string =>
  segment === "" ? node : `${node}\u0001${segment}`;

export function splitRowKey(key: string): { node: string; segment: string } {
  const at = key.indexOf("\u0001");
  return at < 0 ? { node: key, segment: "" } : { node: key.slice(0, at), segment: key.slice(at + 1) };
}

/** Stored actuals by row key (node, or node and segment) and period. */
export type StoredValues = Readonly<Record<string, Readonly<Record<string, number>>>>;

/**
 * What was typed and not yet saved, by row key and period. Kept as the text typed (a wrong
 * number stays on screen to be fixed); a cell without a draft shows its stored value.
 * Immutable, one object per row, so that a row re-renders only when its own cells change.
 */
export type Drafts = Readonly<Record<string, Readonly<Record<string, string>>>>;

export type CellCheck =
  | { kind: "ok"; value: number | null }
  | { kind: "notNumber" }
  /** The API keeps every actual (history); a cell cannot be emptied, only given another value. */
  | { kind: "cannotDelete"; stored: number };

export function storedValue(stored: StoredValues, row: string, period: string): number | null {
  return stored[row]?.[period] ?? null;
}

export function checkDraft(text: string, stored: number | null, unit: string | undefined): CellCheck {
  const reading = readCellNumber(text, unit);
  if (!reading.ok) return { kind: "notNumber" };
  if (reading.value === null && stored !== null) return { kind: "cannotDelete", stored };
  return { kind: "ok", value: reading.value };
}

/**
 * The value a cell stands for now: its draft when that reads as a number, else what is stored
 * (a wrong draft is flagged on its own cell). `pending` when a draft decides it.
 */
export function currentValue(
  drafts: Drafts,
  stored: StoredValues,
  row: string,
  period: string,
  unit: string | undefined,
): { value: number | null; pending: boolean } {
  const old = storedValue(stored, row, period);
  const draft = drafts[row]?.[period];
  if (draft === undefined) return { value: old, pending: false };
  const check = checkDraft(draft, old, unit);
  return check.kind === "ok" ? { value: check.value, pending: true } : { value: old, pending: false };
}

/**
 * The drafts with a cell's text set (`row` is the row key); a text that means the stored
 * value (or nothing, where nothing is stored) is no change, and drops the draft.
 */
export function withDraft(
  drafts: Drafts,
  cell: { row: string; period: string; text: string },
  stored: number | null,
  unit: string | undefined,
): Drafts {
  const reading = readCellNumber(cell.text, unit);
  const same = reading.ok && reading.value === stored;
  const { [cell.period]: _old, ...others } = drafts[cell.row] ?? {};
  if (same) {
    if (!(cell.period in (drafts[cell.row] ?? {}))) return drafts;
    const { [cell.row]: _row, ...rest } = drafts;
    return Object.keys(others).length === 0 ? rest : { ...rest, [cell.row]: others };
  }
  return { ...drafts, [cell.row]: { ...others, [cell.period]: cell.text } };
}

export function draftCount(drafts: Drafts): number {
  let count = 0;
  for (const cells of Object.values(drafts)) count += Object.keys(cells).length;
  return count;
}

/** A row as the API takes it; no `segment` for a node's own actual. */
export interface SaveRow {
  node: string;
  period: string;
  value: number;
  segment?: string;
}

export interface CellProblem {
  /** The row key (see `rowKey`). */
  row: string;
  node: string;
  segment: string;
  period: string;
  check: Exclude<CellCheck, { kind: "ok" }>;
}

/**
 * The rows a save sends (`{ rows: [{ node, period, value, segment? }] }`), in the order the
 * nodes are listed, a node's own row before its segments (by name), and by period; or the
 * cells that stop it (a save is all or nothing, like an import).
 */
export function rowsToSave(
  drafts: Drafts,
  nodeOrder: readonly { id: string; unit?: string }[],
  stored: StoredValues,
): { rows: SaveRow[]; problems: CellProblem[] } {
  const rows: SaveRow[] = [];
  const problems: CellProblem[] = [];
  const units = new Map(nodeOrder.map((n, index) => [n.id, { unit: n.unit, index }]));
  const keys = Object.keys(drafts)
    .map((key) => ({ key, ...splitRowKey(key) }))
    .sort(
      (a, b) =>
        (units.get(a.node)?.index ?? Infinity) - (units.get(b.node)?.index ?? Infinity) ||
        (a.segment < b.segment ? -1 : a.segment > b.segment ? 1 : 0),
    );
  for (const { key, node, segment } of keys) {
    const cells = drafts[key]!;
    for (const period of Object.keys(cells).sort()) {
      const check = checkDraft(cells[period]!, storedValue(stored, key, period), units.get(node)?.unit);
      if (check.kind !== "ok") problems.push({ row: key, node, segment, period, check });
      else if (check.value !== null)
        rows.push(
          segment === ""
            ? { node, period, value: check.value }
            : { node, period, value: check.value, segment },
        );
    }
  }
  return { rows, problems };
}

/**
 * Stored values with the rows a save has just written: those cells are stored, and are shown
 * as such (not as unsaved) until the stored values are read back.
 */
export function withSavedRows(stored: StoredValues, saved: readonly SaveRow[]): StoredValues {
  if (saved.length === 0) return stored;
  const next: Record<string, Record<string, number>> = { ...stored };
  const copied = new Set<string>();
  for (const row of saved) {
    const key = rowKey(row.node, row.segment ?? "");
    if (!copied.has(key)) {
      next[key] = { ...next[key] };
      copied.add(key);
    }
    next[key]![row.period] = row.value;
  }
  return next;
}

/**
 * The drafts left after a save: those it did not carry, and those typed again while it ran
 * (`sent` is the drafts as they were sent).
 */
export function withoutSaved(drafts: Drafts, sent: Drafts, saved: readonly SaveRow[]): Drafts {
  let next = drafts;
  for (const row of saved) {
    const key = rowKey(row.node, row.segment ?? "");
    const cells = next[key];
    if (!cells || !(row.period in cells) || cells[row.period] !== sent[key]?.[row.period]) continue;
    const { [row.period]: _saved, ...others } = cells;
    const { [key]: _row, ...rest } = next;
    next = Object.keys(others).length === 0 ? rest : { ...rest, [key]: others };
  }
  return next;
}
