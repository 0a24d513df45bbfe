import { actorOf } from "../auth/requestAuth.js";
import { createApiToken, revokeApiToken } from "../commands/members.js";
import { AppError, AppErrorCode } from "../errors/appError.js";
import { loadPlanModel, requirePlanSummary } from "../evaluation/planModel.js";
import { noContent } from "../http/openapi.js";
import type { App, RouteDeps } from "./app.js";
import {
  apiTokenSchema,
  auditQuery,
  auditSchema,
  commentBody,
  commentSchema,
  createdTokenSchema,
  createTokenBody,
  nodeParams,
  tokenParams,
} from "./schemas.js";

const presentToken = (t: {
  id: string;
  name: string;
  prefix: string;
  role: "owner" | "admin" | "editor" | "viewer";
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  role: t.role,
  scopes: t.scopes,
  createdAt: t.createdAt,
  lastUsedAt: t.lastUsedAt,
  revokedAt: t.revokedAt,
});

/** Comments on nodes, the audit log and API tokens. */
export function collaborationRoutes(app: App, { store }: RouteDeps): void {
  app.get(
    "/api/v1/plans/:id/nodes/:node/comments",
    {
      config: { access: "viewer" },
      schema: {
        tags: ["comments"],
        summary: "Comments on a node",
        params: nodeParams,
        response: { 200: commentSchema.array() },
      },
    },
    async (request) => {
      const { orgId } = actorOf(request);
      await requirePlanSummary(store, orgId, request.params.id);
      return store.listComments(orgId, request.params.id, request.params.node);
    },
  );

  app.post(
    "/api/v1/plans/:id/nodes/:node/comments",
    {
      config: { access: "editor" },
      schema: {
        tags: ["comments"],
        summary: "Comment on a node",
        params: nodeParams,
        body: commentBody,
        response: { 201: commentSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id: planId, node: nodeId } = request.params;
      const comment = await store.transaction(async (tx) => {
        const { prepared } = await loadPlanModel(tx, actor.orgId, planId);
        if (!prepared.byId.has(nodeId)) throw new AppError(AppErrorCode.NotFound);
        return tx.addComment(actor, { planId, nodeId, body: request.body.body });
      });
      return reply.code(201).send(comment);
    },
  );

  app.get(
    "/api/v1/audit",
    {
      config: { access: "admin" },
      schema: {
        tags: ["audit"],
        summary: "The audit log, newest first; filtered by action, user or token",
        querystring: auditQuery,
        response: { 200: auditSchema },
      },
    },
    async (request) => {
      const { limit, after, action, userId, tokenId } = request.query;
      return store.listAudit(actorOf(request).orgId, {
        ...(limit !== undefined ? { limit } : {}),
        ...(after !== undefined ? { after } : {}),
        ...(action !== undefined ? { actions: action.split(",").map((a) => a.trim()) } : {}),
        ...(userId !== undefined ? { userId } : {}),
        ...(tokenId !== undefined ? { tokenId } : {}),
      });
    },
  );

  app.get(
    "/api/v1/tokens",
    {
      config: { access: "admin" },
      schema: {
        tags: ["tokens"],
        summary: "API tokens (never their secrets)",
        response: { 200: apiTokenSchema.array() },
      },
    },
    async (request) => (await store.listApiTokens(actorOf(request).orgId)).map(presentToken),
  );

  app.post(
    "/api/v1/tokens",
    {
      config: { access: "admin" },
      schema: {
        tags: ["tokens"],
        summary: "Create an API token; its secret is in this answer only",
        body: createTokenBody,
        response: { 201: createdTokenSchema },
      },
    },
    async (request, reply) => {
      const created = await createApiToken({ store, actor: actorOf(request), input: request.body });
      return reply.code(201).send({ token: presentToken(created.token), secret: created.secret });
    },
  );

  app.delete(
    "/api/v1/tokens/:id",
    {
      config: { access: "admin" },
      schema: {
        tags: ["tokens"],
        summary: "Revoke an API token",
        params: tokenParams,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      await store.transaction((tx) => revokeApiToken({ store: tx, actor, tokenId: request.params.id }));
      return reply.code(204).send(null);
    },
  );
}
