import type { Plan, PlanNode } from "@shihyo/engine";

export interface NodeChange {
  id: string;
  name: string | undefined;
  /** The node's fields that differ, in the file's order (`targets` as one). */
  fields: (keyof PlanNode)[];
}

/** What replacing one KPI file by another changes. */
export interface PlanDiff {
  name: { before: string; after: string } | null;
  calendar: boolean;
  added: PlanNode[];
  removed: PlanNode[];
  changed: NodeChange[];
  /** Nodes kept, but listed in another order (siblings moved up or down). */
  reordered: boolean;
  lint: boolean;
  /** Actuals the new file carries (`data:`); they are imported with it. */
  dataRows: number;
}

const NODE_FIELDS: readonly (keyof PlanNode)[] = [
  "role",
  "name",
  "parent",
  "definition",
  "unit",
  "direction",
  "range",
  "cadence",
  "grain",
  "aggregation",
  "weight",
  "formula",
  "tolerance",
  "owner",
  "department",
  "tags",
  "targets",
];

/** Same value, whatever the order of an object's keys (a file may list targets in any order). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, i) => same(item, b[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every(
    (k) => Object.hasOwn(b, k) && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}

/** Nodes are matched by id: a node whose id changed is one removed and one added (its data go with it). */
export function diffPlans(before: Plan, after: Plan): PlanDiff {
  const beforeById = new Map(before.nodes.map((n) => [n.id, n]));
  const afterById = new Map(after.nodes.map((n) => [n.id, n]));
  const changed: NodeChange[] = [];
  for (const node of after.nodes) {
    const old = beforeById.get(node.id);
    if (!old) continue;
    const fields = NODE_FIELDS.filter((field) => !same(old[field], node[field]));
    if (fields.length > 0) changed.push({ id: node.id, name: node.name ?? old.name, fields });
  }
  const keptBefore = before.nodes.filter((n) => afterById.has(n.id)).map((n) => n.id);
  const keptAfter = after.nodes.filter((n) => beforeById.has(n.id)).map((n) => n.id);
  return {
    name: before.name === after.name ? null : { before: before.name, after: after.name },
    calendar: !same(before.calendar ?? {}, after.calendar ?? {}),
    added: after.nodes.filter((n) => !beforeById.has(n.id)),
    removed: before.nodes.filter((n) => !afterById.has(n.id)),
    changed,
    reordered: !same(keptBefore, keptAfter),
    lint: !same(before.lint ?? {}, after.lint ?? {}),
    dataRows: after.data?.length ?? 0,
  };
}

/** Whether the diff changes anything at all. */
export function isEmptyDiff(diff: PlanDiff): boolean {
  return (
    diff.name === null &&
    !diff.calendar &&
    diff.added.length === 0 &&
    diff.removed.length === 0 &&
    diff.changed.length === 0 &&
    !diff.reordered &&
    !diff.lint &&
    diff.dataRows === 0
  );
}
