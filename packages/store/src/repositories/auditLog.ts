import type { AuditEntry, AuditFilter, AuditUser, Page } from "../storeApi.js";
import type { Context } from "./context.js";

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;

/** A cursor is the (at, id) of the last entry shown, opaque to the caller. */
function encodeCursor(at: string, id: string): string {
  return Buffer.from(JSON.stringify([at, id])).toString("base64url");
}

function decodeCursor(cursor: string): [string, string] | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(value) && value.length === 2 && value.every((part) => typeof part === "string")) {
      return [value[0] as string, value[1] as string];
    }
  } catch {
    // A cursor we did not make reads as "from the start".
  }
  return null;
}

/**
 * The organisation's audit log, newest first, a page at a time; optionally only some actions,
 * or one user's or token's entries (indexes on org, action/user/token, at, id serve each).
 */
export async function listAudit(
  ctx: Context,
  orgId: string,
  page: Page & AuditFilter = {},
): Promise<{ entries: AuditEntry[]; next: string | null; users: Record<string, AuditUser> }> {
  const limit = Math.min(MAX_LIMIT, Math.max(1, Math.floor(page.limit ?? DEFAULT_LIMIT)));
  let query = ctx.db.selectFrom("audit_log").selectAll().where("org_id", "=", orgId);
  if (page.actions !== undefined) {
    if (page.actions.length === 0) return { entries: [], next: null, users: {} };
    query = query.where("action", "in", [...page.actions]);
  }
  if (page.userId !== undefined) query = query.where("user_id", "=", page.userId);
  if (page.tokenId !== undefined) query = query.where("token_id", "=", page.tokenId);
  const after = page.after === undefined ? null : decodeCursor(page.after);
  if (after) {
    const [at, id] = after;
    query = query.where((eb) => eb.or([eb("at", "<", at), eb.and([eb("at", "=", at), eb("id", "<", id)])]));
  }
  const rows = await query
    .orderBy("at", "desc")
    .orderBy("id", "desc")
    .limit(limit + 1)
    .execute();
  const entries = rows.slice(0, limit).map(
    (row): AuditEntry => ({
      id: row.id,
      orgId: row.org_id,
      userId: row.user_id,
      tokenId: row.token_id,
      action: row.action,
      entity: row.entity,
      entityId: row.entity_id,
      detail: JSON.parse(row.detail) as Record<string, unknown>,
      at: row.at,
    }),
  );
  const last = entries.at(-1);
  return {
    entries,
    next: rows.length > limit && last ? encodeCursor(last.at, last.id) : null,
    users: await usersMentioned(ctx, entries),
  };
}

/** Who acted and which users were acted on, by id: names a member who has left since. */
async function usersMentioned(
  ctx: Context,
  entries: readonly AuditEntry[],
): Promise<Record<string, AuditUser>> {
  const ids = new Set<string>();
  for (const entry of entries) {
    if (entry.userId !== null) ids.add(entry.userId);
    if (entry.entity === "user") ids.add(entry.entityId);
  }
  if (ids.size === 0) return {};
  const rows = await ctx.db
    .selectFrom("users")
    .select(["id", "name", "email"])
    .where("id", "in", [...ids])
    .execute();
  return Object.fromEntries(rows.map((row) => [row.id, { name: row.name, email: row.email }]));
}
