import type { NodeView } from "./planView";

/** What the dashboard's KPI section shows: every KPI, or one department's, or one owner's. */
export interface DashboardFilter {
  department: string | null;
  owner: string | null;
}

export const NO_FILTER: DashboardFilter = { department: null, owner: null };

/** The filter kept in the URL (`?dept=sales&owner=sales-head`); empty values mean "all". */
export function filterFromSearch(params: URLSearchParams): DashboardFilter {
  return { department: params.get("dept") || null, owner: params.get("owner") || null };
}

/** The search string with the filter set (other parameters, such as plan and period, kept). */
export function searchWithFilter(params: URLSearchParams, filter: DashboardFilter): string {
  const next = new URLSearchParams(params);
  for (const [key, value] of [
    ["dept", filter.department],
    ["owner", filter.owner],
  ] as const) {
    if (value === null) next.delete(key);
    else next.set(key, value);
  }
  return next.toString();
}

export function matchesFilter(view: NodeView, filter: DashboardFilter): boolean {
  return (
    (filter.department === null || view.node.department === filter.department) &&
    (filter.owner === null || view.node.owner === filter.owner)
  );
}

/** The departments and owners the plan's KPIs name, each once, in the order the plan names them. */
export function filterChoices(views: readonly NodeView[]): { departments: string[]; owners: string[] } {
  const departments = new Set<string>();
  const owners = new Set<string>();
  for (const { node } of views) {
    if (node.department) departments.add(node.department);
    if (node.owner) owners.add(node.owner);
  }
  return { departments: [...departments], owners: [...owners] };
}
