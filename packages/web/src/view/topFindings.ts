import type { Finding } from "../api/types";

const RANK: Record<Finding["severity"], number> = { error: 0, warning: 1, info: 2 };

/**
 * The findings a dashboard shows first: errors, then warnings, then notes, in the linter's
 * order within each; only those about the nodes shown (and plan-wide ones) when `nodeIds` is given.
 */
export function topFindings(
  findings: readonly Finding[],
  limit: number,
  nodeIds?: ReadonlySet<string>,
): { shown: Finding[]; total: number } {
  const relevant = findings.filter((f) => !nodeIds || f.node === null || nodeIds.has(f.node));
  const ranked = relevant
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => RANK[a.finding.severity] - RANK[b.finding.severity] || a.index - b.index)
    .map(({ finding }) => finding);
  return { shown: ranked.slice(0, limit), total: relevant.length };
}
