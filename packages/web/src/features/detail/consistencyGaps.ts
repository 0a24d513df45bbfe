import type { FiscalCalendar } from "../../format/fiscalPeriod";
import { type MonthSpan, overlaps, periodSpan } from "./periodSpan";

/** A row of the check document's `consistency` (GET …/findings). */
export interface ConsistencyRow {
  node: string;
  period: string;
  target: number | null;
  implied: number | null;
  gap: number | null;
  gapRatio: number | null;
  consistent: boolean;
}

/** The answer of GET …/solve. */
export interface SolveAnswer {
  node: string;
  for: string;
  period: string;
  value: number | null;
  monthly?: Record<string, number | null>;
  unique: boolean;
  solutions?: (number | null)[];
  note?: string;
}

const FUNCTIONS = new Set(["min", "max", "abs", "round", "if"]);

/** The node ids a formula reads (identifiers that are not functions; `1e5` is a number). */
export function formulaInputs(formula: string): string[] {
  const ids = new Set<string>();
  for (const match of formula.matchAll(/(?<![\w.])[A-Za-z_]\w*/g)) {
    const after = formula.slice(match.index + match[0].length).trimStart();
    if (FUNCTIONS.has(match[0]) && after.startsWith("(")) continue;
    ids.add(match[0]);
  }
  return [...ids];
}

/** Every node whose formula reaches `nodeId`, directly or through other formulas. */
export function nodesReading(
  nodeId: string,
  nodes: readonly { id: string; formula?: string }[],
): Set<string> {
  const readers = new Map<string, string[]>();
  for (const node of nodes) {
    if (!node.formula) continue;
    for (const input of formulaInputs(node.formula))
      readers.set(input, [...(readers.get(input) ?? []), node.id]);
  }
  const found = new Set<string>();
  const queue = [nodeId];
  while (queue.length > 0) {
    for (const reader of readers.get(queue.pop()!) ?? []) {
      if (found.has(reader) || reader === nodeId) continue;
      found.add(reader);
      queue.push(reader);
    }
  }
  return found;
}

/**
 * The places where the tree no longer adds up because of this node: targets of nodes whose
 * formulas read it that differ from what the inputs' targets imply, in periods that share a
 * month with `within` (the fiscal year shown). KGIs first, then by period.
 */
export function gapsAbove(
  rows: readonly ConsistencyRow[],
  nodeId: string,
  nodes: readonly { id: string; role: string; formula?: string }[],
  within: MonthSpan,
  calendar: FiscalCalendar,
): ConsistencyRow[] {
  const readers = nodesReading(nodeId, nodes);
  const roleOf = new Map(nodes.map((n) => [n.id, n.role]));
  const start = (row: ConsistencyRow) => periodSpan(row.period, calendar)?.[0] ?? 0;
  return rows
    .filter((row) => {
      if (row.consistent || !readers.has(row.node)) return false;
      const span = periodSpan(row.period, calendar);
      return span !== null && overlaps(span, within);
    })
    .sort(
      (a, b) =>
        Number(roleOf.get(b.node) === "kgi") - Number(roleOf.get(a.node) === "kgi") || start(a) - start(b),
    );
}

/** A target to write so that the tree adds up again. */
export interface TargetChange {
  period: string;
  value: number;
}

const differs = (a: number, b: number) => Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/**
 * The targets to write to apply a solved value: the answer split over the lever's cadence
 * (or the period itself), skipping the periods whose target already has that value.
 */
export function changesFor(solve: SolveAnswer, currentTargets: ReadonlyMap<string, number>): TargetChange[] {
  if (solve.value === null) return [];
  const parts: [string, number | null][] = solve.monthly
    ? Object.entries(solve.monthly)
    : [[solve.period, solve.value]];
  return parts
    .filter((entry): entry is [string, number] => entry[1] !== null)
    .filter(([period, value]) => {
      const current = currentTargets.get(period);
      return current === undefined || differs(current, value);
    })
    .map(([period, value]) => ({ period, value }));
}
