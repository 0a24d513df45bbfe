import type { Measurement } from "@shihyo/engine";
import { sql } from "kysely";
import type { Actor, IngestResult, MeasurementFilter, StoredMeasurement } from "../storeApi.js";
import { INVALID_ROWS_LISTED, type InvalidRow, StoreError } from "../storeError.js";
import { atomic, audit, type Context, findPlan, newId, nowIso, planForWrite, touchPlan } from "./context.js";
import { applyPostgres } from "./ingestPostgres.js";
import { applySqlite } from "./ingestSqlite.js";

/** A validated row to write, with its segment made explicit ("" = not segmented). */
export interface IngestRow {
  node: string;
  period: string;
  segment: string;
  value: number;
  /** node, period and segment joined: the row's identity within the plan. */
  key: string;
}

export function keyOf(node: string, period: string, segment: string): string {
  return `${node}\u0000${period}\u0000${segment}`;
}

/** What a dialect's writer needs to know about one ingest. */
export interface IngestBatch {
  planId: string;
  importId: string;
  source: string;
  at: string;
  rows: IngestRow[];
}

/**
 * How to find the stored values of a batch's rows. A node with many rows in the batch is
 * read as one range of periods (one index range scan, far cheaper than as many point
 * lookups); a node with a few rows is looked up row by row, so that two far-apart periods
 * do not read every row in between.
 */
export interface LookupPlan {
  ranges: { node: string; from: string; to: string }[];
  points: IngestRow[];
}

const RANGE_FROM_ROWS = 64;

export function planLookups(rows: readonly IngestRow[]): LookupPlan {
  const byNode = new Map<string, { count: number; from: string; to: string }>();
  for (const row of rows) {
    const seen = byNode.get(row.node);
    if (!seen) byNode.set(row.node, { count: 1, from: row.period, to: row.period });
    else {
      seen.count++;
      if (row.period < seen.from) seen.from = row.period;
      if (row.period > seen.to) seen.to = row.period;
    }
  }
  const ranges: LookupPlan["ranges"] = [];
  for (const [node, seen] of byNode) {
    if (seen.count >= RANGE_FROM_ROWS) ranges.push({ node, from: seen.from, to: seen.to });
  }
  const ranged = new Set(ranges.map((range) => range.node));
  return { ranges, points: rows.filter((row) => !ranged.has(row.node)) };
}

/** Splits a batch by what the database holds: new rows, changed rows (with the old value), and a count of the rest. */
export function classify(rows: readonly IngestRow[], existing: ReadonlyMap<string, number>) {
  const fresh: IngestRow[] = [];
  const changes: { row: IngestRow; oldValue: number }[] = [];
  let unchanged = 0;
  for (const row of rows) {
    const old = existing.get(row.key);
    if (old === undefined) fresh.push(row);
    else if (old === row.value) unchanged++;
    else changes.push({ row, oldValue: old });
  }
  return { fresh: groupedByNode(fresh), changes, unchanged };
}

/**
 * The rows with each node's together (in their order within the node, usually by period),
 * so that new rows land next to each other in the primary-key index: a wide file lists
 * every node for one day, then the next day. Linear, unlike a sort.
 */
function groupedByNode(rows: IngestRow[]): IngestRow[] {
  const groups = new Map<string, IngestRow[]>();
  for (const row of rows) {
    const group = groups.get(row.node);
    if (group) group.push(row);
    else groups.set(row.node, [row]);
  }
  if (groups.size <= 1) return rows;
  const out: IngestRow[] = [];
  for (const group of groups.values()) for (const row of group) out.push(row);
  return out;
}

export interface ApplyCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/**
 * Stores actuals: all rows or none (one transaction), idempotent (an identical row writes
 * nothing), and a changed value keeps the old one in measurement_history. The caller has
 * checked periods and grains with the engine; here only what the database must guarantee
 * is checked: the node exists in the plan, the key appears once, the value is a number.
 */
