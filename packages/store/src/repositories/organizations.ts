import { sql } from "kysely";
import type { Actor, Membership, Organization, Role, User } from "../storeApi.js";
import { isUniqueViolation, StoreError } from "../storeError.js";
import { atomic, audit, type Context, newId, nowIso } from "./context.js";
import { endOtherSessions } from "./sessions.js";

export async function createOrganization(
  ctx: Context,
  input: { slug: string; name: string },
): Promise<Organization> {
  return atomic(ctx, async (tx) => {
    const organization: Organization = {
      id: newId(),
      slug: input.slug,
      name: input.name,
      createdAt: nowIso(tx),
    };
    const inserted = await tx.db
      .insertInto("organizations")
      .values({ id: organization.id, slug: input.slug, name: input.name, created_at: organization.createdAt })
      .onConflict((oc) => oc.column("slug").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!inserted) throw new StoreError("conflict", { entity: "organization", key: input.slug });
    await audit(tx, null, {
      orgId: organization.id,
      action: "organization.create",
      entity: "organization",
      entityId: organization.id,
      detail: { slug: input.slug, name: input.name },
    });
    return organization;
  });
}

export async function getOrganization(ctx: Context, id: string): Promise<Organization | null> {
  const row = await ctx.db.selectFrom("organizations").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? { id: row.id, slug: row.slug, name: row.name, createdAt: row.created_at } : null;
}

export async function renameOrganization(ctx: Context, actor: Actor, name: string): Promise<Organization> {
  return atomic(ctx, async (tx) => {
    const before = await getOrganization(tx, actor.orgId);
    if (!before) throw new StoreError("not_found", { entity: "organization", id: actor.orgId });
    await tx.db.updateTable("organizations").set({ name }).where("id", "=", actor.orgId).execute();
    await audit(tx, actor, {
      orgId: actor.orgId,
      action: "organization.rename",
      entity: "organization",
      entityId: actor.orgId,
      detail: { from: before.name, to: name },
    });
    return { ...before, name };
  });
}

/** Every organisation (for administration from the command line), oldest first. */
export async function listOrganizations(ctx: Context): Promise<Organization[]> {
  const rows = await ctx.db
    .selectFrom("organizations")
    .selectAll()
    .orderBy("created_at")
    .orderBy("id")
    .execute();
  return rows.map((row) => ({ id: row.id, slug: row.slug, name: row.name, createdAt: row.created_at }));
}

export async function getOrganizationBySlug(ctx: Context, slug: string): Promise<Organization | null> {
  const row = await ctx.db
    .selectFrom("organizations")
    .selectAll()
    .where("slug", "=", slug)
    .executeTakeFirst();
  return row ? { id: row.id, slug: row.slug, name: row.name, createdAt: row.created_at } : null;
}

export async function listOrganizationsOfUser(
  ctx: Context,
  userId: string,
): Promise<(Organization & { role: Role })[]> {
  const rows = await ctx.db
    .selectFrom("memberships")
    .innerJoin("organizations", "organizations.id", "memberships.org_id")
    .select([
      "organizations.id",
      "organizations.slug",
      "organizations.name",
      "organizations.created_at",
      "memberships.role",
    ])
    .where("memberships.user_id", "=", userId)
    .orderBy("organizations.name")
    .orderBy("organizations.id")
    .execute();
  return rows.map((row) => ({
    id: row.id,
    slug: row.slug,
    name: row.name,
    createdAt: row.created_at,
    role: row.role as Role,
  }));
}

export async function countOrganizations(ctx: Context): Promise<number> {
  const row = await ctx.db
    .selectFrom("organizations")
    .select((eb) => eb.fn.countAll().as("count"))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** E-mail addresses are compared without regard to case: stored lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function createUser(
  ctx: Context,
  input: { email: string; name: string; passwordHash: string; locale?: "ja" | "en" | null },
): Promise<User> {
  const user: User = {
    id: newId(),
    email: normalizeEmail(input.email),
    name: input.name,
    locale: input.locale ?? null,
    createdAt: nowIso(ctx),
  };
  const inserted = await ctx.db
    .insertInto("users")
    .values({
      id: user.id,
      email: user.email,
      name: user.name,
      password_hash: input.passwordHash,
      locale: user.locale,
      created_at: user.createdAt,
    })
    .onConflict((oc) => oc.column("email").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (!inserted) throw new StoreError("conflict", { entity: "user", key: user.email });
  return user;
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  locale: string | null;
  created_at: string;
}

function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    locale: row.locale === "ja" || row.locale === "en" ? row.locale : null,
    createdAt: row.created_at,
  };
}

