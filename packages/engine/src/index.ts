/**
 * The Shihyo engine: every number of a KPI plan, computed as SEMANTICS.md defines it.
 * Pure: no I/O, no environment, no clock — the as-of day is always an argument. This file
 * is the engine's whole public surface.
 */

export { CONSISTENCY_THRESHOLD, type ConsistencyRow, checkConsistency } from "./analyze/consistency.js";
export { findRoots } from "./analyze/findRoots.js";
export { analyzeMessages } from "./analyze/messages.js";
export {
  type Lever,
  type SensitivityBasis,
  type SensitivityResult,
  sensitivity,
} from "./analyze/sensitivity.js";
export { describeSolveNote, type SolveResult, solveTarget, splitOverCadence } from "./analyze/solveTarget.js";
export {
  presentWhatIf,
  type WhatIfChange,
  type WhatIfDocument,
  type WhatIfOptions,
  whatIf,
} from "./analyze/whatIf.js";
export { closestMatch, editDistance } from "./closestMatch.js";
export { type DemoDataOptions, generateDemoData } from "./demo/generateDemoData.js";
export { seededRandom } from "./demo/seededRandom.js";
export { type ErrorLocation, ShihyoError } from "./errors.js";
export { linearTrendAt, meets, progressOf, STATUSES, type Status, statusOf } from "./evaluate/assess.js";
export {
  assessPeriod,
  type ExpectedMethod,
  type ForecastMethod,
  type NodeAssessment,
} from "./evaluate/assessPeriod.js";
export { type ActualSource, EvaluationContext, type NoValueReason } from "./evaluate/evaluationContext.js";
export { type EvaluateOptions, type EvaluationDocument, Evaluator, toDay } from "./evaluate/evaluator.js";
export { type Explanation, explainValue } from "./evaluate/explain.js";
export { MeasurementStore, NodeSeries } from "./evaluate/measurementStore.js";
export { type ResolvedTarget, TargetResolver, type TargetSource } from "./evaluate/resolveTarget.js";
export { emptyRollUp, type RollUpResult, rollUp } from "./evaluate/rollUp.js";
export * from "./file/index.js";
export * from "./formula/index.js";
export { grainName } from "./i18n/grainNames.js";
export { isLang, LANGS, type Lang } from "./i18n/lang.js";
export { defineMessages, formatNumber } from "./i18n/messages.js";
export * from "./lint/index.js";
export { modelMessages } from "./model/messages.js";
export {
  checkDataRows,
  type PlanIssue,
  type PreparedNode,
  type PreparedPlan,
  type PreparedTarget,
  type PrepareResult,
  preparePlan,
} from "./model/preparePlan.js";
export * from "./model/types.js";
export * from "./period/index.js";
export * from "./period/types.js";
export * from "./present/presentDocuments.js";
export { roundForDisplay } from "./roundForDisplay.js";
