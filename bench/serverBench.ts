/**
 * The server benchmark (issue goals: bulk ingest ≥ 100k rows/s on SQLite and ≥ 50 % of
 * raw inserts on PostgreSQL; evaluation p95 ≤ 50 ms on SQLite with no errors).
 *
 * The organisation: the engine bench's plan (1,000 nodes, see generatePlan.ts) with its
 * three fiscal years of daily data. On each database (SQLite in a temporary directory;
 * PostgreSQL in a fresh database when SHIHYO_BENCH_DATABASE_URL or SHIHYO_TEST_DATABASE_URL
 * names a server, dropped afterwards), with the real server listening on 127.0.0.1:
 *
 * 1. Ingest: every daily row POSTed to /api/v1/plans/{id}/measurements with an API token,
 *    in JSON bodies of 100,000 rows (the server's limit), one after the other, over real
 *    HTTP. The bodies are serialised before the clock starts: the server's work is timed.
 *    Baseline: the same rows inserted raw into `measurements` for a fresh plan of the same
 *    database, multi-row INSERTs in one transaction per 100,000 rows, through a direct
 *    connection (better-sqlite3 on the same file / pg on the same database). It runs first,
 *    so the API's ingest meets the fuller table.
 * 2. Evaluation: GET /api/v1/plans/{id}/evaluation?period=FY2025-Q4&asOf=2026-03-31 with
 *    `accept-encoding: gzip`, once to warm (loads the evaluator), then autocannon with 50
 *    connections for 20 s. autocannon runs in a worker thread so that the load generator
 *    does not share the server's event loop; p95 comes from its latency histogram (1 ms
 *    resolution; see `percentileList` below), alongside its p50, p90, p97.5 and p99.
 *    Baseline: the quarter's range read in raw SQL, median of 50 runs.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Measurement } from "@shihyo/engine";
import { buildServer, DEFAULT_CONFIG } from "@shihyo/server";
import { DATABASE_FILE, openStore } from "@shihyo/store";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { createScratchPostgres } from "../packages/store/test/testDatabases.js";
import type { BenchModule, JsonValue } from "./benchModule.js";
import { createBenchOwner } from "./benchOwner.js";
import { generatePlan, measurementsOf } from "./generatePlan.js";
import { collectGarbage, median, significant } from "./measure.js";

const ROWS_PER_REQUEST = 100_000;
const SQLITE_ROWS_PER_INSERT = 500;
const POSTGRES_ROWS_PER_INSERT = 2_000;
const PERIOD = "FY2025-Q4";
const PERIOD_FIRST_DAY = "2026-01-01";
const PERIOD_LAST_DAY = "2026-03-31";
const AS_OF = "2026-03-31";
const CONNECTIONS = 50;
const DURATION_SECONDS = 20;
const RAW_QUERY_RUNS = 50;
const GOAL_SQLITE_INGEST_ROWS_PER_SEC = 100_000;
const GOAL_POSTGRES_RATIO_TO_RAW = 0.5;
const GOAL_SQLITE_P95_MS = 50;

type Dialect = "sqlite" | "postgres";

/** The part of autocannon's programmatic API used here (the package ships no types). */
interface AutocannonResult {
  latency: { p50: number; p90: number; p95?: number; p97_5: number; p99: number; mean: number; max: number };
  requests: { average: number; total: number };
  throughput: { average: number };
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  workers?: number;
  headers: Record<string, string>;
}) => Promise<AutocannonResult>;
const requireHere = createRequire(import.meta.url);
const autocannon = requireHere("autocannon") as Autocannon;
/**
 * autocannon turns its latency histogram into the percentiles listed by this module (in
 * the main thread, also in worker mode): adding 95 makes it report a real `p95` from its
 * own histogram. If that ever stops working, p97.5 is reported under its own name instead.
 */
