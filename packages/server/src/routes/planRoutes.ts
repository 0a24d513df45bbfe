import {
  DEFAULT_CALENDAR,
  kpiFileJsonSchema,
  type PreparedNode,
  writeKpiFile,
  writeKpiFileJson,
} from "@shihyo/engine";
import type { PlanSummary } from "@shihyo/store";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { actorOf } from "../auth/requestAuth.js";
import { createPlan, deletePlan, replacePlan } from "../commands/plans.js";
import { loadPlanModel, requirePlanSummary } from "../evaluation/planModel.js";
import { etagOf, ifMatchVersion } from "../http/etag.js";
import type { MediaBody } from "../http/openapi.js";
import { noContent } from "../http/openapi.js";
import type { App, RouteDeps } from "./app.js";
import { createdSchema, ifMatchHeaders, nodeSchema, planParams, planSummarySchema } from "./schemas.js";

const YAML_TYPES = ["application/yaml", "application/x-yaml", "text/yaml"];
/** A KPI file is at most this large. */
const PLAN_BODY_LIMIT = 10 * 1024 * 1024;

const planFileBody: MediaBody = {
  content: {
    "application/yaml": { schema: z.string(), docs: { type: "string", description: "a KPI file in YAML" } },
    "application/json": { schema: z.string(), docs: kpiFileJsonSchema() },
  },
};

export const presentPlanSummary = (s: PlanSummary) => ({
  id: s.id,
  name: s.name,
  version: s.version,
  dataVersion: s.dataVersion,
  calendar: { ...DEFAULT_CALENDAR, ...s.calendar },
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
});

function presentNode(node: PreparedNode) {
  const { targets: _targets, ...source } = node.source;
  return {
    ...source,
    cadence: node.cadence,
    grain: node.grain,
    aggregation: node.aggregation,
    measured: node.measured,
    computed: node.computed,
  };
}

const formatOf = (contentType: string | undefined) => (contentType?.includes("json") ? "json" : "yaml");

/**
 * Plans: KPI files in and out. Routes that take a KPI file read the body as text (JSON too),
 * so that the engine reports every error with its line and column.
 */
export function planRoutes(app: App, deps: RouteDeps): void {
  const { store } = deps;
  const tags = ["plans"];

  app.register(async (scope) => {
    const files = scope.withTypeProvider<ZodTypeProvider>();
    files.removeContentTypeParser("application/json");
    files.addContentTypeParser(
      ["application/json", ...YAML_TYPES],
      { parseAs: "string" },
      (_req, body, done) => done(null, body),
    );

    files.post(
      "/api/v1/plans",
      {
        config: { access: "admin" },
        bodyLimit: PLAN_BODY_LIMIT,
        schema: {
          tags,
          summary: "Import a KPI file as a new plan",
          body: planFileBody,
          response: { 201: createdSchema },
        },
      },
      async (request, reply) => {
        const summary = await createPlan({
          store,
          actor: actorOf(request),
          text: request.body as string,
          format: formatOf(request.headers["content-type"]),
        });
        reply.header("location", `/api/v1/plans/${summary.id}`).header("etag", etagOf(summary.version));
        return reply.code(201).send({ id: summary.id });
      },
    );

    files.put(
      "/api/v1/plans/:id",
      {
        config: { access: "editor" },
        bodyLimit: PLAN_BODY_LIMIT,
        schema: {
          tags,
          summary: "Replace a plan with a new KPI file (If-Match: the plan's ETag)",
          params: planParams,
          headers: ifMatchHeaders,
          body: planFileBody,
          response: { 200: planSummarySchema },
        },
      },
      async (request, reply) => {
        const ifVersion = ifMatchVersion(request.headers["if-match"], true)!;
        const summary = await replacePlan({
          store,
          actor: actorOf(request),
          planId: request.params.id,
          text: request.body as string,
          format: formatOf(request.headers["content-type"]),
          ifVersion,
        });
        reply.header("etag", etagOf(summary.version));
        return presentPlanSummary(summary);
      },
    );
  });

  app.get(
    "/api/v1/plans",
    {
      config: { access: "viewer" },
      schema: { tags, summary: "Plans of the organisation", response: { 200: planSummarySchema.array() } },
    },
    async (request) => (await store.listPlans(actorOf(request).orgId)).map(presentPlanSummary),
  );

  app.get(
    "/api/v1/plans/:id",
    {
      config: { access: "viewer" },
      schema: {
        tags,
        summary: "A plan's summary (ETag: its version)",
        params: planParams,
        response: { 200: planSummarySchema },
      },
    },
    async (request, reply) => {
      const summary = await requirePlanSummary(store, actorOf(request).orgId, request.params.id);
      reply.header("etag", etagOf(summary.version));
      return presentPlanSummary(summary);
    },
  );

  app.delete(
    "/api/v1/plans/:id",
    {
      config: { access: "admin" },
      schema: {
        tags,
        summary: "Delete a plan (If-Match: the plan's ETag)",
        params: planParams,
        headers: ifMatchHeaders,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const ifVersion = ifMatchVersion(request.headers["if-match"], true)!;
      await deletePlan({ store, actor, planId: request.params.id, ifVersion });
      deps.cache.forget(actor.orgId, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    "/api/v1/plans/:id/export",
    {
      config: { access: "viewer" },
      schema: {
        tags,
        summary: "The plan as a KPI file (YAML; ?format=json for JSON)",
        params: planParams,
        querystring: z.object({ format: z.enum(["yaml", "json"]).optional() }),
        response: {
          200: {
            description: "the KPI file",
            content: {
              "application/yaml": { schema: z.string() },
              "application/json": { schema: z.string() },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const { summary, plan } = await loadPlanModel(store, actorOf(request).orgId, request.params.id);
      const json = request.query.format === "json";
      reply
        .header("etag", etagOf(summary.version))
        .header("content-disposition", `attachment; filename="plan-${summary.id}.${json ? "json" : "yaml"}"`)
        .type(json ? "application/json; charset=utf-8" : "application/yaml; charset=utf-8");
      return reply.send(json ? writeKpiFileJson(plan) : writeKpiFile(plan));
    },
  );

  app.get(
    "/api/v1/plans/:id/nodes",
    {
      config: { access: "viewer" },
      schema: {
        tags,
        summary: "The plan's nodes, with defaults applied",
        params: planParams,
        response: { 200: nodeSchema.array() },
      },
    },
    async (request, reply) => {
      const { summary, prepared } = await loadPlanModel(store, actorOf(request).orgId, request.params.id);
      reply.header("etag", etagOf(summary.version));
      return prepared.nodes.map(presentNode);
    },
  );
}
