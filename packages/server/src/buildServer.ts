import fastifyCookie from "@fastify/cookie";
import fastifyStatic from "@fastify/static";
import fastifySwagger from "@fastify/swagger";
import fastifySwaggerUi from "@fastify/swagger-ui";
import type { Store } from "@shihyo/store";
import Fastify, { type FastifyBaseLogger } from "fastify";
import { validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { authenticationHook, CSRF_HEADER, SESSION_COOKIE } from "./auth/authenticate.js";
import type { ServerConfig } from "./config.js";
import { AppError, AppErrorCode } from "./errors/appError.js";
import { PROBLEM_CONTENT_TYPE, problemDocument } from "./errors/problemDocument.js";
import { toAppError } from "./errors/toAppError.js";
import { EvaluatorCache } from "./evaluation/evaluatorCache.js";
import { openApiTransform } from "./http/openapi.js";
import { analysisRoutes } from "./routes/analysisRoutes.js";
import { type App, languageOf, type RouteDeps } from "./routes/app.js";
import { collaborationRoutes } from "./routes/collaborationRoutes.js";
import { healthRoutes } from "./routes/healthRoutes.js";
import { measurementRoutes } from "./routes/measurementRoutes.js";
import { memberRoutes } from "./routes/memberRoutes.js";
import { planRoutes } from "./routes/planRoutes.js";
import { segmentRoutes } from "./routes/segmentRoutes.js";
import { seriesRoutes } from "./routes/seriesRoutes.js";
import { sessionRoutes } from "./routes/sessionRoutes.js";
import { setupRoutes } from "./routes/setupRoutes.js";
import { targetRoutes } from "./routes/targetRoutes.js";
import { whatIfRoutes } from "./routes/whatIfRoutes.js";

export interface BuildServerOptions {
  store: Store;
  config: ServerConfig;
  /** A pino-compatible logger; false for none; default: pino at the configured level. */
  logger?: FastifyBaseLogger | false;
  /** With the default logger: readable lines (pino-pretty) instead of JSON, for a terminal. */
  prettyLogs?: boolean;
  /** A directory holding the built web app (index.html, assets/), served at `/`. */
  webRoot?: string;
  /** The clock ("today" in a plan's time zone); tests pass a fixed one. */
  now?: () => Date;
}

function acceptsHtml(accept: string | undefined): boolean {
  return accept === undefined || accept.includes("text/html") || accept.includes("*/*");
}

export const OPENAPI_PATH = "/api/openapi.json";
export const DOCS_PATH = "/api/docs";

/** The HTTP API as a Fastify instance, ready to `listen()` or to `inject()` requests into. */
export function buildServer({
  store,
  config,
  logger,
  prettyLogs = false,
  now = () => new Date(),
  webRoot,
}: BuildServerOptions): App {
  const pretty = {
    target: "pino-pretty",
    options: { translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname" },
  };
  const base =
    logger === undefined
      ? Fastify({
          logger: { level: config.logLevel, ...(prettyLogs ? { transport: pretty } : {}) },
          trustProxy: config.trustProxy,
        })
      : logger === false
        ? Fastify({ logger: false, trustProxy: config.trustProxy })
        : Fastify({ loggerInstance: logger, trustProxy: config.trustProxy });
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  // Response schemas document the answers; the answers themselves are written as they are
  // (no second validation of a 1,000-node evaluation on every request).
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.decorateRequest("auth", null);
  app.register(fastifyCookie);

  app.addHook("onRoute", (route) => {
    if (route.url.startsWith("/api/v1/") && route.config?.access === undefined)
      throw new Error(`${route.method} ${route.url} does not declare who may call it (config.access)`);
  });
  app.addHook("onRequest", authenticationHook({ store, now }));

  app.setErrorHandler(async (error, request, reply) => {
    const problem = toAppError(error);
    if (problem.status >= 500) request.log.error({ err: error }, "request failed");
    const lang = await languageOf(request, store).catch(() => "en" as const);
    return reply
      .code(problem.status)
      .headers(problem.options.headers ?? {})
      .type(PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify(problemDocument(problem, lang, request.url)));
  });
  app.setNotFoundHandler(async (request, reply) => {
    // The web app routes on the client: any other page address gets its index.html.
    if (
      webRoot &&
      request.method === "GET" &&
      !request.url.startsWith("/api/") &&
      acceptsHtml(request.headers.accept)
    )
      return reply.type("text/html; charset=utf-8").sendFile("index.html");
    throw new AppError(AppErrorCode.NotFound);
  });
  if (webRoot) {
    // The built web app on the same port as the API; hashed assets may be cached for good.
    app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: "index.html",
      setHeaders: (res, path) => {
        if (path.includes("/assets/")) res.header("cache-control", "public, max-age=31536000, immutable");
      },
    });
  }

  app.register(fastifySwagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Shihyo (指標) API",
        description: `KPI plans, targets, actuals and their evaluation. Errors are application/problem+json (RFC 9457). Sign in with POST /api/v1/session (a session cookie; send its csrfToken as ${CSRF_HEADER} on writes) or send an API token as Authorization: Bearer shy_….`,
        version: "0.1.0",
      },
      components: {
        securitySchemes: {
          session: { type: "apiKey", in: "cookie", name: SESSION_COOKIE },
          bearer: { type: "http", scheme: "bearer" },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: openApiTransform,
  });
  app.register(fastifySwaggerUi, { routePrefix: DOCS_PATH });

  const deps: RouteDeps = { store, config, cache: new EvaluatorCache(store, config.evaluatorCacheSize), now };
  app.register(async (scope) => {
    const api = scope.withTypeProvider<ZodTypeProvider>();
    api.get(OPENAPI_PATH, { schema: { hide: true } }, async () => app.swagger());
    for (const routes of [
      healthRoutes,
      sessionRoutes,
      memberRoutes,
      planRoutes,
      targetRoutes,
      measurementRoutes,
      segmentRoutes,
      analysisRoutes,
      collaborationRoutes,
      seriesRoutes,
      whatIfRoutes,
      setupRoutes,
    ])
      routes(api, deps);
  });
  return app;
}
