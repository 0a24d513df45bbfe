import type { Actor, Role, Session } from "@shihyo/store";
import type { FastifyRequest } from "fastify";
import { AppError, AppErrorCode } from "../errors/appError.js";

/** Who a request is from, found by the authentication hook. */
export interface RequestAuth {
  actor: Actor;
  via: "session" | "token";
  /** Only for cookie sessions. */
  session: Session | null;
  /** Only for API tokens: what the token was limited to (empty: all its role allows). */
  scopes: readonly string[];
}

/** Who may call a route: anyone, or a member with at least this role. */
export type Access = "public" | Role;

declare module "fastify" {
  interface FastifyContextConfig {
    /** Every route under /api/v1 declares it; the authentication hook enforces it. */
    access?: Access;
  }
  interface FastifyRequest {
    auth: RequestAuth | null;
  }
}

/** The actor of an authenticated route (the hook has already refused anonymous callers). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.auth) throw new AppError(AppErrorCode.Unauthenticated);
  return request.auth.actor;
}
