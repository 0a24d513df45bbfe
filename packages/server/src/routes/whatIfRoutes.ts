import { type Lang, type Period, presentWhatIf, ShihyoError, whatIf } from "@shihyo/engine";
import { actorOf } from "../auth/requestAuth.js";
import { AppError, AppErrorCode, type ProblemItem } from "../errors/appError.js";
import { serverMessages } from "../errors/problemMessages.js";
import { asOfDay } from "../evaluation/analysis.js";
import type { EvaluatedPlan } from "../evaluation/evaluatorCache.js";
import type { App, RouteDeps } from "./app.js";
import { planParams, whatIfBody, whatIfSchema } from "./schemas.js";

type Problems = ((lang: Lang) => ProblemItem)[];

function invalid(problems: Problems): AppError {
  return new AppError(AppErrorCode.ValidationFailed, { errors: (lang) => problems.map((p) => p(lang)) });
}

function periodOf(plan: EvaluatedPlan, text: string): Period {
  try {
    return plan.evaluator.period(text);
  } catch (error) {
    if (error instanceof ShihyoError)
      throw invalid([(lang) => ({ message: error.text(lang), path: "body.period" })]);
    throw error;
  }
}

/** Every value must belong to a measured node: a computed node's value is its formula's. */
function checkLevers(plan: EvaluatedPlan, ids: readonly string[]): void {
  const problems: Problems = [];
  for (const id of ids) {
    const node = plan.prepared.byId.get(id);
    const path = `body.values.${id}`;
    if (!node) problems.push((lang) => ({ message: serverMessages[lang].unknownNode({ id }), path }));
    else if (!node.numeric)
      problems.push((lang) => ({ message: serverMessages[lang].notNumeric({ id }), path }));
    else if (!node.measured)
      problems.push((lang) => ({ message: serverMessages[lang].notMeasured({ id }), path }));
  }
  if (problems.length > 0) throw invalid(problems);
}

/**
 * What-if: the evaluation of a period with some actuals replaced, computed by the engine on
 * a context of its own (the cached evaluator is only read). Viewers may ask; nothing is written.
 */
export function whatIfRoutes(app: App, { cache, now }: RouteDeps): void {
  app.post(
    "/api/v1/plans/:id/what-if",
    {
      config: { access: "viewer" },
      schema: {
        tags: ["analysis"],
        summary:
          "The evaluation of a period with some measured nodes' actuals replaced, and what moved (writes nothing)",
        params: planParams,
        body: whatIfBody,
        response: { 200: whatIfSchema },
      },
    },
    async (request) => {
      const { period, asOf, values } = request.body;
      const plan = await cache.get(actorOf(request).orgId, request.params.id);
      const day = asOfDay(asOf, plan.prepared.calendar.timezone, now);
      checkLevers(plan, Object.keys(values));
      return presentWhatIf(
        whatIf(plan.evaluator, {
          period: periodOf(plan, period),
          asOf: day,
          values: new Map(Object.entries(values)),
        }),
      );
    },
  );
}
