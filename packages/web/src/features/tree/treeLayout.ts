import { hierarchy, tree } from "d3-hierarchy";
import type { TreeItem } from "../../view/planView";

/** A node's box on the canvas (the CSS gives the cards the same size). */
export const NODE_WIDTH = 236;
export const NODE_HEIGHT = 148;
const GAP_X = 28;
const GAP_Y = 76;

export interface PlacedNode {
  id: string;
  item: TreeItem;
  /** Top-left corner, in canvas units. */
  x: number;
  y: number;
  depth: number;
  parent: string | null;
  /** Children in the plan, shown or not. */
  childCount: number;
  collapsed: boolean;
}

export interface TreeEdge {
  id: string;
  source: string;
  target: string;
  /** The parent's formula, carried by the edge to its first child only (shown once per fork). */
  formula: string | null;
}

export interface TreeLayout {
  nodes: PlacedNode[];
  edges: TreeEdge[];
}

/**
 * The tree laid out top-down (KGI → KSF → KPI) with d3's tidy tree: roots side by side,
 * the children of a collapsed node left out. Positions are the boxes' top-left corners.
 */
export function layoutTree(roots: readonly TreeItem[], collapsed: ReadonlySet<string>): TreeLayout {
  const top = hierarchy<TreeItem | null>(null, (item) =>
    item === null ? [...roots] : collapsed.has(item.view.node.id) ? [] : item.children,
  );
  const placed = tree<TreeItem | null>()
    .nodeSize([NODE_WIDTH + GAP_X, NODE_HEIGHT + GAP_Y])
    .separation((a, b) => (a.parent === b.parent ? 1 : 1.2))(top);

  const nodes: PlacedNode[] = [];
  const edges: TreeEdge[] = [];
  for (const point of placed.descendants()) {
    const item = point.data;
    if (item === null) continue;
    const id = item.view.node.id;
    const parent = point.parent?.data?.view.node.id ?? null;
    nodes.push({
      id,
      item,
      x: point.x - NODE_WIDTH / 2,
      y: (point.depth - 1) * (NODE_HEIGHT + GAP_Y),
      depth: point.depth - 1,
      parent,
      childCount: item.children.length,
      collapsed: item.children.length > 0 && collapsed.has(id),
    });
    (point.children ?? []).forEach((child, k) => {
      const childId = child.data!.view.node.id;
      edges.push({
        id: `${id}->${childId}`,
        source: id,
        target: childId,
        formula: k === 0 ? (item.view.node.formula ?? null) : null,
      });
    });
  }
  return { nodes, edges };
}

/** Collapses an expanded node, expands a collapsed one. */
export function toggleCollapsed(collapsed: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(collapsed);
  if (!next.delete(id)) next.add(id);
  return next;
}

/** Every node below an item, at any depth. */
export function descendantCount(item: TreeItem): number {
  return item.children.reduce((sum, child) => sum + 1 + descendantCount(child), 0);
}

/** The ids of a root and everything shown below it (to fit the view to one KGI's tree). */
export function subtreeIds(layout: TreeLayout, rootId: string): string[] {
  const below = new Map<string, string[]>();
  for (const edge of layout.edges) below.set(edge.source, [...(below.get(edge.source) ?? []), edge.target]);
  const ids: string[] = [];
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    ids.push(id);
    stack.push(...(below.get(id) ?? []));
  }
  return ids;
}

export type TreeKey = "ArrowUp" | "ArrowDown" | "ArrowLeft" | "ArrowRight" | "Home" | "End";
export const TREE_KEYS: readonly string[] = [
  "ArrowUp",
  "ArrowDown",
  "ArrowLeft",
  "ArrowRight",
  "Home",
  "End",
];

/**
 * Where an arrow key moves the focus from a shown node: up to its parent, down to its first
 * shown child, left and right along its row (same depth, by position), Home/End to the
 * row's ends. Null where there is nowhere to go.
 */
export function neighbourOf(layout: TreeLayout, id: string, key: TreeKey): string | null {
  const here = layout.nodes.find((n) => n.id === id);
  if (!here) return null;
  if (key === "ArrowUp") return here.parent;
  if (key === "ArrowDown") return layout.edges.find((e) => e.source === id)?.target ?? null;
  const row = layout.nodes.filter((n) => n.depth === here.depth).sort((a, b) => a.x - b.x);
  const at = row.findIndex((n) => n.id === id);
  const to =
    key === "ArrowLeft" ? at - 1 : key === "ArrowRight" ? at + 1 : key === "Home" ? 0 : row.length - 1;
  return to === at ? null : (row[to]?.id ?? null);
}
