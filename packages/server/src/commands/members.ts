import type { Actor, Membership, Role, Store } from "@shihyo/store";
import { roleAtLeast } from "../auth/roles.js";
import { AppError, AppErrorCode } from "../errors/appError.js";
import { serverMessages } from "../errors/problemMessages.js";

/** Nobody hands out a role above their own. */
function assertCanGrant(actor: Actor, role: Role): void {
  if (!roleAtLeast(actor.role, role))
    throw new AppError(AppErrorCode.Forbidden, {
      detail: (lang) => serverMessages[lang].roleTooHigh({ role }),
    });
}

async function memberOf(store: Store, actor: Actor, userId: string): Promise<Membership> {
  const member = await store.getMembership(actor.orgId, userId);
  if (!member) throw new AppError(AppErrorCode.NotFound);
  if (!roleAtLeast(actor.role, member.role))
    throw new AppError(AppErrorCode.Forbidden, { detail: (lang) => serverMessages[lang].memberAbove() });
  return member;
}

/**
 * Adds a member to the actor's organisation: an existing user by e-mail, or a new user
 * (then a password is required).
 */
export async function addMember(options: {
  store: Store;
  actor: Actor;
  input: { email: string; name?: string | undefined; role: Role; locale?: "ja" | "en" | undefined };
  /** The new user's password, hashed; required only when the e-mail is new. */
  passwordHash: string | undefined;
}): Promise<Membership> {
  const { store, actor, input, passwordHash } = options;
  assertCanGrant(actor, input.role);
  let user = await store.getUserByEmail(input.email);
  if (!user) {
    if (passwordHash === undefined)
      throw new AppError(AppErrorCode.ValidationFailed, {
        errors: (lang) => [{ message: serverMessages[lang].needsPassword(), path: "body.password" }],
      });
    const created = await store.createUser({
      email: input.email,
      name: input.name ?? input.email,
      passwordHash,
      locale: input.locale ?? null,
    });
    user = { ...created, passwordHash: "" };
  }
  await store.addMembership(actor, { orgId: actor.orgId, userId: user.id, role: input.role });
  const member = await store.getMembership(actor.orgId, user.id);
  if (!member) throw new AppError(AppErrorCode.Internal);
  return member;
}

export async function changeMemberRole(options: {
  store: Store;
  actor: Actor;
  userId: string;
  role: Role;
}): Promise<Membership> {
  const { store, actor, userId, role } = options;
  await memberOf(store, actor, userId);
  assertCanGrant(actor, role);
  await store.setMembershipRole(actor, { userId, role });
  return { ...(await memberOf(store, actor, userId)), role };
}

export async function removeMember(options: { store: Store; actor: Actor; userId: string }): Promise<void> {
  const { store, actor, userId } = options;
  await memberOf(store, actor, userId);
  await store.removeMembership(actor, userId);
}

/** A new API token of the actor's organisation, never above the actor's own role. */
export function createApiToken(options: {
  store: Store;
  actor: Actor;
  input: { name: string; role: Role; scopes: string[] };
}) {
  const { store, actor, input } = options;
  assertCanGrant(actor, input.role);
  return store.createApiToken(actor, input);
}

export async function revokeApiToken(options: {
  store: Store;
  actor: Actor;
  tokenId: string;
}): Promise<void> {
  const { store, actor, tokenId } = options;
  const tokens = await store.listApiTokens(actor.orgId);
  if (!tokens.some((t) => t.id === tokenId)) throw new AppError(AppErrorCode.NotFound);
  await store.revokeApiToken(actor, tokenId);
}
