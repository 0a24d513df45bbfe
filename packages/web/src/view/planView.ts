import type { Evaluation, NodeEvaluation, PlanNode } from "../api/types";
import { catalogs, type Lang } from "../i18n/catalog";

/** A node with its numbers for the period (null where the evaluation has none, e.g. a KSF). */
export interface NodeView {
  node: PlanNode;
  numbers: NodeEvaluation | null;
}

export function joinNumbers(nodes: readonly PlanNode[], evaluation: Evaluation | undefined): NodeView[] {
  const byId = new Map(evaluation?.nodes.map((n) => [n.id, n]));
  return nodes.map((node) => ({ node, numbers: byId.get(node.id) ?? null }));
}

/** KPIs by department, departments in the order the plan first names them; no department last. */
export function groupByDepartment(
  views: readonly NodeView[],
): { department: string | null; views: NodeView[] }[] {
  const groups = new Map<string | null, NodeView[]>();
  for (const view of views) {
    const key = view.node.department ?? null;
    groups.set(key, [...(groups.get(key) ?? []), view]);
  }
  return [...groups]
    .map(([department, members]) => ({ department, views: members }))
    .sort((a, b) => Number(a.department === null) - Number(b.department === null));
}

export interface TreeItem {
  view: NodeView;
  children: TreeItem[];
}

/** The plan's nodes as a tree by `parent`, in file order; a node whose parent is unknown is a root. */
export function buildTree(views: readonly NodeView[]): TreeItem[] {
  const items = new Map(views.map((view) => [view.node.id, { view, children: [] as TreeItem[] }]));
  const roots: TreeItem[] = [];
  for (const item of items.values()) {
    const parent = item.view.node.parent ? items.get(item.view.node.parent) : undefined;
    (parent ? parent.children : roots).push(item);
  }
  return roots;
}

/** A department's name in the user's language; a department the catalogs do not know keeps its id. */
export function departmentName(department: string, lang: Lang): string {
  const names: Record<string, string> = catalogs[lang].departments;
  return Object.hasOwn(names, department) ? names[department]! : department;
}
