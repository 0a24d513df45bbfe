import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Sqlite from "better-sqlite3";
import pg from "pg";

/*
 * The databases the store's integration tests run against: SQLite always, PostgreSQL when
 * SHIHYO_TEST_DATABASE_URL names a server (a role that may CREATE DATABASE). Each test file
 * gets a fresh database of its own and drops it afterwards.
 */

export type Dialect = "sqlite" | "postgres";
export const DIALECTS: readonly Dialect[] = ["sqlite", "postgres"];

const adminUrl = process.env.SHIHYO_TEST_DATABASE_URL;

/** Whether the PostgreSQL cases run; without a server they are skipped, visibly, except in CI. */
export function postgresAvailable(): boolean {
  if (adminUrl) return true;
  if (process.env.CI === "true") {
    throw new Error("SHIHYO_TEST_DATABASE_URL is not set: in CI the store's PostgreSQL tests must run.");
  }
  console.warn(
    "⚠ SHIHYO_TEST_DATABASE_URL is not set: the store's PostgreSQL tests are SKIPPED. " +
      "Set it to postgres://user:pass@host:5432/db (a role that may CREATE DATABASE) to run them.",
  );
  return false;
}

export interface TestDatabase {
  /** What to pass to openStore as `url` (PostgreSQL) or `dir` (SQLite). */
  target: { url?: string; dir?: string };
  /** Reads behind the store's back, to check what the tables really hold. */
  query(text: string): Promise<unknown[]>;
  dispose(): Promise<void>;
}

export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  if (dialect === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "shihyo-store-"));
    return {
      target: { dir },
      query: async (text) => {
        const db = new Sqlite(join(dir, "shihyo.db"), { readonly: true });
        try {
          return db.prepare(text).all();
        } finally {
          db.close();
        }
      },
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  if (!adminUrl) throw new Error("SHIHYO_TEST_DATABASE_URL is not set");
  const scratch = await createScratchPostgres(adminUrl, "shihyo_test");
  return {
    target: { url: scratch.url },
    query: async (text) => {
      const client = new pg.Client({ connectionString: scratch.url });
      await client.connect();
      try {
        return (await client.query(text)).rows;
      } finally {
        await client.end();
      }
    },
    dispose: scratch.drop,
  };
}

/**
 * A fresh PostgreSQL database on the server `adminUrl` names (its role may CREATE DATABASE):
 * its URL, and `drop` (which ends any connection still open to it).
 */
export async function createScratchPostgres(
  adminUrl: string,
  prefix: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}