export async function getUserByEmail(
  ctx: Context,
  email: string,
): Promise<(User & { passwordHash: string }) | null> {
  const row = await ctx.db
    .selectFrom("users")
    .selectAll()
    .where("email", "=", normalizeEmail(email))
    .executeTakeFirst();
  return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
}

export async function countUsers(ctx: Context): Promise<number> {
  const row = await ctx.db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll().as("count"))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export async function createFirstOwner(
  ctx: Context,
  input: {
    organization: { slug: string; name: string };
    user: { email: string; name: string; passwordHash: string; locale?: "ja" | "en" | null };
  },
): Promise<{ organization: Organization; user: User } | null> {
  return atomic(ctx, async (tx) => {
    // Two first runs at once would both count no user and both go on. On PostgreSQL the
    // second waits here until the first commits, then counts its owner; SQLite has one
    // connection, so its transactions never interleave.
    if (tx.dialect === "postgres") await sql`lock table users in share row exclusive mode`.execute(tx.db);
    if ((await countUsers(tx)) > 0) return null;
    const organization = await createOrganization(tx, input.organization);
    const user = await createUser(tx, input.user);
    await addMembership(tx, null, { orgId: organization.id, userId: user.id, role: "owner" });
    return { organization, user };
  });
}

export async function getUser(ctx: Context, id: string): Promise<User | null> {
  const row = await ctx.db
    .selectFrom("users")
    .select(["id", "email", "name", "locale", "created_at"])
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? toUser(row) : null;
}

/** The actor's own user: a token has none, and the server refuses it before the store. */
function ownUserId(actor: Actor): string {
  if (actor.userId === null) throw new Error("Only a signed-in user has an account to change.");
  return actor.userId;
}

export async function updateUser(
  ctx: Context,
  actor: Actor,
  input: { name?: string; locale?: "ja" | "en" | null },
): Promise<User> {
  const userId = ownUserId(actor);
  return atomic(ctx, async (tx) => {
    const before = await getUser(tx, userId);
    if (!before) throw new StoreError("not_found", { entity: "user", id: userId });
    const after: User = {
      ...before,
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.locale !== undefined ? { locale: input.locale } : {}),
    };
    if (after.name === before.name && after.locale === before.locale) return before;
    await tx.db
      .updateTable("users")
      .set({ name: after.name, locale: after.locale })
      .where("id", "=", userId)
      .execute();
    const detail: Record<string, unknown> = {};
    if (after.name !== before.name) detail.name = { from: before.name, to: after.name };
    if (after.locale !== before.locale) detail.locale = { from: before.locale, to: after.locale };
    await audit(tx, actor, {
      orgId: actor.orgId,
      action: "user.update",
      entity: "user",
      entityId: userId,
      detail,
    });
    return after;
  });
}

export async function getPasswordHash(ctx: Context, userId: string): Promise<string | null> {
  const row = await ctx.db
    .selectFrom("users")
    .select("password_hash")
    .where("id", "=", userId)
    .executeTakeFirst();
  return row?.password_hash ?? null;
}

export async function setPassword(
  ctx: Context,
  actor: Actor,
  input: { passwordHash: string; keepSessionId: string },
): Promise<number> {
  const userId = ownUserId(actor);
  return atomic(ctx, async (tx) => {
    const updated = await tx.db
      .updateTable("users")
      .set({ password_hash: input.passwordHash })
      .where("id", "=", userId)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0)
      throw new StoreError("not_found", { entity: "user", id: userId });
    // Whoever else holds a session (perhaps the reason for the change) is signed out.
    const ended = await endOtherSessions(tx, actor, input.keepSessionId);
    await audit(tx, actor, {
      orgId: actor.orgId,
      action: "user.password",
      entity: "user",
      entityId: userId,
      detail: { endedSessions: ended },
    });
    return ended;
  });
}

/**
 * Sets the actor's own e-mail address (normalised as sign-in does). Taken by another user:
 * a conflict; the same address: nothing changes and nothing is audited.
 */
export async function setEmail(ctx: Context, actor: Actor, email: string): Promise<User> {
  const userId = ownUserId(actor);
  const normalized = normalizeEmail(email);
  try {
    return await atomic(ctx, async (tx) => {
      const before = await getUser(tx, userId);
      if (!before) throw new StoreError("not_found", { entity: "user", id: userId });
      if (before.email === normalized) return before;
      await tx.db.updateTable("users").set({ email: normalized }).where("id", "=", userId).execute();
      await audit(tx, actor, {
        orgId: actor.orgId,
        action: "user.email",
        entity: "user",
        entityId: userId,
        detail: { from: before.email, to: normalized },
      });
      return { ...before, email: normalized };
    });
  } catch (error) {
    // The unique index decides who has an address, also between two changes at the same
    // moment (a check before the update would let both pass on PostgreSQL).
    if (isUniqueViolation(error))
      throw new StoreError("conflict", { entity: "user", key: normalized }, { cause: error });
    throw error;
  }
}

