import type { RuleCheck } from "./lintContext.js";
import { checkAchievable, checkStreaks } from "./rules/achievable.js";
import { checkKpiCount } from "./rules/focus.js";
import { checkFreshness, checkOwner, checkReviews } from "./rules/health.js";
import { checkDataSource, checkVagueWords } from "./rules/measurable.js";
import { checkConsistencyGaps, checkLeadsToKgi } from "./rules/relevant.js";
import { checkBaseline, checkDefinitionAndUnit } from "./rules/specific.js";
import { checkCadenceOrder, checkTimeBound } from "./rules/timeBound.js";
import type { RuleId } from "./types.js";

/** The check behind each rule id. */
export const CHECKS: Readonly<Record<RuleId, RuleCheck>> = {
  S1: checkDefinitionAndUnit,
  S2: checkBaseline,
  M1: checkDataSource,
  M2: checkVagueWords,
  A1: checkAchievable,
  A2: checkStreaks,
  R1: checkLeadsToKgi,
  R2: checkConsistencyGaps,
  T1: checkTimeBound,
  T2: checkCadenceOrder,
  K1: checkKpiCount,
  H1: checkFreshness,
  H2: checkReviews,
  H3: checkOwner,
};
