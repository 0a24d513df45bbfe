import type { PreparedNode } from "../../model/preparePlan.js";
import { type Draft, draft, type LintContext, type RuleCheck } from "../lintContext.js";

/*
 * Patterns for suggesting a unit from a node's id and name. Rates come first: 受注率 and
 * win_rate are percentages even though 数 or "deal" might match later patterns.
 */
const UNIT_HINTS: readonly [RegExp, string | ((lint: LintContext) => string)][] = [
  [/率|割合|rate|ratio|cvr|ctr|share|churn|retention/i, "percent"],
  [/nps|csat|score|スコア|点数/i, "score"],
  [
    /売上|金額|単価|収益|費用|revenue|sales|amount|price|deal_size|mrr|arr|ltv|cost/i,
    (lint) => (lint.calendar.locale === "en" ? "USD" : "JPY"),
  ],
  [/時間|hours?|time/i, "hours"],
  [/日数|days|cycle|サイクル/i, "days"],
  [/数|件|人|count|lead|visitor|deal|user|customer|bug|release|opportunit|signup/i, "count"],
];

function suggestUnit(lint: LintContext, node: PreparedNode): string | null {
  const text = `${node.id} ${node.source.name ?? ""}`;
  for (const [pattern, unit] of UNIT_HINTS) {
    if (pattern.test(text)) return typeof unit === "string" ? unit : unit(lint);
  }
  return null;
}

const blank = (text: string | undefined) => text === undefined || text.trim() === "";

/** S1: every numeric node says what is counted and in which unit; one finding per missing field. */
export const checkDefinitionAndUnit: RuleCheck = (lint) => {
  const drafts: Draft[] = [];
  for (const node of lint.numericNodes) {
    const ref = lint.ref(node);
    if (blank(node.source.definition)) drafts.push(draft("S1.noDefinition", "S1.noDefinition.fix", ref, ref));
    if (blank(node.source.unit)) {
      drafts.push(draft("S1.noUnit", "S1.noUnit.fix", ref, { ...ref, unit: suggestUnit(lint, node) }));
    }
  }
  return drafts;
};

/**
 * S2: a target not yet over is written "from → to" when the node already has actuals
 * before it. One finding per node, on the earliest such target; the fix proposes the
 * actual it was compared with as the baseline.
 */
export const checkBaseline: RuleCheck = (lint) => {
  const drafts: Draft[] = [];
  for (const node of lint.numericNodes) {
    const open = [...node.targets.values()]
      .filter((t) => t.baseline === undefined && !lint.over(t.period))
      .sort((a, b) => a.period.start - b.period.start);
    let first: Draft | null = null;
    let count = 0;
    for (const target of open) {
      const reference = lint.referenceActual(node, target.period, true);
      if (!reference) continue;
      count++;
      first ??= draft(
        "S2.noBaseline",
        "S2.noBaseline.fix",
        { node: node.id, period: target.period.id },
        {
          ...lint.ref(node),
          period: target.period.id,
          target: target.value,
          reference: reference.value,
          referencePeriod: reference.period.id,
          basis: reference.basis,
          count: 0,
        },
      );
    }
    if (first) {
      first.params.count = count;
      drafts.push(first);
    }
  }
  return drafts;
};
