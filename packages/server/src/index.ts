/*
 * The Shihyo HTTP API (Fastify): the package's whole public surface.
 */

export { hashPassword, verifyPassword } from "./auth/passwords.js";
export { type BuildServerOptions, buildServer, DOCS_PATH, OPENAPI_PATH } from "./buildServer.js";
export { ConfigError, DEFAULT_CONFIG, readConfig, type ServerConfig } from "./config.js";
export { AppError, AppErrorCode, HTTP_STATUS, problemType } from "./errors/appError.js";
export type { App } from "./routes/app.js";
