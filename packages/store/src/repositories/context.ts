import { createHash, randomBytes } from "node:crypto";
import type { Database as SqliteDatabase } from "better-sqlite3";
import type { Kysely } from "kysely";
import type { Database, PlansTable } from "../schema.js";
import type { Actor } from "../storeApi.js";
import { StoreError } from "../storeError.js";

/** What every repository function works with: one connection or transaction and its dialect. */
export interface Context {
  db: Kysely<Database>;
  dialect: "sqlite" | "postgres";
  /**
   * The raw SQLite connection behind `db`, for the measurement hot path. Only ever used
   * inside a transaction of `db`: it is the same connection, so it shares that transaction.
   */
  sqlite: SqliteDatabase | null;
  inTransaction: boolean;
  clock: () => Date;
}

/** Runs `fn` in a transaction, or in the caller's when there already is one. */
export async function atomic<T>(ctx: Context, fn: (tx: Context) => Promise<T>): Promise<T> {
  if (ctx.inTransaction) return fn(ctx);
  return ctx.db.transaction().execute((trx) => fn({ ...ctx, db: trx, inTransaction: true }));
}

export function nowIso(ctx: Context): string {
  return ctx.clock().toISOString();
}

let lastMs = 0;
let counter = 0;

/**
 * A new id: a UUID version 7 (RFC 9562), 48 bits of milliseconds then random bits, with a
 * counter so that ids made by one process in the same millisecond still sort in order.
 * Lists ordered by (at, id) are then in the order things happened.
 */
export function newId(): string {
  let ms = Date.now();
  if (ms <= lastMs) {
    counter++;
    if (counter > 0xfff) {
      lastMs++;
      counter = 0;
    }
    ms = lastMs;
  } else {
    lastMs = ms;
    counter = 0;
  }
  const bytes = randomBytes(16);
  bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A secret long and random enough that a fast hash is a safe way to store it. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export function parseJson<T>(text: string | null): T | undefined {
  return text === null ? undefined : (JSON.parse(text) as T);
}

/** Records a change in the organisation's audit log (in the caller's transaction). */
export async function audit(
  ctx: Context,
  actor: Actor | null,
  entry: {
    orgId: string;
    action: string;
    entity: string;
    entityId: string;
    detail?: Record<string, unknown>;
  },
): Promise<void> {
  await ctx.db
    .insertInto("audit_log")
    .values({
      id: newId(),
      org_id: entry.orgId,
      user_id: actor?.userId ?? null,
      token_id: actor?.tokenId ?? null,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      detail: JSON.stringify(entry.detail ?? {}),
      at: nowIso(ctx),
    })
    .execute();
}

/** The plan if it belongs to the organisation, else null: another org's plan does not exist. */
export async function findPlan(ctx: Context, orgId: string, planId: string): Promise<PlansTable | null> {
  const row = await ctx.db
    .selectFrom("plans")
    .selectAll()
    .where("id", "=", planId)
    .where("org_id", "=", orgId)
    .executeTakeFirst();
  return row ?? null;
}

/**
 * The plan an actor is about to change, or not_found. On PostgreSQL the row stays locked
 * until the transaction ends, so that writes to one plan (ingests, target changes) queue
 * up instead of interleaving; SQLite has one writer anyway.
 */
export async function planForWrite(ctx: Context, actor: Actor, planId: string): Promise<PlansTable> {
  let query = ctx.db
    .selectFrom("plans")
    .selectAll()
    .where("id", "=", planId)
    .where("org_id", "=", actor.orgId);
  if (ctx.dialect === "postgres") query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new StoreError("not_found", { entity: "plan", id: planId });
  return row;
}

/** The node a write is about (a target, a comment) must exist in the plan, or not_found. */
export async function requireNode(ctx: Context, planId: string, nodeId: string): Promise<void> {
  const node = await ctx.db
    .selectFrom("nodes")
    .select("node_id")
    .where("plan_id", "=", planId)
    .where("node_id", "=", nodeId)
    .executeTakeFirst();
  if (!node) throw new StoreError("not_found", { entity: "node", id: nodeId });
}

/**
 * Marks a change of the plan: its structure/targets (`version`) or its data (`data_version`);
 * answers both versions as they are now.
 */
export async function touchPlan(
  ctx: Context,
  planId: string,
  what: "structure" | "data",
): Promise<{ version: number; dataVersion: number }> {
  const row = await ctx.db
    .updateTable("plans")
    .set((eb) =>
      what === "structure"
        ? { version: eb("version", "+", 1), updated_at: nowIso(ctx) }
        : { data_version: eb("data_version", "+", 1), updated_at: nowIso(ctx) },
    )
    .where("id", "=", planId)
    .returning(["version", "data_version"])
    .executeTakeFirstOrThrow();
  return { version: row.version, dataVersion: row.data_version };
}

/** Rows per multi-row statement, so that the bound parameters stay well under SQLite's limit. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
