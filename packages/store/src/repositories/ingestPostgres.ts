import { sql } from "kysely";
import { type Context, newId } from "./context.js";
import {
  type ApplyCounts,
  classify,
  type IngestBatch,
  type IngestRow,
  keyOf,
  type LookupPlan,
  planLookups,
} from "./measurements.js";

/*
 * The PostgreSQL writer of ingestMeasurements: whole columns travel as arrays and are
 * unnested on the server, so a chunk of rows is one round trip per step (look up, insert,
 * update, history) instead of one per row.
 */

const CHUNK = 20_000;

export async function applyPostgres(ctx: Context, batch: IngestBatch): Promise<ApplyCounts> {
  const existing = await lookUp(ctx, batch.planId, planLookups(batch.rows));
  const { fresh, changes, unchanged } = classify(batch.rows, existing);
  for (let i = 0; i < fresh.length; i += CHUNK) await insert(ctx, batch, fresh.slice(i, i + CHUNK));
  for (let i = 0; i < changes.length; i += CHUNK) await update(ctx, batch, changes.slice(i, i + CHUNK));
  return { inserted: fresh.length, updated: changes.length, unchanged };
}

function columns(rows: readonly IngestRow[]) {
  return {
    nodes: rows.map((row) => row.node),
    periods: rows.map((row) => row.period),
    segments: rows.map((row) => row.segment),
    values: rows.map((row) => row.value),
  };
}

/** The stored value of each of the batch's keys that exists. */
async function lookUp(ctx: Context, planId: string, lookups: LookupPlan): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const collect = (rows: { node_id: string; period: string; segment: string; value: number }[]) => {
    for (const row of rows) out.set(keyOf(row.node_id, row.period, row.segment), row.value);
  };
  if (lookups.ranges.length > 0) {
    const nodes = lookups.ranges.map((range) => range.node);
    const froms = lookups.ranges.map((range) => range.from);
    const tos = lookups.ranges.map((range) => range.to);
    const result = await sql<{ node_id: string; period: string; segment: string; value: number }>`
      select m.node_id, m.period, m.segment, m.value
      from unnest(${nodes}::text[], ${froms}::text[], ${tos}::text[]) as r(node_id, period_from, period_to)
      join measurements m
        on m.plan_id = ${planId} and m.node_id = r.node_id and m.period between r.period_from and r.period_to
    `.execute(ctx.db);
    collect(result.rows);
  }
  for (let i = 0; i < lookups.points.length; i += CHUNK) {
    const { nodes, periods, segments } = columns(lookups.points.slice(i, i + CHUNK));
    const result = await sql<{ node_id: string; period: string; segment: string; value: number }>`
      select m.node_id, m.period, m.segment, m.value
      from unnest(${nodes}::text[], ${periods}::text[], ${segments}::text[]) as k(node_id, period, segment)
      join measurements m
        on m.plan_id = ${planId} and m.node_id = k.node_id and m.period = k.period and m.segment = k.segment
    `.execute(ctx.db);
    collect(result.rows);
  }
  return out;
}

async function insert(ctx: Context, batch: IngestBatch, rows: readonly IngestRow[]): Promise<void> {
  const { nodes, periods, segments, values } = columns(rows);
  await sql`
    insert into measurements (plan_id, node_id, period, segment, value, source, import_id, updated_at)
    select ${batch.planId}, t.node_id, t.period, t.segment, t.value, ${batch.source}, ${batch.importId}, ${batch.at}
    from unnest(${nodes}::text[], ${periods}::text[], ${segments}::text[], ${values}::float8[])
      as t(node_id, period, segment, value)
  `.execute(ctx.db);
}

async function update(
  ctx: Context,
  batch: IngestBatch,
  changes: readonly { row: IngestRow; oldValue: number }[],
): Promise<void> {
  const { nodes, periods, segments, values } = columns(changes.map((change) => change.row));
  const oldValues = changes.map((change) => change.oldValue);
  const ids = changes.map(() => newId());
  await sql`
    update measurements m
    set value = t.value, source = ${batch.source}, import_id = ${batch.importId}, updated_at = ${batch.at}
    from unnest(${nodes}::text[], ${periods}::text[], ${segments}::text[], ${values}::float8[])
      as t(node_id, period, segment, value)
    where m.plan_id = ${batch.planId} and m.node_id = t.node_id and m.period = t.period and m.segment = t.segment
  `.execute(ctx.db);
  await sql`
    insert into measurement_history (id, plan_id, node_id, period, segment, old_value, new_value, source, import_id, at)
    select t.id, ${batch.planId}, t.node_id, t.period, t.segment, t.old_value, t.new_value,
      ${batch.source}, ${batch.importId}, ${batch.at}
    from unnest(${ids}::text[], ${nodes}::text[], ${periods}::text[], ${segments}::text[],
      ${oldValues}::float8[], ${values}::float8[]) as t(id, node_id, period, segment, old_value, new_value)
  `.execute(ctx.db);
}
