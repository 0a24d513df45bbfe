import { readCellNumber } from "./cellNumber";

/** Stored actuals without a segment, by node and period. */
export type StoredValues = Readonly<Record<string, Readonly<Record<string, number>>>>;

/**
 * What was typed and not yet saved, by node and period. Kept as the text typed (a wrong
 * number stays on screen to be fixed); a cell without a draft shows its stored value.
 * Immutable, one object per node, so that a row re-renders only when its own cells change.
 */
export type Drafts = Readonly<Record<string, Readonly<Record<string, string>>>>;

export type CellCheck =
  | { kind: "ok"; value: number | null }
  | { kind: "notNumber" }
  /** The API keeps every actual (history); a cell cannot be emptied, only given another value. */
  | { kind: "cannotDelete"; stored: number };

export function storedValue(stored: StoredValues, node: string, period: string): number | null {
  return stored[node]?.[period] ?? null;
}

export function checkDraft(text: string, stored: number | null, unit: string | undefined): CellCheck {
  const reading = readCellNumber(text, unit);
  if (!reading.ok) return { kind: "notNumber" };
  if (reading.value === null && stored !== null) return { kind: "cannotDelete", stored };
  return { kind: "ok", value: reading.value };
}

/**
 * The drafts with a cell's text set; a text that means the stored value (or nothing, where
 * nothing is stored) is no change, and drops the draft.
 */
export function withDraft(
  drafts: Drafts,
  cell: { node: string; period: string; text: string },
  stored: number | null,
  unit: string | undefined,
): Drafts {
  const reading = readCellNumber(cell.text, unit);
  const same = reading.ok && reading.value === stored;
  const { [cell.period]: _old, ...others } = drafts[cell.node] ?? {};
  if (same) {
    if (!(cell.period in (drafts[cell.node] ?? {}))) return drafts;
    const { [cell.node]: _node, ...rest } = drafts;
    return Object.keys(others).length === 0 ? rest : { ...rest, [cell.node]: others };
  }
  return { ...drafts, [cell.node]: { ...others, [cell.period]: cell.text } };
}

export function draftCount(drafts: Drafts): number {
  let count = 0;
  for (const cells of Object.values(drafts)) count += Object.keys(cells).length;
  return count;
}

export interface SaveRow {
  node: string;
  period: string;
  value: number;
}

export interface CellProblem {
  node: string;
  period: string;
  check: Exclude<CellCheck, { kind: "ok" }>;
}

/**
 * The rows a save sends (`{ rows: [{ node, period, value }] }`), in the order the nodes are
 * listed and by period; or the cells that stop it (a save is all or nothing, like an import).
 */
export function rowsToSave(
  drafts: Drafts,
  nodeOrder: readonly { id: string; unit?: string }[],
  stored: StoredValues,
): { rows: SaveRow[]; problems: CellProblem[] } {
  const rows: SaveRow[] = [];
  const problems: CellProblem[] = [];
  const units = new Map(nodeOrder.map((n, index) => [n.id, { unit: n.unit, index }]));
  const nodes = Object.keys(drafts).sort(
    (a, b) => (units.get(a)?.index ?? Infinity) - (units.get(b)?.index ?? Infinity),
  );
  for (const node of nodes) {
    const cells = drafts[node]!;
    for (const period of Object.keys(cells).sort()) {
      const check = checkDraft(cells[period]!, storedValue(stored, node, period), units.get(node)?.unit);
      if (check.kind !== "ok") problems.push({ node, period, check });
      else if (check.value !== null) rows.push({ node, period, value: check.value });
    }
  }
  return { rows, problems };
}

/**
 * The drafts left after a save: those it did not carry, and those typed again while it ran
 * (`sent` is the drafts as they were sent).
 */
export function withoutSaved(drafts: Drafts, sent: Drafts, saved: readonly SaveRow[]): Drafts {
  let next = drafts;
  for (const row of saved) {
    const cells = next[row.node];
    if (!cells || !(row.period in cells) || cells[row.period] !== sent[row.node]?.[row.period]) continue;
    const { [row.period]: _saved, ...others } = cells;
    const { [row.node]: _node, ...rest } = next;
    next = Object.keys(others).length === 0 ? rest : { ...rest, [row.node]: others };
  }
  return next;
}
