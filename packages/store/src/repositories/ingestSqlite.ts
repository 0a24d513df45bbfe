import type { Database, Statement } from "better-sqlite3";
import { newId } from "./context.js";
import { type ApplyCounts, classify, type IngestBatch, keyOf, planLookups } from "./measurements.js";

/*
 * The SQLite writer of ingestMeasurements, on the raw better-sqlite3 connection inside the
 * caller's transaction: statements prepared once per connection, stored values read by
 * index range per node, then multi-row INSERTs of new rows and UPDATEs of changed ones.
 * Building each statement with the query builder would cost more than SQLite spends
 * running it.
 */

/** Rows per multi-row INSERT: 500 × 10 parameters stays far below SQLite's 32,766. */
const CHUNK = 500;

const MEASUREMENT_COLUMNS = "(plan_id, node_id, period, segment, value, source, import_id, updated_at)";
const HISTORY_COLUMNS =
  "(id, plan_id, node_id, period, segment, old_value, new_value, source, import_id, at)";

interface Statements {
  point: Statement;
  range: Statement;
  insertOne: Statement;
  insertMany: Statement;
  update: Statement;
  historyOne: Statement;
  historyMany: Statement;
}

const cache = new WeakMap<Database, Statements>();

function placeholders(columns: number, rows: number): string {
  const row = `(${new Array(columns).fill("?").join(", ")})`;
  return new Array(rows).fill(row).join(", ");
}

function statements(db: Database): Statements {
  let prepared = cache.get(db);
  if (!prepared) {
    prepared = {
      point: db
        .prepare(
          "select value from measurements where plan_id = ? and node_id = ? and period = ? and segment = ?",
        )
        .pluck(),
      range: db
        .prepare(
          "select period, segment, value from measurements where plan_id = ? and node_id = ? and period between ? and ?",
        )
        .raw(),
      insertOne: db.prepare(`insert into measurements ${MEASUREMENT_COLUMNS} values ${placeholders(8, 1)}`),
      insertMany: db.prepare(
        `insert into measurements ${MEASUREMENT_COLUMNS} values ${placeholders(8, CHUNK)}`,
      ),
      update: db.prepare(
        "update measurements set value = ?, source = ?, import_id = ?, updated_at = ? " +
          "where plan_id = ? and node_id = ? and period = ? and segment = ?",
      ),
      historyOne: db.prepare(
        `insert into measurement_history ${HISTORY_COLUMNS} values ${placeholders(10, 1)}`,
      ),
      historyMany: db.prepare(
        `insert into measurement_history ${HISTORY_COLUMNS} values ${placeholders(10, CHUNK)}`,
      ),
    };
    cache.set(db, prepared);
  }
  return prepared;
}

export function applySqlite(db: Database, batch: IngestBatch): ApplyCounts {
  const s = statements(db);
  const { planId, importId, source, at } = batch;

  const existing = new Map<string, number>();
  const lookups = planLookups(batch.rows);
  for (const { node, from, to } of lookups.ranges) {
    for (const [period, segment, value] of s.range.all(planId, node, from, to) as [
      string,
      string,
      number,
    ][]) {
      existing.set(keyOf(node, period, segment), value);
    }
  }
  for (const row of lookups.points) {
    const value = s.point.get(planId, row.node, row.period, row.segment) as number | undefined;
    if (value !== undefined) existing.set(row.key, value);
  }
  const { fresh, changes, unchanged } = classify(batch.rows, existing);

  writeInChunks(fresh, 8, s.insertOne, s.insertMany, (row, out, o) => {
    out[o] = planId;
    out[o + 1] = row.node;
    out[o + 2] = row.period;
    out[o + 3] = row.segment;
    out[o + 4] = row.value;
    out[o + 5] = source;
    out[o + 6] = importId;
    out[o + 7] = at;
  });
  for (const { row } of changes) {
    s.update.run(row.value, source, importId, at, planId, row.node, row.period, row.segment);
  }
  writeInChunks(changes, 10, s.historyOne, s.historyMany, ({ row, oldValue }, out, o) => {
    out[o] = newId();
    out[o + 1] = planId;
    out[o + 2] = row.node;
    out[o + 3] = row.period;
    out[o + 4] = row.segment;
    out[o + 5] = oldValue;
    out[o + 6] = row.value;
    out[o + 7] = source;
    out[o + 8] = importId;
    out[o + 9] = at;
  });
  return { inserted: fresh.length, updated: changes.length, unchanged };
}

function writeInChunks<T>(
  items: readonly T[],
  width: number,
  one: Statement,
  many: Statement,
  fill: (item: T, out: unknown[], offset: number) => void,
): void {
  const params: unknown[] = new Array(width * CHUNK);
  let i = 0;
  for (; i + CHUNK <= items.length; i += CHUNK) {
    for (let j = 0; j < CHUNK; j++) fill(items[i + j]!, params, j * width);
    many.run(params);
  }
  const single: unknown[] = new Array(width);
  for (; i < items.length; i++) {
    fill(items[i]!, single, 0);
    one.run(single);
  }
}
