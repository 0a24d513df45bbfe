import type { StoredTarget } from "@shihyo/store";
import { actorOf } from "../auth/requestAuth.js";
import { reviseTarget } from "../commands/reviseTarget.js";
import { requirePlanSummary } from "../evaluation/planModel.js";
import { etagOf, ifMatchVersion } from "../http/etag.js";
import type { App, RouteDeps } from "./app.js";
import {
  ifMatchHeaders,
  nodeParams,
  planParams,
  reviseTargetBody,
  revisionSchema,
  targetParams,
  targetSchema,
} from "./schemas.js";

export const presentTarget = (t: StoredTarget) => ({
  nodeId: t.nodeId,
  period: t.period,
  value: t.value,
  ...(t.baseline !== undefined && t.baseline !== null ? { baseline: t.baseline } : {}),
  ...(t.basis !== undefined && t.basis !== null ? { basis: t.basis } : {}),
  ...(t.note !== undefined && t.note !== null ? { note: t.note } : {}),
  version: t.version,
  updatedAt: t.updatedAt,
});

/** Targets and their revisions: a change never overwrites, it adds to the history. */
export function targetRoutes(app: App, { store }: RouteDeps): void {
  const tags = ["targets"];
  app.get(
    "/api/v1/plans/:id/targets",
    {
      config: { access: "viewer" },
      schema: {
        tags,
        summary: "Every target set in the plan",
        params: planParams,
        response: { 200: targetSchema.array() },
      },
    },
    async (request) => {
      const { orgId } = actorOf(request);
      await requirePlanSummary(store, orgId, request.params.id);
      return (await store.listTargets(orgId, request.params.id)).map(presentTarget);
    },
  );

  app.patch(
    "/api/v1/plans/:id/targets/:node/:period",
    {
      config: { access: "editor" },
      schema: {
        tags,
        summary: "Set or revise a target, with a reason (If-Match: the target's ETag; none to create)",
        params: targetParams,
        headers: ifMatchHeaders,
        body: reviseTargetBody,
        response: { 200: targetSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id: planId, node: nodeId, period } = request.params;
      const { reason, comment, ...target } = request.body;
      const ifVersion = ifMatchVersion(request.headers["if-match"], false);
      const stored = await store.transaction((tx) =>
        reviseTarget({
          store: tx,
          actor,
          planId,
          nodeId,
          period,
          change: { ...target, reason, comment },
          ifVersion,
        }),
      );
      reply.header("etag", etagOf(stored.version));
      return presentTarget(stored);
    },
  );

  app.get(
    "/api/v1/plans/:id/targets/:node/revisions",
    {
      config: { access: "viewer" },
      schema: {
        tags,
        summary: "A node's target revisions, oldest first",
        params: nodeParams,
        response: { 200: revisionSchema.array() },
      },
    },
    async (request) => {
      const { orgId } = actorOf(request);
      await requirePlanSummary(store, orgId, request.params.id);
      return store.listTargetRevisions(orgId, request.params.id, request.params.node);
    },
  );
}
