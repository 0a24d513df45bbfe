import { type Draft, draft, type RuleCheck } from "../lintContext.js";

/**
 * K1: keep 3–5 KPIs. More than `max` KPIs directly under one KGI or KSF, or owned by one
 * person, is too many to follow; a KGI or KSF that fewer than `min` KPIs lead to (through
 * parents or formulas, at any depth) has too little to steer by — the milder case.
 */
export const checkKpiCount: RuleCheck = (lint, options) => {
  const max = options.max as number;
  const min = options.min as number;
  const drafts: Draft[] = [];
  const kpis = lint.prepared.nodes.filter((n) => n.role === "kpi");
  for (const node of lint.prepared.nodes) {
    if (node.role === "kpi") continue;
    const ref = lint.ref(node);
    const under = node.children.filter((id) => lint.node(id).role === "kpi");
    if (under.length > max) {
      drafts.push(
        draft("K1.tooManyChildren", "K1.tooManyChildren.fix", ref, {
          ...ref,
          count: under.length,
          max,
          kpis: under,
        }),
      );
    }
    const leading = kpis.filter((kpi) => lint.reach(kpi.id).has(node.id)).length;
    if (leading < min) {
      drafts.push(
        draft(
          "K1.tooFew",
          "K1.tooFew.fix",
          { node: node.id, minor: true },
          { ...ref, role: node.role, count: leading, min },
        ),
      );
    }
  }
  const byOwner = new Map<string, string[]>();
  for (const kpi of kpis) {
    const owner = kpi.source.owner?.trim();
    if (owner) byOwner.set(owner, [...(byOwner.get(owner) ?? []), kpi.id]);
  }
  for (const [owner, owned] of byOwner) {
    if (owned.length > max) {
      drafts.push(
        draft(
          "K1.tooManyOwned",
          "K1.tooManyOwned.fix",
          { node: null },
          { owner, count: owned.length, max, kpis: owned },
        ),
      );
    }
  }
  return drafts;
};
