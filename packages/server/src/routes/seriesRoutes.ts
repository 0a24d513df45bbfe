import {
  defineMessages,
  type EvaluationDocument,
  isoFromDay,
  type Lang,
  type Period,
  periodsBetween,
  presentEvaluation,
} from "@shihyo/engine";
import { z } from "zod";
import { actorOf } from "../auth/requestAuth.js";
import { AppError, AppErrorCode } from "../errors/appError.js";
import { serverMessages } from "../errors/problemMessages.js";
import { asOfDay, periodParameter } from "../evaluation/analysis.js";
import type { EvaluatedPlan } from "../evaluation/evaluatorCache.js";
import { answerOnce } from "../evaluation/evaluatorCache.js";
import { sendJson } from "./analysisRoutes.js";
import type { App, RouteDeps } from "./app.js";
import { nodeNumbersSchema, planParams } from "./schemas.js";

/** More periods than this in one question is refused: five years of months. */
export const MAX_SERIES_PERIODS = 60;

const messages = defineMessages({
  en: {
    mixedGrains: (p: { from: string; to: string }) =>
      `"${p.from}" and "${p.to}" are periods of different lengths; give two months, two quarters, …`,
    backwards: (p: { from: string; to: string }) => `"${p.to}" comes before "${p.from}".`,
    tooMany: (p: { count: number; max: number }) =>
      `${p.count} periods is more than the ${p.max} one request may ask for; ask for a shorter range.`,
  },
  ja: {
    mixedGrains: (p: { from: string; to: string }) =>
      `「${p.from}」と「${p.to}」は長さの違う期間です。月どうし・四半期どうしのように指定してください。`,
    backwards: (p: { from: string; to: string }) => `「${p.to}」は「${p.from}」より前の期間です。`,
    tooMany: (p: { count: number; max: number }) =>
      `${p.count} 期間は 1 回で求められる上限 ${p.max} 期間を超えています。範囲を短くしてください。`,
  },
});

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD");

export const seriesQuery = z.object({
  from: z.string().min(1).max(40).meta({ description: "first period id (inclusive), e.g. 2026-04" }),
  to: z
    .string()
    .min(1)
    .max(40)
    .meta({ description: `last period id (inclusive), same grain; at most ${MAX_SERIES_PERIODS} periods` }),
  node: z.string().min(1).max(200).optional().meta({ description: "one node; default: every numeric node" }),
  asOf: day.optional().meta({ description: "default: today in the plan's time zone" }),
});

/** One period of a node: the fields of a node of `eval --json` for that period. */
const seriesPointSchema = nodeNumbersSchema.extend({ period: z.string() });

export const seriesSchema = z.object({
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  periods: z.array(z.string()),
  nodes: z.array(z.object({ id: z.string(), points: z.array(seriesPointSchema) })),
});

export type SeriesDocument = z.infer<typeof seriesSchema>;

function badParameter(name: string, message: (lang: Lang) => string): AppError {
  return new AppError(AppErrorCode.ValidationFailed, {
    errors: (lang) => [{ message: message(lang), path: `querystring.${name}` }],
  });
}

/** The periods from `from` to `to` inclusive, of one grain and not too many; else 400. */
export function seriesPeriods(plan: EvaluatedPlan, fromText: string, toText: string): Period[] {
  const from = periodParameter(plan, fromText, "from");
  const to = periodParameter(plan, toText, "to");
  if (from.grain !== to.grain)
    throw badParameter("to", (lang) => messages[lang].mixedGrains({ from: from.id, to: to.id }));
  if (to.start < from.start)
    throw badParameter("to", (lang) => messages[lang].backwards({ from: from.id, to: to.id }));
  const periods = periodsBetween(from.grain, from.start, to.end, plan.prepared.calendar);
  if (periods.length > MAX_SERIES_PERIODS)
    throw badParameter("to", (lang) =>
      messages[lang].tooMany({ count: periods.length, max: MAX_SERIES_PERIODS }),
    );
  return periods;
}

/**
 * The evaluation of each period, turned around: per node, its numbers period by period.
 * One evaluator context (the as-of day) serves every period; each period is a slot of it,
 * computed once and kept, so a warm series costs one assessment per period.
 */
export function buildSeries(
  plan: EvaluatedPlan,
  periods: readonly Period[],
  asOf: number,
  nodeId: string | null,
): SeriesDocument {
  const numeric = plan.prepared.nodes.filter((n) => n.numeric && (nodeId === null || n.id === nodeId));
  const points = new Map(numeric.map((n) => [n.id, [] as SeriesDocument["nodes"][number]["points"]]));
  for (const period of periods) {
    const evaluated: EvaluationDocument =
      nodeId === null
        ? plan.evaluator.evaluate({ period, asOf })
        : {
            period: period.id,
            asOf: isoFromDay(asOf),
            nodes: numeric.map((n) => plan.evaluator.assess(n.id, period, asOf)),
          };
    for (const { id, ...numbers } of presentEvaluation(evaluated).nodes)
      points.get(id)?.push({ period: period.id, ...numbers });
  }
  return {
    from: periods[0]!.id,
    to: periods[periods.length - 1]!.id,
    asOf: isoFromDay(asOf),
    periods: periods.map((p) => p.id),
    nodes: numeric.map((n) => ({ id: n.id, points: points.get(n.id)! })),
  };
}

/**
 * A node's (or every node's) numbers across a run of periods: the chart and table of the
 * KPI detail page. The same numbers as `GET …/evaluation` for each period.
 */
export function seriesRoutes(app: App, { cache, now }: RouteDeps): void {
  app.get(
    "/api/v1/plans/:id/series",
    {
      config: { access: "viewer" },
      schema: {
        tags: ["analysis"],
        summary: "Actual, target, forecast and status of a node (or every node) period by period",
        params: planParams,
        querystring: seriesQuery,
        response: {
          200: { description: "OK", content: { "application/json": { schema: seriesSchema } } },
        },
      },
    },
    async (request, reply) => {
      const { orgId } = actorOf(request);
      const planId = request.params.id;
      const { from, to, node, asOf } = request.query;
      const loaded = await cache.get(orgId, planId);
      const dayAsOf = asOfDay(asOf, loaded.prepared.calendar.timezone, now);
      const plan = await cache.touch(orgId, planId, loaded, dayAsOf, null);
      if (node !== undefined && !plan.prepared.byId.has(node))
        throw new AppError(AppErrorCode.NotFound, {
          detail: (lang) => serverMessages[lang].unknownNode({ id: node }),
        });
      const periods = seriesPeriods(plan, from, to);
      const question = `series|${periods[0]!.id}|${periods[periods.length - 1]!.id}|${node ?? ""}|${dayAsOf}`;
      const answer = answerOnce(plan, question, () => buildSeries(plan, periods, dayAsOf, node ?? null));
      return sendJson(request, reply, answer);
    },
  );
}
