/**
 * Measures ingestMeasurements and listMeasurements on both databases:
 *   SHIHYO_TEST_DATABASE_URL=postgres://… npx tsx --conditions=source packages/store/bench/ingest.ts [rows…]
 * Each size runs on a fresh database: first ingest (all inserts), the same rows again
 * (all unchanged), 10 % changed (updates + history), then reads.
 */
import type { Measurement, Plan } from "@shihyo/engine";
import { openStore } from "../src/index.js";
import { createTestDatabase, type Dialect } from "../test/testDatabases.js";

const sizes = process.argv.slice(2).map(Number);
const NODES = 100;
const dialects: Dialect[] = process.env.SHIHYO_TEST_DATABASE_URL ? ["sqlite", "postgres"] : ["sqlite"];

function day(i: number): string {
  return new Date(Date.UTC(2000, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
}

function rowsOf(count: number): Measurement[] {
  const perNode = Math.ceil(count / NODES);
  const rows: Measurement[] = [];
  for (let i = 0; i < count; i++) {
    rows.push({ node: `n${i % NODES}`, period: day(Math.floor(i / NODES) % perNode), value: (i * 7) % 1000 });
  }
  return rows;
}

const plan: Plan = {
  version: 1,
  name: "bench",
  nodes: Array.from({ length: NODES }, (_, i) => ({
    id: `n${i}`,
    role: "kpi" as const,
    grain: "day" as const,
  })),
};

function timed<T>(label: string, rows: number, fn: () => Promise<T>): Promise<T> {
  const start = performance.now();
  return fn().then((result) => {
    const ms = performance.now() - start;
    const rate = rows > 0 ? `  ${Math.round((rows / ms) * 1000).toLocaleString("en")} rows/s` : "";
    console.log(`  ${label.padEnd(36)} ${ms.toFixed(0).padStart(7)} ms${rate}`);
    return result;
  });
}

for (const dialect of dialects) {
  for (const size of sizes.length > 0 ? sizes : [100_000, 1_000_000]) {
    console.log(`${dialect}, ${size.toLocaleString("en")} rows`);
    const database = await createTestDatabase(dialect);
    const store = await openStore(database.target);
    try {
      const org = await store.createOrganization({ slug: "bench", name: "bench" });
      const actor = { orgId: org.id, userId: null, tokenId: null, role: "owner" as const };
      const { id } = await store.createPlan(actor, plan);
      const rows = rowsOf(size);
      await timed("ingest (all new)", size, () =>
        store.ingestMeasurements(actor, { planId: id, rows, source: "bench" }),
      );
      await timed("ingest again (all unchanged)", size, () =>
        store.ingestMeasurements(actor, { planId: id, rows, source: "bench" }),
      );
      const changed = rows.map((row, i) => (i % 10 === 0 ? { ...row, value: row.value + 1 } : row));
      await timed("ingest, 10 % changed", size, () =>
        store.ingestMeasurements(actor, { planId: id, rows: changed, source: "bench" }),
      );
      const all = await timed("listMeasurements (whole plan)", size, () =>
        store.listMeasurements(org.id, id),
      );
      if (all.length !== size) throw new Error(`read ${all.length} rows`);
      await timed("listMeasurements (one node, 90 days)", 0, () =>
        store.listMeasurements(org.id, id, { nodeId: "n5", from: day(100), to: day(189) }),
      );
    } finally {
      await store.close();
      await database.dispose();
    }
  }
}