export async function addMembership(
  ctx: Context,
  actor: Actor | null,
  input: { orgId: string; userId: string; role: Role },
): Promise<void> {
  if (actor && actor.orgId !== input.orgId)
    throw new StoreError("not_found", { entity: "organization", id: input.orgId });
  await atomic(ctx, async (tx) => {
    const organization = await tx.db
      .selectFrom("organizations")
      .select("id")
      .where("id", "=", input.orgId)
      .executeTakeFirst();
    if (!organization) throw new StoreError("not_found", { entity: "organization", id: input.orgId });
    const user = await tx.db
      .selectFrom("users")
      .select("id")
      .where("id", "=", input.userId)
      .executeTakeFirst();
    if (!user) throw new StoreError("not_found", { entity: "user", id: input.userId });
    const inserted = await tx.db
      .insertInto("memberships")
      .values({ org_id: input.orgId, user_id: input.userId, role: input.role, created_at: nowIso(tx) })
      .onConflict((oc) => oc.columns(["org_id", "user_id"]).doNothing())
      .returning("user_id")
      .executeTakeFirst();
    if (!inserted) throw new StoreError("conflict", { entity: "membership", key: input.userId });
    await audit(tx, actor, {
      orgId: input.orgId,
      action: "membership.add",
      entity: "user",
      entityId: input.userId,
      detail: { role: input.role },
    });
  });
}

export async function setMembershipRole(
  ctx: Context,
  actor: Actor,
  input: { userId: string; role: Role },
): Promise<void> {
  await atomic(ctx, async (tx) => {
    const before = await getMembership(tx, actor.orgId, input.userId);
    if (!before) throw new StoreError("not_found", { entity: "membership", id: input.userId });
    if (before.role === "owner" && input.role !== "owner") await keepAnOwner(tx, actor.orgId, input.userId);
    await tx.db
      .updateTable("memberships")
      .set({ role: input.role })
      .where("org_id", "=", actor.orgId)
      .where("user_id", "=", input.userId)
      .execute();
    await audit(tx, actor, {
      orgId: actor.orgId,
      action: "membership.role",
      entity: "user",
      entityId: input.userId,
      detail: { from: before.role, to: input.role },
    });
  });
}

export async function removeMembership(ctx: Context, actor: Actor, userId: string): Promise<void> {
  await atomic(ctx, async (tx) => {
    const before = await getMembership(tx, actor.orgId, userId);
    if (before?.role === "owner") await keepAnOwner(tx, actor.orgId, userId);
    const removed = await tx.db
      .deleteFrom("memberships")
      .where("org_id", "=", actor.orgId)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) === 0)
      throw new StoreError("not_found", { entity: "membership", id: userId });
    // Their sessions in this organisation end with the membership.
    await tx.db
      .deleteFrom("sessions")
      .where("org_id", "=", actor.orgId)
      .where("user_id", "=", userId)
      .execute();
    await audit(tx, actor, {
      orgId: actor.orgId,
      action: "membership.remove",
      entity: "user",
      entityId: userId,
    });
  });
}

/**
 * Refuses a change that would leave the organisation without an owner: somebody must always be
 * able to rename it, manage its owners and recover access. On PostgreSQL the owners' rows are
 * locked, so two owners demoting each other at once cannot both succeed.
 */
async function keepAnOwner(tx: Context, orgId: string, leaving: string): Promise<void> {
  let query = tx.db
    .selectFrom("memberships")
    .select("user_id")
    .where("org_id", "=", orgId)
    .where("role", "=", "owner");
  if (tx.dialect === "postgres") query = query.forUpdate();
  const owners = await query.execute();
  if (!owners.some((o) => o.user_id !== leaving)) throw new StoreError("last_owner", { userId: leaving });
}

function membershipQuery(ctx: Context, orgId: string) {
  return ctx.db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select(["memberships.org_id", "memberships.user_id", "memberships.role", "users.email", "users.name"])
    .where("memberships.org_id", "=", orgId);
}

function toMembership(row: {
  org_id: string;
  user_id: string;
  role: string;
  email: string;
  name: string;
}): Membership {
  return { orgId: row.org_id, userId: row.user_id, role: row.role as Role, email: row.email, name: row.name };
}

export async function listMemberships(ctx: Context, orgId: string): Promise<Membership[]> {
  const rows = await membershipQuery(ctx, orgId).orderBy("users.email").execute();
  return rows.map(toMembership);
}

export async function getMembership(ctx: Context, orgId: string, userId: string): Promise<Membership | null> {
  const row = await membershipQuery(ctx, orgId).where("memberships.user_id", "=", userId).executeTakeFirst();
  return row ? toMembership(row) : null;
}
