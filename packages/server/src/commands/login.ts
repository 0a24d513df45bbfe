import type { Organization, Role, Session, Store, User } from "@shihyo/store";
import { verifyPassword } from "../auth/passwords.js";
import type { ServerConfig } from "../config.js";
import { AppError, AppErrorCode } from "../errors/appError.js";

export interface SignedIn {
  session: Session;
  user: User;
  org: Organization;
  role: Role;
}

/**
 * Counts one attempt at a password — a sign-in, or the current password asked before an
 * account change — per e-mail and per client address, in the database (so the limit holds
 * across instances); over either limit: 429 with Retry-After. Called before the password is
 * checked.
 */
export async function countSignInAttempt(options: {
  store: Store;
  config: ServerConfig;
  email: string;
  ip: string;
}): Promise<void> {
  const { store, config, email, ip } = options;
  const { maxPerEmail, maxPerIp, windowSeconds } = config.login;
  const [byEmail, byIp] = await Promise.all([
    store.countLoginAttempt(`email:${email}`, windowSeconds),
    store.countLoginAttempt(`ip:${ip}`, windowSeconds),
  ]);
  if (byEmail > maxPerEmail || byIp > maxPerIp)
    throw new AppError(AppErrorCode.RateLimited, { headers: { "retry-after": String(windowSeconds) } });
}

/**
 * Signs a user in with e-mail and password. Attempts are counted in the database per
 * e-mail and per client address (so the limit holds across instances) before the password
 * is even checked; the answer never says whether the e-mail exists.
 */
export async function login(options: {
  store: Store;
  config: ServerConfig;
  email: string;
  password: string;
  orgSlug?: string | undefined;
  ip: string;
}): Promise<SignedIn> {
  const { store, config, password, ip } = options;
  const email = options.email.trim().toLowerCase();
  await countSignInAttempt({ store, config, email, ip });

  const found = await store.getUserByEmail(email);
  const ok = await verifyPassword(found?.passwordHash ?? null, password);
  if (!found || !ok) throw new AppError(AppErrorCode.InvalidCredentials);
  const { passwordHash: _hash, ...user } = found;

  const orgs = await store.listOrganizationsOfUser(user.id);
  const org = options.orgSlug === undefined ? orgs[0] : orgs.find((o) => o.slug === options.orgSlug);
  if (!org)
    throw new AppError(options.orgSlug === undefined ? AppErrorCode.Forbidden : AppErrorCode.NotFound);
  const session = await store.createSession({
    userId: user.id,
    orgId: org.id,
    ttlSeconds: config.sessionTtlSeconds,
  });
  const { role, ...organization } = org;
  return { session, user, org: organization, role };
}