export async function ingestMeasurements(
  ctx: Context,
  actor: Actor,
  input: { planId: string; rows: readonly Measurement[]; source: string },
): Promise<IngestResult> {
  return atomic(ctx, async (tx) => {
    await planForWrite(tx, actor, input.planId);
    const nodeRows = await tx.db
      .selectFrom("nodes")
      .select("node_id")
      .where("plan_id", "=", input.planId)
      .execute();
    const rows = validateRows(input.rows, new Set(nodeRows.map((row) => row.node_id)));
    const batch: IngestBatch = {
      planId: input.planId,
      importId: newId(),
      source: input.source,
      at: nowIso(tx),
      rows,
    };
    await tx.db
      .insertInto("imports")
      .values({
        id: batch.importId,
        org_id: actor.orgId,
        plan_id: input.planId,
        source: input.source,
        user_id: actor.userId,
        token_id: actor.tokenId,
        row_count: rows.length,
        inserted: 0,
        updated: 0,
        unchanged: 0,
        at: batch.at,
      })
      .execute();
    const counts = tx.dialect === "sqlite" ? applySqlite(tx.sqlite!, batch) : await applyPostgres(tx, batch);
    const dataVersion =
      counts.inserted + counts.updated > 0 ? (await touchPlan(tx, input.planId, "data")).dataVersion : null;
    await tx.db
      .updateTable("imports")
      .set({ ...counts, data_version: dataVersion })
      .where("id", "=", batch.importId)
      .execute();
    await audit(tx, actor, {
      orgId: actor.orgId,
      action: "measurements.ingest",
      entity: "plan",
      entityId: input.planId,
      detail: { importId: batch.importId, source: input.source, rows: rows.length, ...counts },
    });
    return { ...counts, importId: batch.importId };
  });
}

function validateRows(rows: readonly Measurement[], nodes: ReadonlySet<string>): IngestRow[] {
  const out: IngestRow[] = new Array(rows.length);
  const seen = new Set<string>();
  const bad: InvalidRow[] = [];
  let badCount = 0;
  const refuse = (row: InvalidRow) => {
    badCount++;
    if (bad.length < INVALID_ROWS_LISTED) bad.push(row);
  };
  for (let i = 0; i < rows.length; i++) {
    const { node, period, value } = rows[i]!;
    const segment = rows[i]!.segment ?? "";
    const key = keyOf(node, period, segment);
    const where = { index: i, node, period, segment };
    if (!nodes.has(node)) refuse({ ...where, reason: "unknown_node" });
    else if (period === "") refuse({ ...where, reason: "empty_period" });
    else if (typeof value !== "number" || !Number.isFinite(value)) refuse({ ...where, reason: "not_finite" });
    else if (seen.has(key)) refuse({ ...where, reason: "duplicate" });
    seen.add(key);
    out[i] = { node, period, segment, value, key };
  }
  if (badCount > 0)
    throw new StoreError("invalid", { reason: "measurement_rows", rows: bad, count: badCount });
  return out;
}

/**
 * A plan's actuals in key order (node, period, segment). `from`/`to` are inclusive period
 * ids compared as text, which is time order between ids of one grain.
 */
export async function listMeasurements(
  ctx: Context,
  orgId: string,
  planId: string,
  filter: MeasurementFilter = {},
): Promise<StoredMeasurement[]> {
  if (!(await findPlan(ctx, orgId, planId))) return [];
  let query = ctx.db
    .selectFrom("measurements")
    .select(["node_id", "period", "segment", "value", "source", "import_id", "updated_at"])
    .where("plan_id", "=", planId);
  if (filter.nodeId !== undefined) query = query.where("node_id", "=", filter.nodeId);
  if (filter.from !== undefined) query = query.where("period", ">=", filter.from);
  if (filter.to !== undefined) query = query.where("period", "<=", filter.to);
  // Key order by code points on both dialects (SQLite compares bytes; PostgreSQL would follow
  // the database's collation unless told "C"), so that a page's last key is a stable cursor.
  const key = (column: "node_id" | "period" | "segment") =>
    ctx.dialect === "postgres"
      ? sql<string>`${sql.ref(column)} collate "C"`
      : sql<string>`${sql.ref(column)}`;
  if (filter.after !== undefined) {
    const [node, period, segment] = filter.after;
    query = query.where(
      sql<boolean>`(${key("node_id")}, ${key("period")}, ${key("segment")}) > (${node}, ${period}, ${segment})`,
    );
  }
  query = query.orderBy(key("node_id")).orderBy(key("period")).orderBy(key("segment"));
  if (filter.limit !== undefined) query = query.limit(filter.limit);

  if (ctx.dialect === "sqlite") {
    // A million rows: read them as arrays on the raw connection (inside a transaction, so
    // that the connection is ours) and build each result object once.
    const compiled = query.compile();
    return atomic(ctx, async () => {
      const statement = ctx.sqlite!.prepare(compiled.sql).raw();
      const rows = statement.all(...compiled.parameters) as MeasurementTuple[];
      return rows.map((row) => toStored(row[0], row[1], row[2], row[3], row[4], row[5], row[6]));
    });
  }
  const rows = await query.execute();
  return rows.map((row) =>
    toStored(row.node_id, row.period, row.segment, row.value, row.source, row.import_id, row.updated_at),
  );
}

type MeasurementTuple = [string, string, string, number, string, string | null, string];

