import { timingSafeEqual } from "node:crypto";
import type { Store } from "@shihyo/store";
import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError, AppErrorCode } from "../errors/appError.js";
import { serverMessages } from "../errors/problemMessages.js";
import type { RequestAuth } from "./requestAuth.js";
import { roleAtLeast } from "./roles.js";
import { scopeAllows, scopeOf } from "./scopes.js";

export const SESSION_COOKIE = "shihyo_session";
export const CSRF_HEADER = "x-csrf-token";
const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

interface AuthenticateOptions {
  store: Store;
  now: () => Date;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function bearerSecret(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new AppError(AppErrorCode.Unauthenticated);
  return match[1]!;
}

/** A bearer API token, or the session cookie; null when the request carries neither. */
async function identify(
  request: FastifyRequest,
  { store, now }: AuthenticateOptions,
): Promise<RequestAuth | null> {
  const secret = bearerSecret(request);
  if (secret !== null) {
    const token = await store.authenticateApiToken(secret);
    if (!token) throw new AppError(AppErrorCode.Unauthenticated);
    return {
      actor: { orgId: token.orgId, userId: null, tokenId: token.id, role: token.role },
      via: "token",
      session: null,
      scopes: token.scopes,
    };
  }
  const sessionId = request.cookies[SESSION_COOKIE];
  if (!sessionId) return null;
  const session = await store.getSession(sessionId);
  if (!session || Date.parse(session.expiresAt) <= now().getTime()) return null;
  // The role is read on every request, so a changed or removed membership applies at once.
  const membership = await store.getMembership(session.orgId, session.userId);
  if (!membership) return null;
  return {
    actor: { orgId: session.orgId, userId: session.userId, tokenId: null, role: membership.role },
    via: "session",
    session,
    scopes: [],
  };
}

/**
 * The onRequest hook of every route: finds the caller, refuses anonymous callers (401),
 * cookie-authenticated writes without the session's CSRF token (403) and members whose
 * role is below the route's (403). Resource checks (404) come later, in the commands.
 */
export function authenticationHook(options: AuthenticateOptions) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const access = request.routeOptions.config.access;
    request.auth = null;
    if (access === undefined || access === "public") {
      // Public routes still learn who is calling when a valid credential comes along.
      if (access === "public") request.auth = await identify(request, options).catch(() => null);
      return;
    }
    const auth = await identify(request, options);
    if (!auth) throw new AppError(AppErrorCode.Unauthenticated);
    if (auth.via === "session" && UNSAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== "string" || !sameSecret(sent, auth.session!.csrfToken))
        throw new AppError(AppErrorCode.CsrfFailed);
    }
    if (!roleAtLeast(auth.actor.role, access)) throw new AppError(AppErrorCode.Forbidden);
    const route = request.routeOptions.url ?? request.url;
    if (!scopeAllows(auth.scopes, request.method, route)) {
      const scope = scopeOf(request.method, route);
      throw new AppError(AppErrorCode.Forbidden, {
        detail: (lang) => serverMessages[lang].scopeMissing({ scope }),
        extensions: { reason: "scope_missing", scope },
      });
    }
    request.auth = auth;
  };
}
