import type { Actor, Comment } from "../storeApi.js";
import { atomic, audit, type Context, newId, nowIso, planForWrite, requireNode } from "./context.js";

export async function addComment(
  ctx: Context,
  actor: Actor,
  input: { planId: string; nodeId: string; body: string },
): Promise<Comment> {
  return atomic(ctx, async (tx) => {
    await planForWrite(tx, actor, input.planId);
    await requireNode(tx, input.planId, input.nodeId);
    const comment: Comment = {
      id: newId(),
      planId: input.planId,
      nodeId: input.nodeId,
      userId: actor.userId,
      body: input.body,
      createdAt: nowIso(tx),
    };
    await tx.db
      .insertInto("comments")
      .values({
        id: comment.id,
        org_id: actor.orgId,
        plan_id: comment.planId,
        node_id: comment.nodeId,
        user_id: comment.userId,
        token_id: actor.tokenId,
        body: comment.body,
        created_at: comment.createdAt,
      })
      .execute();
    await audit(tx, actor, {
      orgId: actor.orgId,
      action: "comment.add",
      entity: "comment",
      entityId: comment.id,
      detail: { planId: input.planId, nodeId: input.nodeId },
    });
    return comment;
  });
}

export async function listComments(
  ctx: Context,
  orgId: string,
  planId: string,
  nodeId?: string,
): Promise<Comment[]> {
  let query = ctx.db
    .selectFrom("comments")
    .select(["id", "plan_id", "node_id", "user_id", "body", "created_at"])
    .where("org_id", "=", orgId)
    .where("plan_id", "=", planId);
  if (nodeId !== undefined) query = query.where("node_id", "=", nodeId);
  const rows = await query.orderBy("created_at").orderBy("id").execute();
  return rows.map((row) => ({
    id: row.id,
    planId: row.plan_id,
    nodeId: row.node_id,
    userId: row.user_id,
    body: row.body,
    createdAt: row.created_at,
  }));
}
