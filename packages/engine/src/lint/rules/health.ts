import type { PreparedNode } from "../../model/preparePlan.js";
import { isoFromDay, periodOfDay, previousPeriod, shiftPeriod } from "../../period/index.js";
import type { Grain, Period } from "../../period/types.js";
import { type Draft, draft, type LintContext, type RuleCheck } from "../lintContext.js";

/** The latest period of a grain that has ended on the as-of day: what data should reach by now. */
function lastEnded(lint: LintContext, grain: Grain): Period {
  const current = periodOfDay(lint.asOf, grain, lint.calendar);
  return lint.over(current) ? current : previousPeriod(current, lint.calendar);
}

/**
 * H1: a measured node is stale when `factor` whole periods of its grain have ended since
 * its latest actual (daily data 2 days late, monthly data 2 months late), or when it has
 * never had data and as many periods have ended since its first target period began.
 * Periods, not a fixed number of days, so months of 28 to 31 days are alike. A plan with no
 * data at all is being checked before data exist, not neglected: H1 says nothing then. A
 * node with a formula falls back to its model without data, so only its going stale counts.
 */
export const checkFreshness: RuleCheck = (lint, options) => {
  const factor = options.factor as number;
  const { store } = lint.evaluator;
  if (!lint.prepared.nodes.some((n) => store.hasData(n))) return [];
  const drafts: Draft[] = [];
  for (const node of lint.numericNodes) {
    if (!node.measured) continue;
    const expected = lastEnded(lint, node.grain).id;
    const latest = lint.latestEntryStart(node, lint.asOf + 1);
    if (latest !== null) {
      const last = periodOfDay(latest, node.grain, lint.calendar);
      if (!overdue(lint, last, factor)) continue;
      drafts.push(
        draft(
          "H1.stale",
          "H1.stale.fix",
          { node: node.id, period: last.id },
          { ...lint.ref(node), last: last.id, grain: node.grain, factor, expected },
        ),
      );
      continue;
    }
    if (node.computed) continue;
    const first = firstTargetPeriod(node);
    if (!first) continue;
    const before = periodOfDay(first.start - 1, node.grain, lint.calendar);
    if (!overdue(lint, before, factor)) continue;
    drafts.push(
      draft(
        "H1.never",
        "H1.never.fix",
        { node: node.id, period: first.id },
        { ...lint.ref(node), period: first.id, grain: node.grain, factor, expected },
      ),
    );
  }
  return drafts;
};

/** Whether `factor` whole periods after `last` have ended before the as-of day. */
function overdue(lint: LintContext, last: Period, factor: number): boolean {
  return shiftPeriod(last, factor, lint.calendar).end < lint.asOf;
}

function firstTargetPeriod(node: PreparedNode): Period | null {
  let first: Period | null = null;
  for (const { period } of node.targets.values()) if (!first || period.start < first.start) first = period;
  return first;
}

/**
 * H2 (only where reviews are recorded): each KGI has a review since the start of the last
 * finished review cycle (`cycle`, monthly by default: the article's 月次 KPI evaluation).
 * A review of the whole plan, of the KGI, or of any node leading to it counts. Without
 * KGIs, the plan as a whole is checked. Cycles before the plan's first target period are
 * not asked for.
 */
export const checkReviews: RuleCheck = (lint, options) => {
  const reviews = lint.reviews;
  if (reviews === null || lint.planStart === null) return [];
  const cycle = options.cycle as Grain;
  const due = lastEnded(lint, cycle);
  if (lint.planStart > due.start) return [];
  const latest = (counts: (node: string | null) => boolean): number | null => {
    let last: number | null = null;
    for (const review of reviews) {
      if (review.at <= lint.asOf && counts(review.node) && (last === null || review.at > last))
        last = review.at;
    }
    return last;
  };
  const params = (last: number | null) => ({
    cycle,
    period: due.id,
    last: last === null ? null : isoFromDay(last),
  });
  const kgis = lint.prepared.nodes.filter((n) => n.role === "kgi");
  if (kgis.length === 0) {
    const last = latest(() => true);
    return last !== null && last >= due.start
      ? []
      : [draft("H2.planNoReview", "H2.noReview.fix", { node: null, period: due.id }, params(last))];
  }
  const drafts: Draft[] = [];
  for (const kgi of kgis) {
    const last = latest(
      (node) =>
        node === null || node === kgi.id || (lint.prepared.byId.has(node) && lint.reach(node).has(kgi.id)),
    );
    if (last !== null && last >= due.start) continue;
    drafts.push(
      draft(
        "H2.noReview",
        "H2.noReview.fix",
        { node: kgi.id, period: due.id },
        { ...lint.ref(kgi), ...params(last) },
      ),
    );
  }
  return drafts;
};

/** H3: every KGI and KPI has an owner who answers for it. */
export const checkOwner: RuleCheck = (lint) =>
  lint.numericNodes
    .filter((node) => !node.source.owner?.trim())
    .map((node) => {
      const ref = lint.ref(node);
      return draft("H3.noOwner", "H3.noOwner.fix", ref, ref);
    });
