import { type Kysely, sql } from "kysely";

/*
 * The data-entry grid asks which segments each node of a plan has ever been recorded by, in
 * any period. The primary key (plan, node, period, segment) would have every actual of the
 * plan read for that; this index holds only the segmented actuals, by (plan, node, segment),
 * so that the answer is an index-only walk of those rows in the order it is given in, with
 * no sort. Frozen: imports only Kysely.
 */

type AnyDb = Kysely<unknown>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createIndex("measurements_plan_node_segment")
    .on("measurements")
    .columns(["plan_id", "node_id", "segment"])
    .where(sql.ref("segment"), "<>", sql.lit(""))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex("measurements_plan_node_segment").execute();
}
