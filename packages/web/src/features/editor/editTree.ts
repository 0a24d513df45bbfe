import { formulaReferences, parseFormula, type Role } from "@shihyo/engine";
import type { Draft, DraftNode } from "./planDraft";

/*
 * Changes to the tree's shape. The tree is the draft's node list: a node's children are the
 * nodes naming it as parent, in list order. Every function answers a new draft (or the same
 * one when nothing can change), never changes its argument.
 */

/** The keys of a node's children, in order. */
export function childrenOf(nodes: readonly DraftNode[], key: string): DraftNode[] {
  return nodes.filter((node) => node.parent === key);
}

/** The node's descendants' keys (children, their children…), not the node itself. */
export function descendantsOf(nodes: readonly DraftNode[], key: string): Set<string> {
  const found = new Set<string>();
  const stack = [key];
  while (stack.length > 0) {
    const current = stack.pop()!;
    for (const node of nodes) {
      if (node.parent === current && !found.has(node.key)) {
        found.add(node.key);
        stack.push(node.key);
      }
    }
  }
  return found;
}

/** Nodes that can become the parent of `key`: not itself, not one below it (that would be a loop). */
export function allowedParents(nodes: readonly DraftNode[], key: string): DraftNode[] {
  const below = descendantsOf(nodes, key);
  return nodes.filter((node) => node.key !== key && !below.has(node.key));
}

/** Top-level nodes and then each one's subtree, depth first, with its depth: the order the tree shows. */
export function treeOrder(nodes: readonly DraftNode[]): { node: DraftNode; depth: number }[] {
  const keys = new Set(nodes.map((node) => node.key));
  const out: { node: DraftNode; depth: number }[] = [];
  const visited = new Set<string>();
  const visit = (node: DraftNode, depth: number) => {
    if (visited.has(node.key)) return;
    visited.add(node.key);
    out.push({ node, depth });
    for (const child of childrenOf(nodes, node.key)) visit(child, depth + 1);
  };
  // A node whose parent is unknown shows at the top, as the check reports it.
  for (const node of nodes) if (node.parent === "" || !keys.has(node.parent)) visit(node, 0);
  // Nodes caught in a loop of parents (only a file can hold one) still show, at the top.
  for (const node of nodes) visit(node, 0);
  return out;
}

export type MoveRefusal = "wouldLoop" | "self";

/**
 * Makes `key` a child of `parentKey` ("" = top level), last among its new siblings. Refused
 * when the new parent is the node itself or below it.
 */
export function reparent(
  draft: Draft,
  key: string,
  parentKey: string,
): { ok: true; draft: Draft } | { ok: false; reason: MoveRefusal } {
  if (key === parentKey) return { ok: false, reason: "self" };
  if (parentKey !== "" && descendantsOf(draft.nodes, key).has(parentKey))
    return { ok: false, reason: "wouldLoop" };
  const node = draft.nodes.find((n) => n.key === key);
  if (!node) return { ok: true, draft };
  if (node.parent === parentKey) return { ok: true, draft };
  const rest = draft.nodes.filter((n) => n.key !== key);
  const moved = { ...node, parent: parentKey };
  // After the new parent's last child, else right after the parent; top level goes last.
  const siblings = rest.filter((n) => n.parent === parentKey);
  const anchor = siblings.at(-1)?.key ?? (parentKey === "" ? undefined : parentKey);
  const at = anchor === undefined ? rest.length : rest.findIndex((n) => n.key === anchor) + 1;
  return { ok: true, draft: { ...draft, nodes: [...rest.slice(0, at), moved, ...rest.slice(at)] } };
}

/** Swaps the node with its previous (-1) or next (+1) sibling; the same draft at either end. */
export function moveAmongSiblings(draft: Draft, key: string, step: -1 | 1): Draft {
  const node = draft.nodes.find((n) => n.key === key);
  if (!node) return draft;
  const siblings = draft.nodes.filter((n) => n.parent === node.parent);
  const other = siblings[siblings.indexOf(node) + step];
  if (!other) return draft;
  const i = draft.nodes.indexOf(node);
  const j = draft.nodes.indexOf(other);
  const nodes = [...draft.nodes];
  nodes[i] = other;
  nodes[j] = node;
  return { ...draft, nodes };
}

