import { type Kysely, sql } from "kysely";

/*
 * The first schema. Frozen in time: it imports nothing of the app, only Kysely, so that
 * a later change of the code can never change what this migration did.
 *
 * Portable on SQLite and PostgreSQL: ids are text (random UUIDs), timestamps are ISO 8601
 * text in UTC (they sort as time), values are double precision, JSON is text. Every foreign
 * key is covered by an index whose first columns are the key's columns.
 */

/** Untyped on purpose: a migration must not depend on the app's typed schema. */
type AnyDb = Kysely<unknown>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable("organizations")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("users")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("locale", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addCheckConstraint("users_email_lower", sql`email = lower(email)`)
    .execute();

  await db.schema
    .createTable("memberships")
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("memberships_pk", ["org_id", "user_id"])
    .addCheckConstraint("memberships_role", sql`role in ('owner', 'admin', 'editor', 'viewer')`)
    .execute();
  await db.schema.createIndex("memberships_user_id").on("memberships").column("user_id").execute();

  await db.schema
    .createTable("departments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("slug", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("departments_org_slug", ["org_id", "slug"])
    .execute();

  await db.schema
    .createTable("api_tokens")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("prefix", "text", (c) => c.notNull())
    .addColumn("secret_hash", "text", (c) => c.notNull().unique())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("scopes", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_used_at", "text")
    .addColumn("revoked_at", "text")
    .addCheckConstraint("api_tokens_role", sql`role in ('owner', 'admin', 'editor', 'viewer')`)
    .execute();
  await db.schema.createIndex("api_tokens_org_id").on("api_tokens").column("org_id").execute();
  await db.schema.createIndex("api_tokens_created_by").on("api_tokens").column("created_by").execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("csrf_token", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sessions_user_id").on("sessions").column("user_id").execute();
  await db.schema.createIndex("sessions_org_id").on("sessions").column("org_id").execute();
  await db.schema.createIndex("sessions_expires_at").on("sessions").column("expires_at").execute();

  await db.schema
    .createTable("login_attempts")
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("window_seconds", "integer", (c) => c.notNull())
    .addColumn("window_start", "integer", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull())
    .addColumn("expires_at", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("login_attempts_pk", ["key", "window_seconds", "window_start"])
    .execute();
  await db.schema
    .createIndex("login_attempts_expires_at")
    .on("login_attempts")
    .column("expires_at")
    .execute();

  await db.schema
    .createTable("plans")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("calendar", "text")
    .addColumn("lint", "text")
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("data_version", "integer", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("plans_org_id").on("plans").column("org_id").execute();
  await db.schema.createIndex("plans_created_by").on("plans").column("created_by").execute();

  // A node as the KPI file writes it: `spec` holds every field but targets, as JSON, so that
  // export gives back the imported file; the columns beside it are there to be queried.
  await db.schema
    .createTable("nodes")
    .addColumn("plan_id", "text", (c) => c.notNull().references("plans.id").onDelete("cascade"))
    .addColumn("node_id", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("name", "text")
    .addColumn("parent_id", "text")
    .addColumn("department", "text")
    .addColumn("spec", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("nodes_pk", ["plan_id", "node_id"])
    .execute();

  await db.schema
    .createTable("targets")
    .addColumn("plan_id", "text", (c) => c.notNull())
    .addColumn("node_id", "text", (c) => c.notNull())
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("value", "double precision", (c) => c.notNull())
    .addColumn("baseline", "double precision")
    .addColumn("basis", "text")
    .addColumn("note", "text")
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("targets_pk", ["plan_id", "node_id", "period"])
    .addForeignKeyConstraint(
      "targets_node_fk",
      ["plan_id", "node_id"],
      "nodes",
      ["plan_id", "node_id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();

  // History of targets is never rewritten, and outlives the node (only the plan takes it along).
  await db.schema
    .createTable("target_revisions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("plan_id", "text", (c) => c.notNull().references("plans.id").onDelete("cascade"))
    .addColumn("node_id", "text", (c) => c.notNull())
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("old_value", "double precision")
    .addColumn("new_value", "double precision", (c) => c.notNull())
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("comment", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("token_id", "text", (c) => c.references("api_tokens.id").onDelete("set null"))
    .addColumn("at", "text", (c) => c.notNull())
    .addCheckConstraint(
      "target_revisions_reason",
      sql`reason in ('external', 'resources', 'misaligned', 'other')`,
    )
    .execute();
  await db.schema
    .createIndex("target_revisions_plan_node")
    .on("target_revisions")
    .columns(["plan_id", "node_id", "at"])
    .execute();
  await db.schema.createIndex("target_revisions_user_id").on("target_revisions").column("user_id").execute();
  await db.schema
    .createIndex("target_revisions_token_id")
    .on("target_revisions")
    .column("token_id")
    .execute();

  await db.schema
    .createTable("imports")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("plan_id", "text", (c) => c.notNull().references("plans.id").onDelete("cascade"))
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("token_id", "text", (c) => c.references("api_tokens.id").onDelete("set null"))
    .addColumn("row_count", "integer", (c) => c.notNull())
    .addColumn("inserted", "integer", (c) => c.notNull())
    .addColumn("updated", "integer", (c) => c.notNull())
    .addColumn("unchanged", "integer", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("imports_org_id").on("imports").column("org_id").execute();
  await db.schema.createIndex("imports_plan_id").on("imports").columns(["plan_id", "at"]).execute();
  await db.schema.createIndex("imports_user_id").on("imports").column("user_id").execute();
  await db.schema.createIndex("imports_token_id").on("imports").column("token_id").execute();

  // The primary key (plan, node, period, segment) is also the index of every range read.
  await db.schema
    .createTable("measurements")
    .addColumn("plan_id", "text", (c) => c.notNull())
    .addColumn("node_id", "text", (c) => c.notNull())
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("segment", "text", (c) => c.notNull())
    .addColumn("value", "double precision", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    // Which import last wrote the row. Deliberately not a foreign key: the hottest table
    // keeps one index and one check per row; imports are only deleted with their plan.
    .addColumn("import_id", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("measurements_pk", ["plan_id", "node_id", "period", "segment"])
    .addForeignKeyConstraint(
      "measurements_node_fk",
      ["plan_id", "node_id"],
      "nodes",
      ["plan_id", "node_id"],
      (fk) => fk.onDelete("cascade"),
    )
    .execute();

  await db.schema
    .createTable("measurement_history")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("plan_id", "text", (c) => c.notNull().references("plans.id").onDelete("cascade"))
    .addColumn("node_id", "text", (c) => c.notNull())
    .addColumn("period", "text", (c) => c.notNull())
    .addColumn("segment", "text", (c) => c.notNull())
    .addColumn("old_value", "double precision")
    .addColumn("new_value", "double precision", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("import_id", "text", (c) => c.references("imports.id").onDelete("set null"))
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("measurement_history_plan_node")
    .on("measurement_history")
    .columns(["plan_id", "node_id", "at"])
    .execute();
  await db.schema
    .createIndex("measurement_history_import_id")
    .on("measurement_history")
    .column("import_id")
    .execute();

  await db.schema
    .createTable("comments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("plan_id", "text", (c) => c.notNull().references("plans.id").onDelete("cascade"))
    .addColumn("node_id", "text", (c) => c.notNull())
    .addColumn("user_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("token_id", "text", (c) => c.references("api_tokens.id").onDelete("set null"))
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("comments_org_id").on("comments").column("org_id").execute();
  await db.schema
    .createIndex("comments_plan_node")
    .on("comments")
    .columns(["plan_id", "node_id", "created_at"])
    .execute();
  await db.schema.createIndex("comments_user_id").on("comments").column("user_id").execute();
  await db.schema.createIndex("comments_token_id").on("comments").column("token_id").execute();

  // Who did what, kept when the thing itself is gone: entity ids are not foreign keys.
  await db.schema
    .createTable("audit_log")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("org_id", "text", (c) => c.notNull().references("organizations.id").onDelete("cascade"))
    .addColumn("user_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("token_id", "text", (c) => c.references("api_tokens.id").onDelete("set null"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entity", "text", (c) => c.notNull())
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("detail", "text", (c) => c.notNull())
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("audit_log_org_at").on("audit_log").columns(["org_id", "at", "id"]).execute();
  await db.schema.createIndex("audit_log_user_id").on("audit_log").column("user_id").execute();
  await db.schema.createIndex("audit_log_token_id").on("audit_log").column("token_id").execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    "audit_log",
    "comments",
    "measurement_history",
    "measurements",
    "imports",
    "target_revisions",
    "targets",
    "nodes",
    "plans",
    "login_attempts",
    "sessions",
    "api_tokens",
    "departments",
    "memberships",
    "users",
    "organizations",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
