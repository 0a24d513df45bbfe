import type { ReactNode } from "react";
import { Link, useSearch } from "wouter";

/** A link to a node's detail page that keeps the plan and period of the page it is on. */
export function KpiLink({ id, children }: { id: string; children: ReactNode }) {
  const search = useSearch();
  return <Link href={`/kpi/${encodeURIComponent(id)}${search ? `?${search}` : ""}`}>{children}</Link>;
}
