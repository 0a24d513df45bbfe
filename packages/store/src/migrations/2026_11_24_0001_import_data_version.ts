import type { Kysely } from "kysely";

/*
 * Each import that changed data records the plan's data version it produced. A server that
 * holds the plan's actuals at version V then reads only the rows of the imports after V
 * instead of every row. Older imports keep null (nobody holds a version that old in memory
 * across an upgrade: caches start empty). Frozen: imports only Kysely.
 */

type AnyDb = Kysely<unknown>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable("imports").addColumn("data_version", "integer").execute();
  await db.schema
    .createIndex("imports_plan_data_version")
    .on("imports")
    .columns(["plan_id", "data_version"])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex("imports_plan_data_version").execute();
  await db.schema.alterTable("imports").dropColumn("data_version").execute();
}
