/**
 * Test servers on the REAL store: SQLite in a temporary directory always, and PostgreSQL
 * when SHIHYO_TEST_DATABASE_URL names a server (a fresh database per server, dropped
 * afterwards). Without it the PostgreSQL cases are skipped with a warning, except in CI.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Actor, openStore, type Role, type Store } from "@shihyo/store";
import type { LightMyRequestResponse } from "fastify";
import type {} from "vitest";
import { createTestDatabase, type Dialect, postgresAvailable } from "../../store/test/testDatabases.js";
import { type App, buildServer, DEFAULT_CONFIG, hashPassword, type ServerConfig } from "../src/index.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Set by packages/cli/test/buildOnce.ts (the global setup): the CLI build's failure, or null. */
    cliBuildError: string | null;
  }
}

export type { Dialect };

/** The dialects to run: SQLite, and PostgreSQL when a server is configured (required in CI). */
export function dialects(): Dialect[] {
  return postgresAvailable() ? ["sqlite", "postgres"] : ["sqlite"];
}

export const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const TEMPLATES = join(ROOT, "packages/cli/templates");
export const PASSWORD = "correct horse battery";
/** "Today" for the server under test: 2026-05-15 in Tokyo. */
export const NOW = new Date("2026-05-15T03:00:00Z");

export type Who = Role | "outsider";
export const MEMBERS: readonly Who[] = ["owner", "admin", "editor", "viewer", "outsider"];

export interface Credentials {
  cookie: string;
  csrf: string;
}

export interface TestServer {
  dialect: Dialect;
  app: App;
  store: Store;
  orgId: string;
  otherOrgId: string;
  /** The owner of the main organisation, as the store's actor. */
  owner: Actor;
  emailOf(who: Who): string;
  userIdOf(who: Who): string;
  /** Signs in (once per member) and keeps the cookie and CSRF token. */
  login(who: Who): Promise<Credentials>;
  /** A request as a member: cookie, and the CSRF token on writes. */
  as(
    who: Who | null,
    request: { method: string; url: string; payload?: unknown; headers?: Record<string, string> },
  ): Promise<LightMyRequestResponse>;
  /** Imports a KPI file (YAML) as admin; its plan id. Fails with the answer unless 201. */
  importPlan(yaml: string): Promise<string>;
  /** Pushes actuals as editor (JSON rows, or a CSV file's bytes); fails with the answer unless 200. */
  pushMeasurements(planId: string, data: { rows: unknown[] } | Buffer): Promise<void>;
  close(): Promise<void>;
}

/**
 * A server on a fresh database with two organisations: "acme" with one member of each
 * role, and "other" whose owner (the outsider) must never see acme's things.
 */
export async function startServer(
  dialect: Dialect,
  overrides: Partial<ServerConfig> = {},
): Promise<TestServer> {
  const database = await createTestDatabase(dialect);
  const store = await openStore({ ...database.target });
  const config: ServerConfig = { ...DEFAULT_CONFIG, ...overrides };
  const app = buildServer({ store, config, logger: false, now: () => NOW });
  await app.ready();

  const org = await store.createOrganization({ slug: "acme", name: "Acme 株式会社" });
  const other = await store.createOrganization({ slug: "other", name: "Other Inc." });
  const passwordHash = await hashPassword(PASSWORD);
  const ids = new Map<Who, string>();
  for (const who of MEMBERS) {
    const user = await store.createUser({ email: `${who}@example.com`, name: who, passwordHash });
    ids.set(who, user.id);
    const orgId = who === "outsider" ? other.id : org.id;
    await store.addMembership(null, { orgId, userId: user.id, role: who === "outsider" ? "owner" : who });
  }
  const sessions = new Map<Who, Credentials>();
  const login = async (who: Who): Promise<Credentials> => {
    const known = sessions.get(who);
    if (known) return known;
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/session",
      payload: { email: `${who}@example.com`, password: PASSWORD },
    });
    if (response.statusCode !== 200) throw new Error(`login ${who}: ${response.statusCode} ${response.body}`);
    const cookie = String(response.headers["set-cookie"]).split(";")[0]!;
    const credentials = { cookie, csrf: response.json().csrfToken as string };
    sessions.set(who, credentials);
    return credentials;
  };
  const server: TestServer = {
    dialect,
    app,
    store,
    orgId: org.id,
    otherOrgId: other.id,
    owner: { orgId: org.id, userId: ids.get("owner")!, tokenId: null, role: "owner" },
    emailOf: (who) => `${who}@example.com`,
    userIdOf: (who) => ids.get(who)!,
    login,
    async as(who, request) {
      const headers: Record<string, string> = { ...request.headers };
      if (who !== null) {
        const { cookie, csrf } = await login(who);
        headers.cookie = cookie;
        if (request.method !== "GET") headers["x-csrf-token"] = csrf;
      }
      return app.inject({
        method: request.method as "GET",
        url: request.url,
        headers,
        ...(request.payload !== undefined ? { payload: request.payload as string } : {}),
      });
    },
    async importPlan(yaml) {
      const created = await server.as("admin", {
        method: "POST",
        url: "/api/v1/plans",
        payload: yaml,
        headers: { "content-type": "application/yaml" },
      });
      if (created.statusCode !== 201) throw new Error(`plan import: ${created.statusCode} ${created.body}`);
      return created.json().id as string;
    },
    async pushMeasurements(planId, data) {
      const csv = Buffer.isBuffer(data);
      const pushed = await server.as("editor", {
        method: "POST",
        url: `/api/v1/plans/${planId}/measurements`,
        payload: csv ? data : JSON.stringify(data),
        headers: { "content-type": csv ? "text/csv" : "application/json" },
      });
      if (pushed.statusCode !== 200) throw new Error(`measurements: ${pushed.statusCode} ${pushed.body}`);
    },
    async close() {
      await app.close();
      await store.close();
      await database.dispose();
    },
  };
  return server;
}

/** Every error answer is problem+json with a stable type, a title and the status. */
export function expectProblem(response: LightMyRequestResponse, status: number, code?: string) {
  if (response.statusCode !== status)
    throw new Error(`expected ${status}, got ${response.statusCode}: ${response.body.slice(0, 2000)}`);
  if (!String(response.headers["content-type"]).startsWith("application/problem+json"))
    throw new Error(`not problem+json: ${response.headers["content-type"]}`);
  const problem = response.json();
  if (problem.status !== status || typeof problem.title !== "string" || typeof problem.type !== "string")
    throw new Error(`not a problem document: ${response.body}`);
  if (code !== undefined && problem.code !== code) throw new Error(`expected code ${code}: ${response.body}`);
  return problem as {
    type: string;
    title: string;
    status: number;
    detail: string;
    code: string;
    errors?: { message: string; path: string; line?: number; column?: number; code?: string }[];
    [key: string]: unknown;
  };
}
