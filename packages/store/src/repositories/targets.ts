import type { Target } from "@shihyo/engine";
import type { TargetsTable } from "../schema.js";
import type { Actor, RevisionReason, StoredTarget, TargetRevision } from "../storeApi.js";
import { StoreError } from "../storeError.js";
import {
  atomic,
  audit,
  type Context,
  newId,
  nowIso,
  planForWrite,
  requireNode,
  touchPlan,
} from "./context.js";
import { checkTarget, targetRow, toTarget } from "./plans.js";

function toStoredTarget(row: TargetsTable): StoredTarget {
  return {
    ...toTarget(row),
    nodeId: row.node_id,
    period: row.period,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

export async function listTargets(ctx: Context, orgId: string, planId: string): Promise<StoredTarget[]> {
  const rows = await ctx.db
    .selectFrom("targets")
    .innerJoin("plans", "plans.id", "targets.plan_id")
    .innerJoin("nodes", (join) =>
      join.onRef("nodes.plan_id", "=", "targets.plan_id").onRef("nodes.node_id", "=", "targets.node_id"),
    )
    .selectAll("targets")
    .where("targets.plan_id", "=", planId)
    .where("plans.org_id", "=", orgId)
    .orderBy("nodes.position")
    .orderBy("targets.position")
    .execute();
  return rows.map(toStoredTarget);
}

export interface SetTargetInput {
  planId: string;
  nodeId: string;
  period: string;
  target: Target;
  reason: RevisionReason;
  comment: string;
  ifVersion: number | null;
}

/**
 * Sets one target with optimistic concurrency: the caller names the version it saw (null:
 * "there was none"), and a change by someone else in between is refused, never overwritten.
 * Every change leaves a revision row; the plan's version (its ETag) moves on.
 */
export async function setTarget(ctx: Context, actor: Actor, input: SetTargetInput): Promise<StoredTarget> {
  checkTarget(input.target, `${input.nodeId}.targets.${input.period}`);
  return atomic(ctx, async (tx) => {
    await planForWrite(tx, actor, input.planId);
    await requireNode(tx, input.planId, input.nodeId);
    const before = await tx.db
      .selectFrom("targets")
      .selectAll()
      .where("plan_id", "=", input.planId)
      .where("node_id", "=", input.nodeId)
      .where("period", "=", input.period)
      .executeTakeFirst();
    const stale = () =>
      new StoreError("stale_version", {
        entity: "target",
        id: `${input.nodeId}/${input.period}`,
        expected: input.ifVersion,
        actual: before?.version ?? null,
      });
    if ((before?.version ?? null) !== input.ifVersion) throw stale();

    const at = nowIso(tx);
    let stored: TargetsTable;
    if (!before) {
      const last = await tx.db
        .selectFrom("targets")
        .select((eb) => eb.fn.max("position").as("position"))
        .where("plan_id", "=", input.planId)
        .where("node_id", "=", input.nodeId)
        .executeTakeFirst();
      const position =
        last?.position === null || last?.position === undefined ? 0 : Number(last.position) + 1;
      stored = targetRow(input.planId, input.nodeId, input.period, input.target, position, at);
      const inserted = await tx.db
        .insertInto("targets")
        .values(stored)
        .onConflict((oc) => oc.columns(["plan_id", "node_id", "period"]).doNothing())
        .returning("version")
        .executeTakeFirst();
      if (!inserted) throw stale();
    } else {
      stored = {
        ...targetRow(input.planId, input.nodeId, input.period, input.target, before.position, at),
        version: before.version + 1,
      };
      const updated = await tx.db
        .updateTable("targets")
        .set({
          value: stored.value,
          baseline: stored.baseline,
          basis: stored.basis,
          note: stored.note,
          version: stored.version,
          updated_at: at,
        })
        .where("plan_id", "=", input.planId)
        .where("node_id", "=", input.nodeId)
        .where("period", "=", input.period)
        .where("version", "=", before.version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) throw stale();
    }
    await tx.db
      .insertInto("target_revisions")
      .values({
        id: newId(),
        plan_id: input.planId,
        node_id: input.nodeId,
        period: input.period,
        old_value: before?.value ?? null,
        new_value: input.target.value,
        reason: input.reason,
        comment: input.comment,
        user_id: actor.userId,
        token_id: actor.tokenId,
        at,
      })
      .execute();
    await touchPlan(tx, input.planId, "structure");
    await audit(tx, actor, {
      orgId: actor.orgId,
      action: "target.set",
      entity: "plan",
      entityId: input.planId,
      detail: {
        nodeId: input.nodeId,
        period: input.period,
        oldValue: before?.value ?? null,
        newValue: input.target.value,
        reason: input.reason,
        version: stored.version,
      },
    });
    return toStoredTarget(stored);
  });
}

export async function listTargetRevisions(
  ctx: Context,
  orgId: string,
  planId: string,
  nodeId?: string,
): Promise<TargetRevision[]> {
  let query = ctx.db
    .selectFrom("target_revisions")
    .innerJoin("plans", "plans.id", "target_revisions.plan_id")
    .selectAll("target_revisions")
    .where("target_revisions.plan_id", "=", planId)
    .where("plans.org_id", "=", orgId);
  if (nodeId !== undefined) query = query.where("target_revisions.node_id", "=", nodeId);
  const rows = await query.orderBy("target_revisions.at").orderBy("target_revisions.id").execute();
  return rows.map((row) => ({
    id: row.id,
    nodeId: row.node_id,
    period: row.period,
    oldValue: row.old_value,
    newValue: row.new_value,
    reason: row.reason as RevisionReason,
    comment: row.comment,
    userId: row.user_id,
    at: row.at,
  }));
}
