import { sql } from "kysely";
import type { Actor, Session } from "../storeApi.js";
import { atomic, audit, type Context, newSecret, nowIso, sha256 } from "./context.js";

/**
 * Sessions live in the database so that every app instance sees them. The id is a bearer
 * secret (the cookie): only its hash is stored, so a copy of the database opens no session.
 */
export async function createSession(
  ctx: Context,
  input: { userId: string; orgId: string; ttlSeconds: number },
): Promise<Session> {
  const now = ctx.clock();
  const session: Session = {
    id: newSecret(),
    userId: input.userId,
    orgId: input.orgId,
    csrfToken: newSecret(),
    expiresAt: new Date(now.getTime() + input.ttlSeconds * 1000).toISOString(),
  };
  await ctx.db
    .insertInto("sessions")
    .values({
      id_hash: sha256(session.id),
      user_id: session.userId,
      org_id: session.orgId,
      csrf_token: session.csrfToken,
      created_at: now.toISOString(),
      expires_at: session.expiresAt,
    })
    .execute();
  return session;
}

/** The live session with this id, or null when unknown or expired (expired ones are removed). */
export async function getSession(ctx: Context, id: string): Promise<Session | null> {
  const row = await ctx.db
    .selectFrom("sessions")
    .select(["user_id", "org_id", "csrf_token", "expires_at"])
    .where("id_hash", "=", sha256(id))
    .executeTakeFirst();
  if (!row) return null;
  if (row.expires_at <= nowIso(ctx)) {
    await deleteSession(ctx, id);
    return null;
  }
  return { id, userId: row.user_id, orgId: row.org_id, csrfToken: row.csrf_token, expiresAt: row.expires_at };
}

export async function deleteSession(ctx: Context, id: string): Promise<void> {
  await ctx.db.deleteFrom("sessions").where("id_hash", "=", sha256(id)).execute();
}

/**
 * Ends every session of the actor's user but one (in every organisation: a password is the
 * user's, not a membership's); answers how many. Audited in the actor's organisation.
 */
export async function deleteOtherSessions(
  ctx: Context,
  actor: Actor,
  keepSessionId: string,
): Promise<number> {
  return atomic(ctx, async (tx) => {
    const ended = await endOtherSessions(tx, actor, keepSessionId);
    await audit(tx, actor, {
      orgId: actor.orgId,
      action: "session.end_others",
      entity: "user",
      entityId: actor.userId!,
      detail: { ended },
    });
    return ended;
  });
}

/** The deletion itself, without an audit entry (a password change records its own). */
export async function endOtherSessions(ctx: Context, actor: Actor, keepSessionId: string): Promise<number> {
  // The server refuses tokens before this; a token has no sessions (nor a password).
  if (actor.userId === null) throw new Error("Only a signed-in user has sessions to end.");
  const result = await ctx.db
    .deleteFrom("sessions")
    .where("user_id", "=", actor.userId)
    .where("id_hash", "<>", sha256(keepSessionId))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Removes every expired session; answers how many. */
export async function deleteExpiredSessions(ctx: Context): Promise<number> {
  const result = await ctx.db
    .deleteFrom("sessions")
    .where("expires_at", "<=", nowIso(ctx))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * One atomic upsert-increment per attempt, so that instances behind a load balancer count
 * together. Windows are fixed (aligned to multiples of their length since the epoch).
 */
export async function countLoginAttempt(ctx: Context, key: string, windowSeconds: number): Promise<number> {
  const nowSeconds = Math.floor(ctx.clock().getTime() / 1000);
  const length = Math.max(1, Math.floor(windowSeconds));
  const windowStart = nowSeconds - (nowSeconds % length);
  const row = await ctx.db
    .insertInto("login_attempts")
    .values({
      key,
      window_seconds: length,
      window_start: windowStart,
      count: 1,
      expires_at: windowStart + length,
    })
    .onConflict((oc) =>
      oc
        .columns(["key", "window_seconds", "window_start"])
        .doUpdateSet({ count: sql`login_attempts.count + 1` }),
    )
    .returning("count")
    .executeTakeFirstOrThrow();
  // Old windows are dead weight; sweeping now and then keeps the table small without a job.
  if (Math.random() < 0.01) {
    await ctx.db.deleteFrom("login_attempts").where("expires_at", "<", nowSeconds).execute();
  }
  return Number(row.count);
}
