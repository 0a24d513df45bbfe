import { meets } from "../../evaluate/assess.js";
import type { PreparedNode } from "../../model/preparePlan.js";
import { periodOfDay, previousPeriod, shiftPeriod } from "../../period/index.js";
import type { Period } from "../../period/types.js";
import { type Draft, draft, type LintContext, type RuleCheck } from "../lintContext.js";
import type { PeriodOutcome } from "../messages.js";

/** Relative slack so that a target equal to the actual up to rounding is not "below" it. */
const EPSILON = 1e-9;

/**
 * A1: each target not yet over, against the actual of the same period a year earlier,
 * else of the period just before. More growth than `stretch` (for `down`, a larger cut)
 * may be unachievable, unless the target says `basis: stretch`; a target the last actual
 * already meets may be too easy. Range nodes have no single direction and are skipped.
 */
export const checkAchievable: RuleCheck = (lint, options) => {
  const stretch = options.stretch as number;
  const drafts: Draft[] = [];
  for (const node of lint.numericNodes) {
    const direction = node.direction;
    if (direction === "range") continue;
    const targets = [...node.targets.values()].sort((a, b) => a.period.start - b.period.start);
    for (const target of targets) {
      if (lint.over(target.period)) continue;
      const reference = lint.referenceActual(node, target.period, false);
      if (!reference) continue;
      const base = {
        ...lint.ref(node),
        period: target.period.id,
        target: target.value,
        reference: reference.value,
        referencePeriod: reference.period.id,
        basis: reference.basis,
        direction,
      };
      const at = { node: node.id, period: target.period.id };
      const ref = reference.value;
      const slack = EPSILON * Math.max(1, Math.abs(ref));
      if (ref > 0) {
        const change = direction === "up" ? target.value / ref - 1 : (ref - target.value) / ref;
        if (change > stretch + EPSILON && target.basis !== "stretch") {
          const limitValue = direction === "up" ? ref * (1 + stretch) : ref * (1 - stretch);
          drafts.push(
            draft("A1.stretch", "A1.stretch.fix", at, { ...base, change, limit: stretch, limitValue }),
          );
          continue;
        }
      }
      const easy = direction === "up" ? target.value < ref - slack : target.value > ref + slack;
      if (easy) drafts.push(draft("A1.easy", "A1.easy.fix", { ...at, minor: true }, base));
    }
  }
  return drafts;
};

/**
 * A2: the last `periods` finished periods of the node's cadence, each with a target and a
 * whole actual. Missing every one suggests revising the target; beating every one by more
 * than `beat` (as a share of the target) suggests it is too easy.
 */
export const checkStreaks: RuleCheck = (lint, options) => {
  const count = options.periods as number;
  const beat = options.beat as number;
  const drafts: Draft[] = [];
  for (const node of lint.numericNodes) {
    const outcomes = lastOutcomes(lint, node, count);
    if (!outcomes) continue;
    const { direction, range } = node;
    const base = { ...lint.ref(node), owner: node.source.owner ?? null, grain: node.cadence!, outcomes };
    const at = { node: node.id, period: outcomes[outcomes.length - 1]!.period };
    if (outcomes.every((o) => !meets(o.actual, o.target, direction, range))) {
      drafts.push(draft("A2.missed", "A2.missed.fix", at, base));
      continue;
    }
    if (direction === "range") continue;
    const beaten = outcomes.every((o) => {
      const margin = direction === "up" ? o.actual - o.target : o.target - o.actual;
      return o.target !== 0 && margin > beat * Math.abs(o.target);
    });
    if (beaten) {
      const actuals = outcomes.map((o) => o.actual);
      const suggestion = direction === "up" ? Math.min(...actuals) : Math.max(...actuals);
      drafts.push(draft("A2.beaten", "A2.beaten.fix", { ...at, minor: true }, { ...base, beat, suggestion }));
    }
  }
  return drafts;
};

/** The node's last `count` finished periods, oldest first; null unless each has a target and a whole actual. */
function lastOutcomes(lint: LintContext, node: PreparedNode, count: number): PeriodOutcome[] | null {
  const current = periodOfDay(lint.asOf, node.cadence!, lint.calendar);
  const last: Period = lint.over(current) ? current : previousPeriod(current, lint.calendar);
  const outcomes: PeriodOutcome[] = [];
  for (let k = count - 1; k >= 0; k--) {
    const period = shiftPeriod(last, -k, lint.calendar);
    const target = lint.evaluator.targets.get(node, period);
    const actual = lint.finishedActual(node, period);
    if (!target || actual === null) return null;
    outcomes.push({ period: period.id, actual, target: target.value });
  }
  return outcomes;
}
