import type { Basis, LintConfig, Plan, PlanNode, Target } from "@shihyo/engine";
import type { NodesTable, PlansTable, TargetsTable } from "../schema.js";
import type { Actor, PlanSummary } from "../storeApi.js";
import { StoreError } from "../storeError.js";
import {
  atomic,
  audit,
  type Context,
  chunks,
  findPlan,
  newId,
  nowIso,
  parseJson,
  planForWrite,
  touchPlan,
} from "./context.js";
import { ingestMeasurements } from "./measurements.js";

/** Source recorded for the actuals that come inside a KPI file (`data:`). */
export const FILE_SOURCE = "file";

export function toSummary(row: PlansTable): PlanSummary {
  return {
    id: row.id,
    orgId: row.org_id,
    name: row.name,
    version: row.version,
    dataVersion: row.data_version,
    calendar: parseJson<Plan["calendar"]>(row.calendar) ?? null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * A node's row. `spec` keeps every field as the file wrote it except the targets, which
 * live in their own table; an empty `targets: {}` stays in `spec` so that it comes back.
 */
function nodeRow(planId: string, node: PlanNode, position: number): NodesTable {
  const { targets, ...fields } = node;
  const spec = targets === undefined ? fields : { ...fields, targets: {} };
  return {
    plan_id: planId,
    node_id: node.id,
    position,
    role: node.role,
    name: node.name ?? null,
    parent_id: node.parent ?? null,
    department: node.department ?? null,
    spec: JSON.stringify(spec),
  };
}

export function targetRow(
  planId: string,
  nodeId: string,
  period: string,
  target: Target,
  position: number,
  at: string,
): TargetsTable {
  return {
    plan_id: planId,
    node_id: nodeId,
    period,
    position,
    value: target.value,
    baseline: target.baseline ?? null,
    basis: target.basis ?? null,
    note: target.note ?? null,
    version: 1,
    updated_at: at,
  };
}

export function toTarget(row: Pick<TargetsTable, "value" | "baseline" | "basis" | "note">): Target {
  const target: Target = { value: row.value };
  if (row.baseline !== null) target.baseline = row.baseline;
  if (row.basis !== null) target.basis = row.basis as Basis;
  if (row.note !== null) target.note = row.note;
  return target;
}

/** Refuses what the database could store but nobody could read back as a plan. */
export function checkPlan(plan: Plan): void {
  const seen = new Set<string>();
  for (const [i, node] of plan.nodes.entries()) {
    if (seen.has(node.id)) throw new StoreError("invalid", { reason: "duplicate_node", subject: node.id });
    seen.add(node.id);
    for (const [period, target] of Object.entries(node.targets ?? {}))
      checkTarget(target, `nodes[${i}].targets.${period}`);
  }
}

export function checkTarget(target: Target, subject: string): void {
  if (!Number.isFinite(target.value))
    throw new StoreError("invalid", { reason: "not_finite", subject: `${subject}.value` });
  if (target.baseline !== undefined && !Number.isFinite(target.baseline)) {
    throw new StoreError("invalid", { reason: "not_finite", subject: `${subject}.baseline` });
  }
}

async function insertNodes(
  ctx: Context,
  planId: string,
  nodes: readonly PlanNode[],
  at: string,
): Promise<void> {
  const nodeRows = nodes.map((node, i) => nodeRow(planId, node, i));
  for (const part of chunks(nodeRows, 200)) await ctx.db.insertInto("nodes").values(part).execute();
  const targetRows = nodes.flatMap((node) =>
    Object.entries(node.targets ?? {}).map(([period, target], i) =>
      targetRow(planId, node.id, period, target, i, at),
    ),
  );
  for (const part of chunks(targetRows, 200)) await ctx.db.insertInto("targets").values(part).execute();
}

export async function createPlan(ctx: Context, actor: Actor, plan: Plan): Promise<PlanSummary> {
  checkPlan(plan);
  return atomic(ctx, async (tx) => {
    const at = nowIso(tx);
    const row: PlansTable = {
      id: newId(),
      org_id: actor.orgId,
      name: plan.name,
      calendar: plan.calendar === undefined ? null : JSON.stringify(plan.calendar),
      lint: plan.lint === undefined ? null : JSON.stringify(plan.lint),
      version: 1,
      data_version: 0,
      created_by: actor.userId,
      created_at: at,
      updated_at: at,
    };
    await tx.db.insertInto("plans").values(row).execute();
    await insertNodes(tx, row.id, plan.nodes, at);
    await audit(tx, actor, {
      orgId: actor.orgId,
      action: "plan.create",
      entity: "plan",
      entityId: row.id,
      detail: { name: plan.name, nodes: plan.nodes.length },
    });
    if (plan.data && plan.data.length > 0) {
      await ingestMeasurements(tx, actor, { planId: row.id, rows: plan.data, source: FILE_SOURCE });
    }
    const stored = await findPlan(tx, actor.orgId, row.id);
    return toSummary(stored!);
  });
}

export async function listPlans(ctx: Context, orgId: string): Promise<PlanSummary[]> {
  const rows = await ctx.db
    .selectFrom("plans")
    .selectAll()
    .where("org_id", "=", orgId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map(toSummary);
}

export async function getPlanSummary(
  ctx: Context,
  orgId: string,
  planId: string,
): Promise<PlanSummary | null> {
  const row = await findPlan(ctx, orgId, planId);
  return row ? toSummary(row) : null;
}

/**
 * The plan as a KPI file model, deep-equal to the one stored (with targets as they are
 * now). Actuals are not part of it: they can be millions of rows and are exported from
 * the measurements, so `data` is left out.
 */
export async function getPlan(
  ctx: Context,
  orgId: string,
  planId: string,
): Promise<{ summary: PlanSummary; plan: Plan } | null> {
  const row = await findPlan(ctx, orgId, planId);
  if (!row) return null;
  const nodeRows = await ctx.db
    .selectFrom("nodes")
    .select(["node_id", "spec"])
    .where("plan_id", "=", planId)
    .orderBy("position")
    .execute();
  const targetRows = await ctx.db
    .selectFrom("targets")
    .select(["node_id", "period", "value", "baseline", "basis", "note"])
    .where("plan_id", "=", planId)
    .orderBy("node_id")
    .orderBy("position")
    .execute();
  const targetsOf = new Map<string, Record<string, Target>>();
  for (const target of targetRows) {
    let targets = targetsOf.get(target.node_id);
    if (!targets) {
      targets = {};
      targetsOf.set(target.node_id, targets);
    }
    targets[target.period] = toTarget(target);
  }
  const nodes = nodeRows.map((nodeRow): PlanNode => {
    const node = JSON.parse(nodeRow.spec) as PlanNode;
    const targets = targetsOf.get(nodeRow.node_id);
    if (targets) node.targets = targets;
    return node;
  });
  // Keys in the file's order, so that even JSON.stringify of the plan gives it back.
  const plan = { version: 1, name: row.name } as Plan;
  const calendar = parseJson<Plan["calendar"]>(row.calendar);
  if (calendar !== undefined) plan.calendar = calendar;
  plan.nodes = nodes;
  const lint = parseJson<LintConfig>(row.lint);
  if (lint !== undefined) plan.lint = lint;
  return { summary: toSummary(row), plan };
}

/** Checks the version the caller saw; answers not_found / stale_version as the API needs. */
function checkVersion(row: PlansTable, ifVersion: number): void {
  if (row.version !== ifVersion) {
    throw new StoreError("stale_version", {
      entity: "plan",
      id: row.id,
      expected: ifVersion,
      actual: row.version,
    });
  }
}

export async function replacePlan(
  ctx: Context,
  actor: Actor,
  planId: string,
  plan: Plan,
  ifVersion: number,
): Promise<PlanSummary> {
  checkPlan(plan);
  return atomic(ctx, async (tx) => {
    const row = await planForWrite(tx, actor, planId);
    checkVersion(row, ifVersion);
    const at = nowIso(tx);
    await tx.db
      .updateTable("plans")
      .set({
        name: plan.name,
        calendar: plan.calendar === undefined ? null : JSON.stringify(plan.calendar),
        lint: plan.lint === undefined ? null : JSON.stringify(plan.lint),
      })
      .where("id", "=", planId)
      .execute();
    const changes = await replaceNodes(tx, actor, planId, plan.nodes, at);
    await touchPlan(tx, planId, "structure");
    await audit(tx, actor, {
      orgId: actor.orgId,
      action: "plan.replace",
      entity: "plan",
      entityId: planId,
      detail: { name: plan.name, fromVersion: ifVersion, ...changes },
    });
    if (plan.data && plan.data.length > 0) {
      await ingestMeasurements(tx, actor, { planId, rows: plan.data, source: FILE_SOURCE });
    }
    return toSummary((await findPlan(tx, actor.orgId, planId))!);
  });
}

/**
 * Moves the stored nodes and targets to the new file's. Nodes that remain keep their
 * measurements (removed nodes take theirs along); a target whose value changes gets a
 * revision, as if set by hand, with the reason "other".
 */
async function replaceNodes(
  tx: Context,
  actor: Actor,
  planId: string,
  nodes: readonly PlanNode[],
  at: string,
): Promise<{ nodesAdded: number; nodesRemoved: number; targetsChanged: number; targetsRemoved: number }> {
  const existing = await tx.db.selectFrom("nodes").select("node_id").where("plan_id", "=", planId).execute();
  const kept = new Set(nodes.map((node) => node.id));
  const removed = existing.map((row) => row.node_id).filter((id) => !kept.has(id));
  for (const part of chunks(removed, 500)) {
    await tx.db
      .deleteFrom("measurements")
      .where("plan_id", "=", planId)
      .where("node_id", "in", part)
      .execute();
    await tx.db.deleteFrom("nodes").where("plan_id", "=", planId).where("node_id", "in", part).execute();
  }
  const existingIds = new Set(existing.map((row) => row.node_id));
  let added = 0;
  for (const [position, node] of nodes.entries()) {
    const row = nodeRow(planId, node, position);
    if (existingIds.has(node.id)) {
      const { plan_id: _plan, node_id: _node, ...fields } = row;
      await tx.db
        .updateTable("nodes")
        .set(fields)
        .where("plan_id", "=", planId)
        .where("node_id", "=", node.id)
        .execute();
    } else {
      await tx.db.insertInto("nodes").values(row).execute();
      added++;
    }
  }

  const storedTargets = await tx.db.selectFrom("targets").selectAll().where("plan_id", "=", planId).execute();
  const stored = new Map(storedTargets.map((t) => [`${t.node_id}\u0000${t.period}`, t]));
  let changed = 0;
  for (const node of nodes) {
    for (const [position, [period, target]] of Object.entries(node.targets ?? {}).entries()) {
      const key = `${node.id}\u0000${period}`;
      const before = stored.get(key);
      stored.delete(key);
      const next = targetRow(planId, node.id, period, target, position, at);
      if (!before) {
        await tx.db.insertInto("targets").values(next).execute();
      } else if (sameTarget(before, next)) {
        if (before.position !== position) {
          await tx.db
            .updateTable("targets")
            .set({ position })
            .where("plan_id", "=", planId)
            .where("node_id", "=", node.id)
            .where("period", "=", period)
            .execute();
        }
        continue;
      } else {
        await tx.db
          .updateTable("targets")
          .set({ ...next, version: before.version + 1 })
          .where("plan_id", "=", planId)
          .where("node_id", "=", node.id)
          .where("period", "=", period)
          .execute();
      }
      if (before?.value !== target.value) {
        changed++;
        await tx.db
          .insertInto("target_revisions")
          .values({
            id: newId(),
            plan_id: planId,
            node_id: node.id,
            period,
            old_value: before?.value ?? null,
            new_value: target.value,
            reason: "other",
            comment: "",
            user_id: actor.userId,
            token_id: actor.tokenId,
            at,
          })
          .execute();
      }
    }
  }
  // Targets the new file no longer has (on nodes that remain).
  for (const gone of stored.values()) {
    if (!kept.has(gone.node_id)) continue;
    await tx.db
      .deleteFrom("targets")
      .where("plan_id", "=", planId)
      .where("node_id", "=", gone.node_id)
      .where("period", "=", gone.period)
      .execute();
  }
  const targetsRemoved = [...stored.values()].filter((t) => kept.has(t.node_id)).length;
  return { nodesAdded: added, nodesRemoved: removed.length, targetsChanged: changed, targetsRemoved };
}

function sameTarget(a: TargetsTable, b: TargetsTable): boolean {
  return a.value === b.value && a.baseline === b.baseline && a.basis === b.basis && a.note === b.note;
}

export async function deletePlan(
  ctx: Context,
  actor: Actor,
  planId: string,
  ifVersion: number,
): Promise<void> {
  await atomic(ctx, async (tx) => {
    const row = await planForWrite(tx, actor, planId);
    checkVersion(row, ifVersion);
    // The biggest tables first and directly, rather than row by row through the cascades.
    await tx.db.deleteFrom("measurements").where("plan_id", "=", planId).execute();
    await tx.db.deleteFrom("measurement_history").where("plan_id", "=", planId).execute();
    await tx.db.deleteFrom("plans").where("id", "=", planId).execute();
    await audit(tx, actor, {
      orgId: actor.orgId,
      action: "plan.delete",
      entity: "plan",
      entityId: planId,
      detail: { name: row.name, version: row.version },
    });
  });
}
