import type { Actor, ApiToken, Role } from "../storeApi.js";
import { StoreError } from "../storeError.js";
import { atomic, audit, type Context, newId, newSecret, nowIso, sha256 } from "./context.js";

/** Every secret starts with this, so that secret scanners and people recognise it. */
export const TOKEN_PREFIX = "shy_";
/** Characters of the secret kept in clear (the prefix and a few random ones) to tell tokens apart. */
const SHOWN_LENGTH = TOKEN_PREFIX.length + 8;
/** last_used_at is a hint, not a log: written at most this often per token. */
const LAST_USED_RESOLUTION_MS = 60_000;

interface TokenRow {
  id: string;
  org_id: string;
  name: string;
  prefix: string;
  role: string;
  scopes: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

const TOKEN_COLUMNS = [
  "id",
  "org_id",
  "name",
  "prefix",
  "role",
  "scopes",
  "created_at",
  "last_used_at",
  "revoked_at",
] as const;

function toToken(row: TokenRow): ApiToken {
  return {
    id: row.id,
    orgId: row.org_id,
    name: row.name,
    prefix: row.prefix,
    role: row.role as Role,
    scopes: JSON.parse(row.scopes) as string[],
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
  };
}

export async function createApiToken(
  ctx: Context,
  actor: Actor,
  input: { name: string; role: Role; scopes: string[] },
): Promise<{ token: ApiToken; secret: string }> {
  const secret = `${TOKEN_PREFIX}${newSecret()}`;
  const token: ApiToken = {
    id: newId(),
    orgId: actor.orgId,
    name: input.name,
    prefix: secret.slice(0, SHOWN_LENGTH),
    role: input.role,
    scopes: [...input.scopes],
    createdAt: nowIso(ctx),
    lastUsedAt: null,
    revokedAt: null,
  };
  await atomic(ctx, async (tx) => {
    await tx.db
      .insertInto("api_tokens")
      .values({
        id: token.id,
        org_id: token.orgId,
        name: token.name,
        prefix: token.prefix,
        secret_hash: sha256(secret),
        role: token.role,
        scopes: JSON.stringify(token.scopes),
        created_by: actor.userId,
        created_at: token.createdAt,
        last_used_at: null,
        revoked_at: null,
      })
      .execute();
    await audit(tx, actor, {
      orgId: actor.orgId,
      action: "token.create",
      entity: "api_token",
      entityId: token.id,
      detail: { name: token.name, role: token.role, scopes: token.scopes, prefix: token.prefix },
    });
  });
  return { token, secret };
}

export async function authenticateApiToken(ctx: Context, secret: string): Promise<ApiToken | null> {
  if (!secret.startsWith(TOKEN_PREFIX)) return null;
  const row = await ctx.db
    .selectFrom("api_tokens")
    .select(TOKEN_COLUMNS)
    .where("secret_hash", "=", sha256(secret))
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (!row) return null;
  const now = ctx.clock();
  const lastUsed = row.last_used_at === null ? Number.NEGATIVE_INFINITY : Date.parse(row.last_used_at);
  if (now.getTime() - lastUsed >= LAST_USED_RESOLUTION_MS) {
    row.last_used_at = now.toISOString();
    await ctx.db
      .updateTable("api_tokens")
      .set({ last_used_at: row.last_used_at })
      .where("id", "=", row.id)
      .execute();
  }
  return toToken(row);
}

export async function listApiTokens(ctx: Context, orgId: string): Promise<ApiToken[]> {
  const rows = await ctx.db
    .selectFrom("api_tokens")
    .select(TOKEN_COLUMNS)
    .where("org_id", "=", orgId)
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map(toToken);
}

export async function revokeApiToken(ctx: Context, actor: Actor, id: string): Promise<void> {
  await atomic(ctx, async (tx) => {
    const row = await tx.db
      .selectFrom("api_tokens")
      .select(["id", "revoked_at"])
      .where("id", "=", id)
      .where("org_id", "=", actor.orgId)
      .executeTakeFirst();
    if (!row) throw new StoreError("not_found", { entity: "api_token", id });
    if (row.revoked_at !== null) return;
    await tx.db
      .updateTable("api_tokens")
      .set({ revoked_at: nowIso(tx) })
      .where("id", "=", id)
      .execute();
    await audit(tx, actor, { orgId: actor.orgId, action: "token.revoke", entity: "api_token", entityId: id });
  });
}