const percentileList = (
  createRequire(requireHere.resolve("autocannon"))("hdr-histogram-percentiles-obj") as {
    percentiles?: number[];
  }
).percentiles;
if (Array.isArray(percentileList) && !percentileList.includes(95)) {
  percentileList.push(95);
  percentileList.sort((a, b) => a - b);
}

export const serverBench: BenchModule = {
  key: "server",
  description: "HTTP API: bulk ingest vs raw inserts, evaluation under 50 clients vs a raw range read",
  run: async (log) => runServerBench(log),
};

interface Database {
  target: { url?: string; dir?: string };
  /** A direct connection for the raw baselines. */
  raw(): Promise<RawConnection>;
  dispose(): Promise<void>;
}

interface RawConnection {
  /** Inserts the rows for the plan, one transaction per `ROWS_PER_REQUEST` rows. */
  insert(planId: string, rows: readonly Measurement[]): Promise<void>;
  /** The quarter's range read; answers the number of rows. */
  rangeQuery(planId: string): Promise<number>;
  close(): Promise<void>;
}

const COLUMNS = "(plan_id, node_id, period, segment, value, source, import_id, updated_at)";

function sqliteDatabase(): Database {
  const dir = mkdtempSync(join(tmpdir(), "shihyo-bench-"));
  return {
    target: { dir },
    raw: async () => {
      const db = new BetterSqlite3(join(dir, DATABASE_FILE));
      db.pragma("journal_mode = WAL");
      db.pragma("synchronous = NORMAL");
      db.pragma("foreign_keys = ON");
      db.pragma("busy_timeout = 5000");
      const placeholders = (n: number) =>
        Array.from({ length: n }, () => "(?, ?, ?, ?, ?, ?, ?, ?)").join(", ");
      const many = db.prepare(
        `insert into measurements ${COLUMNS} values ${placeholders(SQLITE_ROWS_PER_INSERT)}`,
      );
      const range = db.prepare(
        "select node_id, period, value from measurements where plan_id = ? and period between ? and ?",
      );
      const at = new Date().toISOString();
      const insertBatch = db.transaction((planId: string, batch: readonly Measurement[]) => {
        for (let i = 0; i < batch.length; i += SQLITE_ROWS_PER_INSERT) {
          const chunk = batch.slice(i, i + SQLITE_ROWS_PER_INSERT);
          const params = chunk.flatMap((r) => [planId, r.node, r.period, "", r.value, "raw", null, at]);
          if (chunk.length === SQLITE_ROWS_PER_INSERT) many.run(params);
          else
            db.prepare(`insert into measurements ${COLUMNS} values ${placeholders(chunk.length)}`).run(
              params,
            );
        }
      });
      return {
        insert: async (planId, rows) => {
          for (let i = 0; i < rows.length; i += ROWS_PER_REQUEST)
            insertBatch(planId, rows.slice(i, i + ROWS_PER_REQUEST));
        },
        rangeQuery: async (planId) => range.all(planId, PERIOD_FIRST_DAY, PERIOD_LAST_DAY).length,
        close: async () => {
          db.close();
        },
      };
    },
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function postgresDatabase(adminUrl: string): Promise<Database> {
  const scratch = await createScratchPostgres(adminUrl, "shihyo_bench");
  return {
    target: { url: scratch.url },
    raw: async () => {
      const client = new pg.Client({ connectionString: scratch.url });
      await client.connect();
      const at = new Date().toISOString();
      const statement = (n: number) =>
        `insert into measurements ${COLUMNS} values ${Array.from({ length: n }, (_, k) => {
          const b = k * 8;
          return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7}, $${b + 8})`;
        }).join(", ")}`;
      const full = statement(POSTGRES_ROWS_PER_INSERT);
      return {
        insert: async (planId, rows) => {
          for (let i = 0; i < rows.length; i += ROWS_PER_REQUEST) {
            const batch = rows.slice(i, i + ROWS_PER_REQUEST);
            await client.query("begin");
            try {
              for (let j = 0; j < batch.length; j += POSTGRES_ROWS_PER_INSERT) {
                const chunk = batch.slice(j, j + POSTGRES_ROWS_PER_INSERT);
                const params = chunk.flatMap((r) => [planId, r.node, r.period, "", r.value, "raw", null, at]);
                await client.query(
                  chunk.length === POSTGRES_ROWS_PER_INSERT ? full : statement(chunk.length),
                  params,
                );
              }
              await client.query("commit");
            } catch (error) {
              await client.query("rollback");
              throw error;
            }
          }
        },
        rangeQuery: async (planId) =>
          (
            await client.query(
              "select node_id, period, value from measurements where plan_id = $1 and period between $2 and $3",
              [planId, PERIOD_FIRST_DAY, PERIOD_LAST_DAY],
            )
          ).rowCount ?? 0,
        close: async () => {
          await client.end();
        },
      };
    },
    dispose: scratch.drop,
  };
}

const rate = (rows: number, ms: number) => Math.round((rows / ms) * 1000);
const goal = (met: boolean, text: string): JsonValue => ({ goal: text, met });
const fmt = (n: number) => n.toLocaleString("en");

async function benchDialect(
  dialect: Dialect,
  database: Database,
  model: ReturnType<typeof generatePlan>,
  rows: readonly Measurement[],
  bodies: readonly string[],
  log: (line: string) => void,
): Promise<{ [key: string]: JsonValue }> {
  const store = await openStore({ ...database.target });
  const app = buildServer({ store, config: { ...DEFAULT_CONFIG, logLevel: "silent" }, logger: false });
  const raw = await database.raw();
  try {
    await app.listen({ host: "127.0.0.1", port: 0 });
    const { port } = app.server.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;

    const owner = await createBenchOwner(store);
    const { secret } = await store.createApiToken(owner, { name: "bench", role: "admin", scopes: [] });
    const authorization = `Bearer ${secret}`;

    // 1a. Raw inserts for a fresh plan (first, so the API meets the fuller table).
    const rawPlan = await store.createPlan(owner, model.plan);
    collectGarbage();
    let started = performance.now();
    await raw.insert(rawPlan.id, rows);
    const rawMs = performance.now() - started;
    const rawInsertRowsPerSec = rate(rows.length, rawMs);
    log(
      `  ${dialect}: raw inserts ${fmt(rows.length)} rows in ${rawMs.toFixed(0)} ms = ${fmt(rawInsertRowsPerSec)} rows/s`,
    );

    // 1b. Ingest through the API.
    const plan = await store.createPlan(owner, model.plan);
    const url = `${base}/api/v1/plans/${plan.id}/measurements`;
    collectGarbage();
    let inserted = 0;
    started = performance.now();
    for (const body of bodies) {
      const response = await fetch(url, {
        method: "POST",
        headers: { authorization, "content-type": "application/json" },
        body,
      });
      const text = await response.text();
      if (response.status !== 200)
        throw new Error(`${dialect}: ingest answered ${response.status}: ${text.slice(0, 500)}`);
      inserted += (JSON.parse(text) as { inserted: number }).inserted;
    }
    const ingestMs = performance.now() - started;
    if (inserted !== rows.length)
      throw new Error(`${dialect}: the API inserted ${inserted} of ${rows.length} rows`);
    const ingestRowsPerSec = rate(rows.length, ingestMs);
    const ratioToRaw = significant(ingestRowsPerSec / rawInsertRowsPerSec, 3);
    log(
      `  ${dialect}: API ingest ${fmt(rows.length)} rows in ${bodies.length} requests, ${ingestMs.toFixed(0)} ms = ` +
        `${fmt(ingestRowsPerSec)} rows/s (${(ratioToRaw * 100).toFixed(0)} % of raw)`,
    );

    // 2a. Raw range read of the quarter.
    await raw.rangeQuery(plan.id);
    const rangeSamples: number[] = [];
    let rangeRows = 0;
    for (let i = 0; i < RAW_QUERY_RUNS; i++) {
      const t = performance.now();
      rangeRows = await raw.rangeQuery(plan.id);
      rangeSamples.push(performance.now() - t);
    }
    const rawRangeQueryMedianMs = significant(median(rangeSamples), 3);
    log(
      `  ${dialect}: raw range read of ${PERIOD}: ${fmt(rangeRows)} rows, median ${rawRangeQueryMedianMs} ms`,
    );

    // 2b. The evaluation endpoint under load.
    const evaluationUrl = `${base}/api/v1/plans/${plan.id}/evaluation?period=${PERIOD}&asOf=${AS_OF}`;
    const headers = { authorization, "accept-encoding": "gzip" };
    started = performance.now();
    const warm = await fetch(evaluationUrl, { headers });
    const warmBody = await warm.text();
    const warmMs = performance.now() - started;
    if (warm.status !== 200)
      throw new Error(`${dialect}: evaluation answered ${warm.status}: ${warmBody.slice(0, 500)}`);
    const nodes = (JSON.parse(warmBody) as { nodes: unknown[] }).nodes.length;
    if (nodes !== model.nodes.length)
      throw new Error(`${dialect}: evaluation answered ${nodes} nodes, not ${model.nodes.length}`);
    log(
      `  ${dialect}: first evaluation (loads the evaluator) ${warmMs.toFixed(0)} ms, ` +
        `content-encoding ${warm.headers.get("content-encoding") ?? "none"}; autocannon ${CONNECTIONS} connections × ${DURATION_SECONDS} s…`,
    );
    collectGarbage();
    const result = await autocannon({
      url: evaluationUrl,
      connections: CONNECTIONS,
      duration: DURATION_SECONDS,
      workers: 1,
      headers,
    });
    const statusCodes: { [key: string]: JsonValue } = {};
    for (const [code, stat] of Object.entries(result.statusCodeStats)) statusCodes[code] = stat.count;
    const latency = result.latency;
    log(
      `  ${dialect}: evaluation p50 ${latency.p50} ms, p90 ${latency.p90} ms, p95 ${latency.p95 ?? "n/a"} ms, p97.5 ${latency.p97_5} ms, ` +
        `p99 ${latency.p99} ms, ${fmt(Math.round(result.requests.average))} req/s, ` +
        `errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}`,
    );

    // 2c. A data push of 1,000 rows (new values of rows in the quarter), then the same question:
    // the cached evaluator takes the changed rows instead of reading every row again.
    // Baseline: the first evaluation above (a full load).
    const pushRows = rows
      .filter((r) => r.period >= PERIOD_FIRST_DAY && r.period <= PERIOD_LAST_DAY)
      .slice(0, 1_000)
      .map((r) => ({ ...r, value: r.value + 1 }));
    const push = await fetch(url, {
      method: "POST",
      headers: { authorization, "content-type": "application/json" },
      body: JSON.stringify({ rows: pushRows }),
    });
    if (push.status !== 200)
      throw new Error(`${dialect}: push answered ${push.status}: ${await push.text()}`);
    started = performance.now();
    const afterPush = await fetch(evaluationUrl, { headers });
    await afterPush.arrayBuffer();
    const afterPushMs = performance.now() - started;
    if (afterPush.status !== 200)
      throw new Error(`${dialect}: evaluation after a push answered ${afterPush.status}`);
    log(
      `  ${dialect}: evaluation after a ${fmt(pushRows.length)}-row push ${afterPushMs.toFixed(0)} ms ` +
        `vs a full load ${warmMs.toFixed(0)} ms (${(afterPushMs / warmMs).toFixed(3)}×)`,
    );

    const section: { [key: string]: JsonValue } = {
      ingestRowsPerSec,
      rawInsertRowsPerSec,
      ratioToRaw,
      ingestMs: Math.round(ingestMs),
      rawInsertMs: Math.round(rawMs),
      ingestRequests: bodies.length,
      evaluation: {
        firstRequestMs: Math.round(warmMs),
        afterPushOf1000RowsMs: Math.round(afterPushMs),
        afterPushRatioToFirstRequest: significant(afterPushMs / warmMs, 3),
        p50Ms: latency.p50,
        p90Ms: latency.p90,
        p97_5Ms: latency.p97_5,
        p99Ms: latency.p99,
        p95Ms: latency.p95 ?? null,
        ...(latency.p95 === undefined ? { p95Note: "autocannon gave no p95: judged on p97_5Ms" } : {}),
        meanMs: latency.mean,
        maxMs: latency.max,
        requestsPerSec: Math.round(result.requests.average),
        requests: result.requests.total,
        errors: result.errors,
        timeouts: result.timeouts,
        non2xx: result.non2xx,
        statusCodes,
        bytesPerSec: Math.round(result.throughput.average),
      },
      rawRangeQueryMedianMs,
      rawRangeQueryRows: rangeRows,
    };
    const errors = result.errors + result.timeouts + result.non2xx;
    if (dialect === "sqlite") {
      section.goals = {
        ingest: goal(ingestRowsPerSec >= GOAL_SQLITE_INGEST_ROWS_PER_SEC, "ingest ≥ 100,000 rows/s"),
        evaluation: goal(
          (latency.p95 ?? latency.p97_5) <= GOAL_SQLITE_P95_MS && errors === 0,
          `evaluation p95 ≤ 50 ms with 0 errors${latency.p95 === undefined ? " (judged on p97.5)" : ""}`,
        ),
      };
    } else {
      section.goals = {
        ingest: goal(ratioToRaw >= GOAL_POSTGRES_RATIO_TO_RAW, "ingest ≥ 50 % of raw inserts"),
      };
    }
    return section;
  } finally {
    await raw.close();
    await app.close();
    await store.close();
  }
}

async function runServerBench(log: (line: string) => void): Promise<{ [key: string]: JsonValue }> {
  const model = generatePlan();
  const rows = measurementsOf(model);
  const bodies: string[] = [];
  for (let i = 0; i < rows.length; i += ROWS_PER_REQUEST)
    bodies.push(JSON.stringify({ rows: rows.slice(i, i + ROWS_PER_REQUEST) }));
  log(
    `  organisation: ${model.nodes.length} KPIs, ${fmt(rows.length)} daily rows ` +
      `(${bodies.length} bodies of ≤ ${fmt(ROWS_PER_REQUEST)} rows, ${(bodies.reduce((s, b) => s + b.length, 0) / 2 ** 20).toFixed(0)} MiB)`,
  );

  const document: { [key: string]: JsonValue } = {
    kpis: model.nodes.length,
    rows: rows.length,
    days: model.dayIds.length,
    evaluationQuery: `period=${PERIOD}&asOf=${AS_OF}`,
    autocannon: `${CONNECTIONS} connections, ${DURATION_SECONDS} s, 1 worker thread`,
    note:
      "ingest: request bodies serialised before timing; raw baseline: multi-row INSERT ... VALUES " +
      "(SQLite 500 rows, PostgreSQL 2,000 rows per statement), one transaction per 100,000 rows, run before the API ingest",
  };

  const sqlite = sqliteDatabase();
  try {
    document.sqlite = await benchDialect("sqlite", sqlite, model, rows, bodies, log);
  } finally {
    await sqlite.dispose();
  }
  collectGarbage();

  const postgresUrl = process.env.SHIHYO_BENCH_DATABASE_URL || process.env.SHIHYO_TEST_DATABASE_URL;
  if (!postgresUrl) {
    const note = "skipped: set SHIHYO_BENCH_DATABASE_URL or SHIHYO_TEST_DATABASE_URL to a PostgreSQL server";
    log(`  postgres: ${note}`);
    document.postgres = { skipped: true, note };
  } else {
    const postgres = await postgresDatabase(postgresUrl);
    try {
      document.postgres = await benchDialect("postgres", postgres, model, rows, bodies, log);
    } finally {
      await postgres.dispose();
    }
  }
  return document;
}
