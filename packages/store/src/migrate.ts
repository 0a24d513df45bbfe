import { type Kysely, type Migration, Migrator, sql } from "kysely";
import { MIGRATIONS } from "./migrations/index.js";
import type { Database } from "./schema.js";
import { StoreError } from "./storeError.js";

/**
 * Key of the session-level advisory lock that serialises start-up migrations across app
 * instances on one PostgreSQL database ("shihyo" in ASCII). Kysely's migrator takes its
 * own lock too, but only after creating its bookkeeping tables, which races on a fresh
 * database; this one is taken first.
 */
const MIGRATION_LOCK_KEY = 0x73_68_69_68_79_6f;

export interface MigrateOptions {
  dialect: "sqlite" | "postgres";
  onProgress: (message: string) => void;
}

/** Brings the schema to the latest version; runs on every open and does nothing when current. */
export async function migrateToLatest(db: Kysely<Database>, options: MigrateOptions): Promise<void> {
  if (options.dialect === "postgres") {
    await db.connection().execute(async (connection) => {
      await sql`select pg_advisory_lock(${sql.lit(MIGRATION_LOCK_KEY)})`.execute(connection);
      try {
        await runMigrator(connection, options);
      } finally {
        await sql`select pg_advisory_unlock(${sql.lit(MIGRATION_LOCK_KEY)})`.execute(connection);
      }
    });
  } else {
    await runMigrator(db, options);
  }
}

async function runMigrator(db: Kysely<Database>, options: MigrateOptions): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => withProgress(MIGRATIONS, options) },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error === undefined) return;
  const failed = results?.find((result) => result.status === "Error")?.migrationName ?? "(setup)";
  const detail = error instanceof Error ? error.message : String(error);
  throw new StoreError("migration_failed", { migration: failed, detail }, { cause: error });
}

/**
 * Announces each migration as it starts. On SQLite (where Kysely runs migrations outside a
 * transaction) each one runs inside a savepoint, so a failing step leaves nothing half done.
 */
function withProgress(migrations: Readonly<Record<string, Migration>>, options: MigrateOptions) {
  const wrapped: Record<string, Migration> = {};
  for (const [name, migration] of Object.entries(migrations)) {
    const shortName = name.replace(/^\d{4}_\d{2}_\d{2}_/, "");
    wrapped[name] = {
      up: async (db) => {
        options.onProgress(`migrating ${shortName}…`);
        if (options.dialect === "postgres") return migration.up(db);
        await sql`savepoint migration`.execute(db);
        try {
          await migration.up(db);
          await sql`release migration`.execute(db);
        } catch (error) {
          await sql`rollback to migration`.execute(db);
          await sql`release migration`.execute(db);
          throw error;
        }
      },
    };
  }
  return wrapped;
}