/**
 * The segments each node of a plan has actuals by, over every period (unsegmented actuals
 * are no segment), nodes and names in code-point order. Reads the partial index of segmented
 * actuals (plan, node, segment) in its order: no sort of the rows, and only the few distinct
 * pairs are put in code-point order here (PostgreSQL's index follows the database's collation).
 */
export async function listSegments(
  ctx: Context,
  orgId: string,
  planId: string,
  filter: { nodeId?: string } = {},
): Promise<{ node: string; segments: string[] }[]> {
  if (!(await findPlan(ctx, orgId, planId))) return [];
  let query = ctx.db
    .selectFrom("measurements")
    .select(["node_id", "segment"])
    .distinct()
    .where("plan_id", "=", planId)
    // A literal, as in the partial index's condition: a bound parameter would not let
    // SQLite's planner see that the index covers the query.
    .where(sql.ref("segment"), "<>", sql.lit(""));
  if (filter.nodeId !== undefined) query = query.where("node_id", "=", filter.nodeId);
  const rows = await query.orderBy("node_id").orderBy("segment").execute();
  const byCodePoints = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const out = new Map<string, string[]>();
  for (const { node_id, segment } of rows) {
    const names = out.get(node_id);
    if (names) names.push(segment);
    else out.set(node_id, [segment]);
  }
  return [...out.keys()]
    .sort(byCodePoints)
    .map((node) => ({ node, segments: out.get(node)!.sort(byCodePoints) }));
}

/**
 * The actuals written by the plan's imports after data version `since`, as they are now, and
 * the version they bring the plan to. Null when the imports do not account for every version
 * in between (a change made some other way): the caller then reads everything.
 */
export async function measurementsChangedSince(
  ctx: Context,
  orgId: string,
  planId: string,
  since: number,
): Promise<{ rows: StoredMeasurement[]; dataVersion: number } | null> {
  if (!(await findPlan(ctx, orgId, planId))) return null;
  return atomic(ctx, async (tx) => {
    const imports = await tx.db
      .selectFrom("imports")
      .select("data_version")
      .where("plan_id", "=", planId)
      .where("data_version", ">", since)
      .orderBy("data_version")
      .execute();
    const plan = await tx.db
      .selectFrom("plans")
      .select("data_version")
      .where("id", "=", planId)
      .executeTakeFirstOrThrow();
    const versions = imports.map((i) => i.data_version!);
    const expected = plan.data_version - since;
    if (versions.length !== expected || versions.some((v, i) => v !== since + i + 1)) return null;
    if (versions.length === 0) return { rows: [], dataVersion: plan.data_version };
    const rows = await tx.db
      .selectFrom("measurements")
      .innerJoin("imports", "imports.id", "measurements.import_id")
      .select([
        "measurements.node_id",
        "measurements.period",
        "measurements.segment",
        "measurements.value",
        "measurements.source",
        "measurements.import_id",
        "measurements.updated_at",
      ])
      .where("measurements.plan_id", "=", planId)
      .where("imports.plan_id", "=", planId)
      .where("imports.data_version", ">", since)
      .execute();
    return {
      rows: rows.map((r) =>
        toStored(r.node_id, r.period, r.segment, r.value, r.source, r.import_id, r.updated_at),
      ),
      dataVersion: plan.data_version,
    };
  });
}

function toStored(
  node: string,
  period: string,
  segment: string,
  value: number,
  source: string,
  importId: string | null,
  updatedAt: string,
): StoredMeasurement {
  return segment === ""
    ? { node, period, value, source, importId, updatedAt }
    : { node, period, segment, value, source, importId, updatedAt };
}

export async function measurementHistory(
  ctx: Context,
  orgId: string,
  planId: string,
  nodeId: string,
): Promise<
  { period: string; segment: string; oldValue: number | null; newValue: number; at: string; source: string }[]
> {
  const rows = await ctx.db
    .selectFrom("measurement_history")
    .innerJoin("plans", "plans.id", "measurement_history.plan_id")
    .select([
      "measurement_history.period",
      "measurement_history.segment",
      "measurement_history.old_value",
      "measurement_history.new_value",
      "measurement_history.at",
      "measurement_history.source",
    ])
    .where("measurement_history.plan_id", "=", planId)
    .where("measurement_history.node_id", "=", nodeId)
    .where("plans.org_id", "=", orgId)
    .orderBy("measurement_history.at")
    .orderBy("measurement_history.id")
    .execute();
  return rows.map((row) => ({
    period: row.period,
    segment: row.segment,
    oldValue: row.old_value,
    newValue: row.new_value,
    at: row.at,
    source: row.source,
  }));
}
