import type { Kysely } from "kysely";

/*
 * The audit log is read newest first, filtered by action or by who acted (the settings
 * page's filters): one index per filter, each ending in the page order (at, id), so that a
 * filtered page reads only its own rows. Frozen: imports only Kysely.
 */

type AnyDb = Kysely<unknown>;

const INDEXES = [
  ["audit_log_org_action_at", "action"],
  ["audit_log_org_user_at", "user_id"],
  ["audit_log_org_token_at", "token_id"],
] as const;

export async function up(db: AnyDb): Promise<void> {
  for (const [name, column] of INDEXES)
    await db.schema.createIndex(name).on("audit_log").columns(["org_id", column, "at", "id"]).execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const [name] of INDEXES) await db.schema.dropIndex(name).execute();
}
