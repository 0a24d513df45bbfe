/** A row of the check document's `consistency` (GET …/findings): does the tree add up here? */
export interface ConsistencyRow {
  node: string;
  period: string;
  target: number | null;
  implied: number | null;
  gap: number | null;
  gapRatio: number | null;
  consistent: boolean;
}

/**
 * The nodes whose own target the targets of their inputs do not deliver in this period (the
 * check's `consistent: false` rows), by node id: where the tree does not add up.
 */
export function gapsByNode(
  rows: readonly ConsistencyRow[] | undefined,
  period: string,
): Map<string, ConsistencyRow> {
  const gaps = new Map<string, ConsistencyRow>();
  for (const row of rows ?? []) if (!row.consistent && row.period === period) gaps.set(row.node, row);
  return gaps;
}
