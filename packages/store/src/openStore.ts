import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { type DirectoryLock, lockDirectory } from "./directoryLock.js";
import { KyselyStore } from "./kyselyStore.js";
import { migrateToLatest } from "./migrate.js";
import type { Database } from "./schema.js";
import type { Store } from "./storeApi.js";

export interface OpenStoreOptions {
  /** A `postgres://` or `postgresql://` URL; anything else is taken as a directory. */
  url?: string;
  /** Directory of the embedded database (default `./.shihyo`), created if missing. */
  dir?: string;
  /** Start-up progress for a person ("migrating 0001_initial…"). */
  onProgress?: (message: string) => void;
  /** The time "now" for timestamps and expiries; tests pass a fake one. */
  clock?: () => Date;
  /** Most connections the PostgreSQL pool opens (default 10). */
  maxConnections?: number;
}

export const DEFAULT_DIRECTORY = "./.shihyo";
export const DATABASE_FILE = "shihyo.db";

/** How long a write waits for SQLite's own lock (a checkpoint, a backup) before failing. */
const BUSY_TIMEOUT_MS = 5000;
/** Page cache of the connection: big imports and reads of a million rows stay in memory. */
const CACHE_KIB = 64 * 1024;

/**
 * Opens the store: PostgreSQL for a `postgres://` URL, else the embedded SQLite database in
 * a directory that one process at a time may use. Brings the schema up to date before
 * answering.
 */
export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const onProgress = options.onProgress ?? (() => {});
  const clock = options.clock ?? (() => new Date());
  const url = options.url;
  if (url !== undefined && /^postgres(ql)?:\/\//i.test(url)) {
    return openPostgres(url, { onProgress, clock, maxConnections: options.maxConnections ?? 10 });
  }
  return openSqlite(resolve(options.dir ?? url ?? DEFAULT_DIRECTORY), { onProgress, clock });
}

async function openPostgres(
  url: string,
  options: { onProgress: (message: string) => void; clock: () => Date; maxConnections: number },
): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: options.maxConnections });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrateToLatest(db, { dialect: "postgres", onProgress: options.onProgress });
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return new KyselyStore(
    { db, dialect: "postgres", sqlite: null, inTransaction: false, clock: options.clock },
    () => db.destroy(),
  );
}

async function openSqlite(
  dir: string,
  options: { onProgress: (message: string) => void; clock: () => Date },
): Promise<Store> {
  mkdirSync(dir, { recursive: true });
  const lock: DirectoryLock = await lockDirectory(dir, options.onProgress);
  let sqlite: BetterSqlite3.Database | null = null;
  try {
    sqlite = new BetterSqlite3(join(dir, DATABASE_FILE));
    sqlite.pragma("journal_mode = WAL");
    sqlite.pragma("synchronous = NORMAL");
    sqlite.pragma("foreign_keys = ON");
    sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    sqlite.pragma(`cache_size = -${CACHE_KIB}`);
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    await migrateToLatest(db, { dialect: "sqlite", onProgress: options.onProgress });
    return new KyselyStore(
      { db, dialect: "sqlite", sqlite, inTransaction: false, clock: options.clock },
      async () => {
        await db.destroy();
        await lock.release();
      },
    );
  } catch (error) {
    sqlite?.close();
    await lock.release();
    throw error;
  }
}
