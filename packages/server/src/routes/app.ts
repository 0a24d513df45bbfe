import type { IncomingMessage, ServerResponse } from "node:http";
import type { Lang } from "@shihyo/engine";
import type { Store } from "@shihyo/store";
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest, RawServerDefault } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { ServerConfig } from "../config.js";
import type { EvaluatorCache } from "../evaluation/evaluatorCache.js";
import { acceptedLanguage } from "../http/language.js";

/** The Fastify instance routes are declared on: zod schemas give the handlers their types. */
export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** What route handlers may use. */
export interface RouteDeps {
  store: Store;
  config: ServerConfig;
  cache: EvaluatorCache;
  now: () => Date;
}

/**
 * The caller's language: Accept-Language, else the signed-in user's locale, else the
 * fallback (a plan's own locale where there is one), else English.
 */
export async function languageOf(
  request: FastifyRequest,
  store: Store,
  fallback?: Lang | null,
): Promise<Lang> {
  const accepted = acceptedLanguage(request.headers["accept-language"]);
  if (accepted) return accepted;
  const userId = request.auth?.actor.userId;
  if (userId) {
    const user = await store.getUser(userId).catch(() => null);
    if (user?.locale) return user.locale;
  }
  return fallback ?? "en";
}