/** The ids a formula refers to; a formula that does not parse yet is read for anything id-like. */
export function referencedIds(formula: string): string[] {
  if (formula.trim() === "") return [];
  try {
    return formulaReferences(parseFormula(formula));
  } catch {
    return [...new Set(formula.match(/(?<![\w.])[a-z][a-z0-9_]*/g) ?? [])];
  }
}

/** The other nodes whose formula or weight uses the node with this id. */
export function usersOf(nodes: readonly DraftNode[], id: string): DraftNode[] {
  return nodes.filter(
    (node) => node.id !== id && (node.weight === id || referencedIds(node.formula).includes(id)),
  );
}

/**
 * Deletes a node. Its children move up to its parent. Refused while other nodes' formulas
 * (or weights) use it, naming them: deleting it would break their numbers.
 */
export function removeNode(
  draft: Draft,
  key: string,
): { ok: true; draft: Draft } | { ok: false; usedBy: DraftNode[] } {
  const node = draft.nodes.find((n) => n.key === key);
  if (!node) return { ok: true, draft };
  const usedBy = usersOf(draft.nodes, node.id);
  if (usedBy.length > 0) return { ok: false, usedBy };
  const nodes = draft.nodes
    .filter((n) => n.key !== key)
    .map((n) => (n.parent === key ? { ...n, parent: node.parent } : n));
  return { ok: true, draft: { ...draft, nodes } };
}

/** The role a new child gets: a KSF under a KGI, a KPI under anything else. */
export const childRole = (parentRole: Role): Role => (parentRole === "kgi" ? "ksf" : "kpi");

/** An id no node has yet: `new_kpi`, `new_kpi_2`, … */
export function freeId(nodes: readonly DraftNode[], role: Role): string {
  const taken = new Set(nodes.map((node) => node.id));
  const base = `new_${role}`;
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}_${n}`)) n++;
  return `${base}_${n}`;
}

/** A node added in the editor: monthly targets by default for numbers (rule T1 asks for a cadence). */
export function blankNode(options: { key: string; id: string; role: Role; parent: string }): DraftNode {
  return {
    key: options.key,
    savedId: null,
    id: options.id,
    role: options.role,
    name: "",
    parent: options.parent,
    definition: "",
    unit: "",
    direction: "",
    rangeMin: "",
    rangeMax: "",
    cadence: options.role === "ksf" ? "" : "month",
    grain: "",
    aggregation: "",
    weight: "",
    formula: "",
    tolerance: "",
    owner: "",
    department: "",
    tags: "",
    targets: [],
  };
}

/**
 * Adds a node after `afterKey`'s subtree (a sibling) or as the last child of `parentKey`,
 * in the parent's department, which is what people mostly want.
 */
export function addNode(
  draft: Draft,
  options: { key: string; role: Role; parent: string; after?: string },
): Draft {
  const parent = draft.nodes.find((n) => n.key === options.parent);
  const node = blankNode({ ...options, id: freeId(draft.nodes, options.role) });
  if (parent) node.department = parent.department;
  let at = draft.nodes.length;
  if (options.after !== undefined) {
    const after = options.after;
    const below = descendantsOf(draft.nodes, after);
    const last = draft.nodes.reduce((end, n, i) => (n.key === after || below.has(n.key) ? i : end), -1);
    if (last >= 0) at = last + 1;
  } else if (options.parent !== "") {
    const inSubtree = descendantsOf(draft.nodes, options.parent);
    const last = draft.nodes.reduce(
      (end, n, i) => (n.key === options.parent || inSubtree.has(n.key) ? i : end),
      -1,
    );
    if (last >= 0) at = last + 1;
  }
  return { ...draft, nodes: [...draft.nodes.slice(0, at), node, ...draft.nodes.slice(at)] };
}
