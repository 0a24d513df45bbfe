import { gzipSync } from "node:zlib";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { ZodType } from "zod";
import { actorOf } from "../auth/requestAuth.js";
import {
  type AnalysisScope,
  evaluation,
  explanation,
  findings,
  leverSensitivity,
  solve,
} from "../evaluation/analysis.js";
import type { Answer } from "../evaluation/evaluatorCache.js";
import type { App, RouteDeps } from "./app.js";
import { languageOf } from "./app.js";
import {
  evaluationQuery,
  evaluationSchema,
  explainQuery,
  explainSchema,
  findingsQuery,
  findingsSchema,
  planParams,
  sensitivityQuery,
  sensitivitySchema,
  solveQuery,
  solveSchema,
} from "./schemas.js";

/** An answer documented by its schema but written as JSON text already made (and cached). */
const jsonAnswer = (schema: ZodType) => ({ description: "OK", content: { "application/json": { schema } } });
/**
 * Writes a cached answer; gzipped (and that kept with it) when the caller accepts gzip: a
 * 1,000-node evaluation is ~350 kB of JSON and ~10× smaller compressed.
 */
export function sendJson(request: FastifyRequest, reply: FastifyReply, answer: Answer) {
  reply.type("application/json; charset=utf-8").header("vary", "accept-encoding");
  if (!/\bgzip\b/.test(request.headers["accept-encoding"] ?? "")) return reply.send(answer.json);
  answer.gzip ??= gzipSync(answer.json, { level: 6 });
  return reply.header("content-encoding", "gzip").send(answer.gzip);
}

/**
 * The plan's numbers: the same documents as `shihyo eval|check|solve|sensitivity|explain
 * --json`, from an evaluator cached per plan version.
 */
export function analysisRoutes(app: App, { store, cache, now }: RouteDeps): void {
  const tags = ["analysis"];
  const scopeOf = (request: { params: { id: string } } & Parameters<typeof actorOf>[0]): AnalysisScope => ({
    cache,
    orgId: actorOf(request).orgId,
    planId: request.params.id,
    now,
  });

  app.get(
    "/api/v1/plans/:id/evaluation",
    {
      config: { access: "viewer" },
      schema: {
        tags,
        summary: "Actual, target, progress, forecast and status of every node (= shihyo eval --json)",
        params: planParams,
        querystring: evaluationQuery,
        response: { 200: jsonAnswer(evaluationSchema) },
      },
    },
    async (request, reply) => sendJson(request, reply, await evaluation(scopeOf(request), request.query)),
  );

  app.get(
    "/api/v1/plans/:id/findings",
    {
      config: { access: "viewer" },
      schema: {
        tags,
        summary: "Linter findings and consistency (= shihyo check --json)",
        params: planParams,
        querystring: findingsQuery,
        response: { 200: jsonAnswer(findingsSchema) },
      },
    },
    async (request, reply) =>
      sendJson(
        request,
        reply,
        await findings(scopeOf(request), request.query, (locale) => languageOf(request, store, locale)),
      ),
  );

  app.get(
    "/api/v1/plans/:id/solve",
    {
      config: { access: "viewer" },
      schema: {
        tags,
        summary: "Back-calculate a lever's target so that a node meets its target (= shihyo solve --json)",
        params: planParams,
        querystring: solveQuery,
        response: { 200: jsonAnswer(solveSchema) },
      },
    },
    async (request, reply) =>
      sendJson(
        request,
        reply,
        await solve(scopeOf(request), request.query, (locale) => languageOf(request, store, locale)),
      ),
  );

  app.get(
    "/api/v1/plans/:id/sensitivity",
    {
      config: { access: "viewer" },
      schema: {
        tags,
        summary: "Rank a node's levers (= shihyo sensitivity --json)",
        params: planParams,
        querystring: sensitivityQuery,
        response: { 200: jsonAnswer(sensitivitySchema) },
      },
    },
    async (request, reply) =>
      sendJson(request, reply, await leverSensitivity(scopeOf(request), request.query)),
  );

  app.get(
    "/api/v1/plans/:id/explain",
    {
      config: { access: "viewer" },
      schema: {
        tags,
        summary: "How one node's numbers were computed (= shihyo explain --json)",
        params: planParams,
        querystring: explainQuery,
        response: { 200: jsonAnswer(explainSchema) },
      },
    },
    async (request, reply) => sendJson(request, reply, await explanation(scopeOf(request), request.query)),
  );
}
