/**
 * The read-only questions about a plan (evaluation, findings, solve, sensitivity, explain),
 * answered from a cached evaluator as the CLI answers them from a file.
 */
import {
  checkConsistency,
  type Day,
  dayFromIso,
  dayOfInstant,
  explainValue,
  type Lang,
  lintPlan,
  type Period,
  type PreparedPlan,
  presentCheck,
  presentEvaluation,
  presentExplanation,
  presentSensitivity,
  presentSolve,
  type SensitivityBasis,
  ShihyoError,
  sensitivity,
  solveTarget,
} from "@shihyo/engine";
import { AppError, AppErrorCode } from "../errors/appError.js";
import { serverMessages } from "../errors/problemMessages.js";
import { answerOnce, type EvaluatedPlan, type EvaluatorCache } from "./evaluatorCache.js";

function badParameter(name: string, message: (lang: Lang) => string): AppError {
  return new AppError(AppErrorCode.ValidationFailed, {
    errors: (lang) => [{ message: message(lang), path: `querystring.${name}` }],
  });
}

/** The as-of day asked for, or today in the plan's time zone. */
export function asOfDay(text: string | undefined, timezone: string, now: () => Date): Day {
  if (text === undefined) return dayOfInstant(now(), timezone);
  const day = dayFromIso(text);
  if (day === null) throw badParameter("asOf", (lang) => serverMessages[lang].badDate({ value: text }));
  return day;
}

/** A period id of the plan's calendar, or 400 naming the parameter. */
export function periodParameter(plan: EvaluatedPlan, text: string, name = "period"): Period {
  try {
    return plan.evaluator.period(text);
  } catch (error) {
    if (error instanceof ShihyoError) throw badParameter(name, (lang) => error.text(lang));
    throw error;
  }
}

/** A node id of the plan, or 400 naming the parameter. */
export function nodeParameter(prepared: PreparedPlan, id: string, name = "node"): string {
  if (!prepared.byId.has(id)) throw badParameter(name, (lang) => serverMessages[lang].unknownNode({ id }));
  return id;
}

export interface AnalysisScope {
  cache: EvaluatorCache;
  orgId: string;
  planId: string;
  now: () => Date;
}

/** Loads the plan at its current versions; the as-of day keys the context it will use. */
async function planAsOf(scope: AnalysisScope, asOf: string | undefined, segment: string | null) {
  // The plan's summary, read inside `get`, is the only store read of a warm request.
  const plan = await scope.cache.get(scope.orgId, scope.planId);
  const day = asOfDay(asOf, plan.prepared.calendar.timezone, scope.now);
  return { plan: await scope.cache.touch(scope.orgId, scope.planId, plan, day, segment), day };
}

export async function evaluation(
  scope: AnalysisScope,
  query: { period: string; asOf?: string | undefined; segment?: string | undefined },
) {
  const segment = query.segment ?? null;
  const { plan, day } = await planAsOf(scope, query.asOf, segment);
  const period = periodParameter(plan, query.period);
  return answerOnce(plan, `evaluation|${period.id}|${day}|${segment ?? ""}`, () =>
    presentEvaluation(plan.evaluator.evaluate({ period, asOf: day, segment })),
  );
}

/** The caller's language, given the plan's own (the fallback when the caller names none). */
export type LanguageFor = (planLocale: Lang | undefined) => Promise<Lang>;

export async function findings(
  scope: AnalysisScope,
  query: { asOf?: string | undefined },
  languageFor: LanguageFor,
) {
  const { plan, day } = await planAsOf(scope, query.asOf, null);
  const lang = await languageFor(plan.plan.calendar?.locale);
  return answerOnce(plan, `findings|${day}|${lang}`, () => {
    const found = lintPlan({ prepared: plan.prepared, evaluator: plan.evaluator, asOf: day });
    return presentCheck(found, checkConsistency(plan.prepared, plan.evaluator.targets), lang);
  });
}

export async function solve(
  scope: AnalysisScope,
  query: { node: string; for: string; period: string; shape?: "even" | "last-year" | undefined },
  languageFor: LanguageFor,
) {
  const plan = await scope.cache.get(scope.orgId, scope.planId);
  const lang = await languageFor(plan.plan.calendar?.locale);
  const node = nodeParameter(plan.prepared, query.node);
  const lever = nodeParameter(plan.prepared, query.for, "for");
  const period = periodParameter(plan, query.period);
  const shapeName = query.shape ?? "even";
  return answerOnce(plan, `solve|${node}|${lever}|${period.id}|${shapeName}|${lang}`, () => {
    const shape = shapeName === "last-year" ? plan.evaluator.lastYearShape(lever, period) : undefined;
    const result = solveTarget(plan.prepared, plan.evaluator.targets, {
      node,
      for: lever,
      period,
      ...(shape ? { shape } : {}),
    });
    return presentSolve(result, lang);
  });
}

export async function leverSensitivity(
  scope: AnalysisScope,
  query: { node: string; period: string; asOf?: string | undefined; basis?: SensitivityBasis | undefined },
) {
  const { plan, day } = await planAsOf(scope, query.asOf, null);
  const node = nodeParameter(plan.prepared, query.node);
  const period = periodParameter(plan, query.period);
  const basis = query.basis ?? "actual";
  return answerOnce(plan, `sensitivity|${node}|${period.id}|${day}|${basis}`, () =>
    presentSensitivity(sensitivity(plan.evaluator, { node, period, asOf: day, basis })),
  );
}

export async function explanation(
  scope: AnalysisScope,
  query: { node: string; period: string; asOf?: string | undefined; segment?: string | undefined },
) {
  const segment = query.segment ?? null;
  const { plan, day } = await planAsOf(scope, query.asOf, segment);
  const node = nodeParameter(plan.prepared, query.node);
  const period = periodParameter(plan, query.period);
  return answerOnce(plan, `explain|${node}|${period.id}|${day}|${segment ?? ""}`, () =>
    presentExplanation(explainValue(plan.evaluator, { node, period, asOf: day, segment })),
  );
}
