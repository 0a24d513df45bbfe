import { compareGrains, contains } from "../../period/index.js";
import type { Grain } from "../../period/types.js";
import { type Draft, draft, type RuleCheck } from "../lintContext.js";

/**
 * T1: every KGI and KPI declares its cadence, and has a target for the current period of
 * it — set, rolled up or derived by formula, or set for a coarser period containing it.
 * Before the plan's first target period, that period counts as current, so a plan written
 * ahead of its fiscal year is not flagged for the months before it starts.
 */
export const checkTimeBound: RuleCheck = (lint) => {
  const drafts: Draft[] = [];
  for (const node of lint.numericNodes) {
    const ref = lint.ref(node);
    if (node.source.cadence === undefined) {
      const cadence: Grain =
        node.targets.size > 0 ? node.cadence! : node.role === "kgi" ? "quarter" : "month";
      drafts.push(draft("T1.noCadence", "T1.noCadence.fix", ref, { ...ref, cadence }));
    }
    const current = lint.currentPeriod(node.cadence!);
    if (lint.evaluator.targets.get(node, current)) continue;
    const coarser = [...node.targets.values()].some(
      (t) => compareGrains(t.period.grain, current.grain) > 0 && contains(t.period, current, lint.calendar),
    );
    if (coarser) continue;
    // The nearest target the node already has is the likeliest value for the missing one.
    const example =
      [...node.targets.values()].sort(
        (a, b) => Math.abs(a.period.start - current.start) - Math.abs(b.period.start - current.start),
      )[0]?.value ?? null;
    drafts.push(
      draft(
        "T1.noTarget",
        "T1.noTarget.fix",
        { node: node.id, period: current.id },
        { ...ref, period: current.id, computed: node.computed, upcoming: current.start > lint.asOf, example },
      ),
    );
  }
  return drafts;
};

/**
 * T2: a KPI's cadence is not coarser than that of the KGIs it serves first (the article:
 * KPIs monthly, KGIs quarterly to yearly). Only cadences the file states, or its targets
 * show, are compared; the finest KGI it falls behind is named.
 */
export const checkCadenceOrder: RuleCheck = (lint) => {
  const drafts: Draft[] = [];
  for (const node of lint.prepared.nodes) {
    if (node.role !== "kpi" || (node.source.cadence === undefined && node.targets.size === 0)) continue;
    const cadence = node.cadence!;
    const behind = lint
      .nearestKgis(node.id)
      .filter((kgi) => compareGrains(cadence, kgi.cadence!) > 0)
      .sort((a, b) => compareGrains(a.cadence!, b.cadence!));
    const kgi = behind[0];
    if (!kgi) continue;
    const kgiCadence = kgi.cadence!;
    const suggestion: Grain = compareGrains(kgiCadence, "month") > 0 ? "month" : kgiCadence;
    const ref = lint.ref(node);
    drafts.push(
      draft("T2.coarser", "T2.coarser.fix", ref, { ...ref, cadence, kgi: kgi.id, kgiCadence, suggestion }),
    );
  }
  return drafts;
};
