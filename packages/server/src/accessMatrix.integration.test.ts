/**
 * Every route × every role × a member of another organisation × no credentials: a member
 * below the route's role gets 403, another organisation's resource 404 (never 403, which
 * would say it exists), no credentials 401.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Plan, parseKpiFile } from "@shihyo/engine";
import type { Role } from "@shihyo/store";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  dialects,
  MEMBERS,
  PASSWORD,
  startServer,
  TEMPLATES,
  type TestServer,
  type Who,
} from "../test/harness.js";
import { roleAtLeast } from "./auth/roles.js";

const SAAS = readFileSync(join(TEMPLATES, "saas.yaml"), "utf8");
const parsed = parseKpiFile(SAAS);
if (!parsed.ok) throw new Error("invalid template");
const SAAS_PLAN: Plan = parsed.plan;

interface Prepared {
  url: string;
  payload?: string;
  headers?: Record<string, string>;
}

interface RouteCase {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** As in the OpenAPI document. */
  path: string;
  min: Role;
  /** "org": the caller's own organisation (an outsider succeeds in theirs); "resource": acme's. */
  scope: "org" | "resource";
  ok: number;
  /** Open to anyone, signed in or not, of any organisation (the first run). */
  anyone?: true;
  /** Builds the request on fresh resources, so that every case can succeed on its own. */
  prepare(server: TestServer, planId: string): Promise<Prepared>;
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;
const json = (body: unknown) => ({
  payload: JSON.stringify(body),
  headers: { "content-type": "application/json" },
});
const freshPlan = async (server: TestServer) => (await server.store.createPlan(server.owner, SAAS_PLAN)).id;
const freshMember = async (server: TestServer) => {
  const user = await server.store.createUser({
    email: `m${unique()}@example.com`,
    name: "m",
    passwordHash: "x",
  });
  await server.store.addMembership(null, { orgId: server.orgId, userId: user.id, role: "viewer" });
  return user.id;
};

const P = "/api/v1/plans/{id}";
const CASES: RouteCase[] = [
  {
    method: "GET",
    path: "/api/v1/setup",
    min: "viewer",
    scope: "org",
    anyone: true,
    ok: 200,
    prepare: async () => ({ url: "/api/v1/setup" }),
  },
  {
    // This server has users: the first run is over for everyone (409), never 401 or 403.
    method: "POST",
    path: "/api/v1/setup",
    min: "viewer",
    scope: "org",
    anyone: true,
    ok: 409,
    prepare: async () => ({
      url: "/api/v1/setup",
      ...json({
        organization: { name: "Late" },
        user: { email: `late${unique()}@example.com`, name: "Late", password: "long enough" },
      }),
    }),
  },
  {
    method: "GET",
    path: "/api/v1/session",
    min: "viewer",
    scope: "org",
    ok: 200,
    prepare: async () => ({ url: "/api/v1/session" }),
  },
  {
    method: "DELETE",
    path: "/api/v1/session",
    min: "viewer",
    scope: "org",
    ok: 204,
    prepare: async () => ({ url: "/api/v1/session" }),
  },
  {
    method: "PATCH",
    path: "/api/v1/session/user",
    min: "viewer",
    scope: "org",
    ok: 200,
    prepare: async () => ({ url: "/api/v1/session/user", ...json({ locale: null }) }),
  },
  {
    // The same password again: the other cases keep signing in with it.
    method: "POST",
    path: "/api/v1/session/password",
    min: "viewer",
    scope: "org",
    ok: 204,
    prepare: async () => ({
      url: "/api/v1/session/password",
      ...json({ currentPassword: PASSWORD, newPassword: PASSWORD }),
    }),
  },
  {
    // An address another user has: refused after the password check (409) for every member,
    // so that nobody's e-mail changes and the other cases keep signing in.
    method: "POST",
    path: "/api/v1/session/email",
    min: "viewer",
    scope: "org",
    ok: 409,
    prepare: async (server) => {
      const taken = await server.store.createUser({
        email: `t${unique()}@example.com`,
        name: "t",
        passwordHash: "x",
      });
      return { url: "/api/v1/session/email", ...json({ email: taken.email, password: PASSWORD }) };
    },
  },
  {
    method: "DELETE",
    path: "/api/v1/sessions",
    min: "viewer",
    scope: "org",
    ok: 200,
    prepare: async () => ({ url: "/api/v1/sessions" }),
  },
  {
    method: "GET",
    path: "/api/v1/orgs/current",
    min: "viewer",
    scope: "org",
    ok: 200,
    prepare: async () => ({ url: "/api/v1/orgs/current" }),
  },
  {
    method: "PATCH",
    path: "/api/v1/orgs/current",
    min: "owner",
    scope: "org",
    ok: 200,
    prepare: async () => ({ url: "/api/v1/orgs/current", ...json({ name: "Acme 株式会社" }) }),
  },
  {
    method: "GET",
    path: "/api/v1/members",
    min: "viewer",
    scope: "org",
    ok: 200,
    prepare: async () => ({ url: "/api/v1/members" }),
  },
  {
    method: "POST",
    path: "/api/v1/members",
    min: "admin",
    scope: "org",
    ok: 201,
    prepare: async () => ({
      url: "/api/v1/members",
      ...json({ email: `new${unique()}@example.com`, password: "long enough", role: "viewer" }),
    }),
  },
  {
    method: "PATCH",
    path: "/api/v1/members/{userId}",
    min: "admin",
    scope: "resource",
    ok: 200,
    prepare: async (s) => ({ url: `/api/v1/members/${await freshMember(s)}`, ...json({ role: "editor" }) }),
  },
  {
    method: "DELETE",
    path: "/api/v1/members/{userId}",
    min: "admin",
    scope: "resource",
    ok: 204,
    prepare: async (s) => ({ url: `/api/v1/members/${await freshMember(s)}` }),
  },
  {
    method: "POST",
    path: "/api/v1/plans",
    min: "admin",
    scope: "org",
    ok: 201,
    prepare: async () => ({
      url: "/api/v1/plans",
      payload: SAAS,
      headers: { "content-type": "application/yaml" },
    }),
  },
  {
    method: "GET",
    path: "/api/v1/plans",
    min: "viewer",
    scope: "org",
    ok: 200,
    prepare: async () => ({ url: "/api/v1/plans" }),
  },
  {
    method: "GET",
    path: P,
    min: "viewer",
    scope: "resource",
    ok: 200,
    prepare: async (_s, id) => ({ url: `/api/v1/plans/${id}` }),
  },
  {
    method: "PUT",
    path: P,
    min: "editor",
    scope: "resource",
    ok: 200,
    prepare: async (s) => {
      const id = await freshPlan(s);
      const summary = await s.store.getPlanSummary(s.orgId, id);
      return {
        url: `/api/v1/plans/${id}`,
        payload: SAAS,
        headers: { "content-type": "application/yaml", "if-match": `"${summary!.version}"` },
      };
    },
  },
  {
    method: "DELETE",
    path: P,
    min: "admin",
    scope: "resource",
    ok: 204,
    prepare: async (s) => {
      const id = await freshPlan(s);
      const summary = await s.store.getPlanSummary(s.orgId, id);
      return { url: `/api/v1/plans/${id}`, headers: { "if-match": `"${summary!.version}"` } };
    },
  },
  {
    method: "GET",
    path: `${P}/export`,
    min: "viewer",
    scope: "resource",
    ok: 200,
    prepare: async (_s, id) => ({ url: `/api/v1/plans/${id}/export` }),
  },
  {
    method: "GET",
    path: `${P}/nodes`,
    min: "viewer",
    scope: "resource",
    ok: 200,
    prepare: async (_s, id) => ({ url: `/api/v1/plans/${id}/nodes` }),
  },
  {
    method: "GET",
    path: `${P}/targets`,
    min: "viewer",
    scope: "resource",
    ok: 200,
    prepare: async (_s, id) => ({ url: `/api/v1/plans/${id}/targets` }),
  },
  {
    method: "PATCH",
    path: `${P}/targets/{node}/{period}`,
    min: "editor",
    scope: "resource",
    ok: 200,
    prepare: async (s) => ({
      url: `/api/v1/plans/${await freshPlan(s)}/targets/revenue/FY2027-Q1`,
      ...json({ value: 1, reason: "other", comment: "matrix" }),
    }),
  },
  {
    method: "GET",
    path: `${P}/targets/{node}/revisions`,
    min: "viewer",
    scope: "resource",
    ok: 200,
    prepare: async (_s, id) => ({ url: `/api/v1/plans/${id}/targets/revenue/revisions` }),
  },
  {
    method: "POST",
    path: `${P}/measurements`,
    min: "editor",
    scope: "resource",
    ok: 200,
    prepare: async (_s, id) => ({
      url: `/api/v1/plans/${id}/measurements`,
      ...json({ rows: [{ node: "revenue", period: "2026-04", value: 1 }] }),
    }),
  },
  {
    method: "GET",
    path: `${P}/measurements`,
    min: "viewer",
    scope: "resource",
    ok: 200,
    prepare: async (_s, id) => ({ url: `/api/v1/plans/${id}/measurements?node=revenue` }),
  },
  {
    method: "GET",
    path: `${P}/segments`,
    min: "viewer",
    scope: "resource",
    ok: 200,
    prepare: async (_s, id) => ({ url: `/api/v1/plans/${id}/segments` }),
  },
  {
    method: "GET",
    path: `${P}/evaluation`,
    min: "viewer",
    scope: "resource",
    ok: 200,
    prepare: async (_s, id) => ({ url: `/api/v1/plans/${id}/evaluation?period=FY2026-Q1&asOf=2026-05-15` }),
  },
  {
    method: "GET",
    path: `${P}/findings`,
    min: "viewer",
    scope: "resource",
    ok: 200,
    prepare: async (_s, id) => ({ url: `/api/v1/plans/${id}/findings?asOf=2026-05-15` }),
  },
  {
    method: "GET",
    path: `${P}/solve`,
    min: "viewer",
    scope: "resource",
    ok: 200,
    prepare: async (_s, id) => ({
      url: `/api/v1/plans/${id}/solve?node=revenue&for=deal_size&period=FY2026-Q3`,
    }),
  },
  {
    method: "GET",
    path: `${P}/sensitivity`,
    min: "viewer",
    scope: "resource",
    ok: 200,
    prepare: async (_s, id) => ({ url: `/api/v1/plans/${id}/sensitivity?node=revenue&period=FY2026-Q1` }),
  },
  {
    method: "POST",
    path: `${P}/what-if`,
    min: "viewer",
    scope: "resource",
    ok: 200,
    prepare: async (_s, id) => ({
      url: `/api/v1/plans/${id}/what-if`,
      ...json({ period: "FY2026-Q1", values: { deal_size: 600_000 } }),
    }),
  },
  {
    method: "GET",
    path: `${P}/explain`,
    min: "viewer",
    scope: "resource",
    ok: 200,
    prepare: async (_s, id) => ({ url: `/api/v1/plans/${id}/explain?node=revenue&period=FY2026-Q1` }),
  },
  {
    method: "GET",
    path: `${P}/series`,
    min: "viewer",
    scope: "resource",
    ok: 200,
    prepare: async (_s, id) => ({ url: `/api/v1/plans/${id}/series?from=2026-04&to=2026-06&node=revenue` }),
  },
  {
    method: "GET",
    path: `${P}/nodes/{node}/comments`,
    min: "viewer",
    scope: "resource",
    ok: 200,
    prepare: async (_s, id) => ({ url: `/api/v1/plans/${id}/nodes/revenue/comments` }),
  },
  {
    method: "POST",
    path: `${P}/nodes/{node}/comments`,
    min: "editor",
    scope: "resource",
    ok: 201,
    prepare: async (_s, id) => ({
      url: `/api/v1/plans/${id}/nodes/revenue/comments`,
      ...json({ body: "hi" }),
    }),
  },
  {
    method: "GET",
    path: "/api/v1/audit",
    min: "admin",
    scope: "org",
    ok: 200,
    prepare: async () => ({ url: "/api/v1/audit" }),
  },
  {
    method: "GET",
    path: "/api/v1/tokens",
    min: "admin",
    scope: "org",
    ok: 200,
    prepare: async () => ({ url: "/api/v1/tokens" }),
  },
  {
    method: "POST",
    path: "/api/v1/tokens",
    min: "admin",
    scope: "org",
    ok: 201,
    prepare: async () => ({ url: "/api/v1/tokens", ...json({ name: "t", role: "viewer" }) }),
  },
  {
    method: "DELETE",
    path: "/api/v1/tokens/{id}",
    min: "admin",
    scope: "resource",
    ok: 204,
    prepare: async (s) => {
      const { token } = await s.store.createApiToken(s.owner, { name: "doomed", role: "viewer", scopes: [] });
      return { url: `/api/v1/tokens/${token.id}` };
    },
  },
];

function expected(route: RouteCase, who: Who | null): number {
  if (route.anyone) return route.ok;
  if (who === null) return 401;
  if (who === "outsider") return route.scope === "org" ? route.ok : 404;
  return roleAtLeast(who, route.min) ? route.ok : 403;
}

describe.each(dialects())("access matrix on %s", (dialect) => {
  let server: TestServer;
  let planId: string;
  beforeAll(async () => {
    server = await startServer(dialect);
    planId = await freshPlan(server);
  });
  afterAll(async () => server?.close());

  it("covers every route of the OpenAPI document", async () => {
    const doc = (await server.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .filter(([path]) => path.startsWith("/api/v1/"))
      .flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`))
      .filter((route) => route !== "POST /api/v1/session");
    expect(CASES.map((c) => `${c.method} ${c.path}`).sort()).toEqual(documented.sort());
  });

  const WHO: (Who | null)[] = [...MEMBERS, null];
  describe.each(CASES)("$method $path (min $min)", (route) => {
    it.each(WHO.map((who) => [who ?? "anonymous", who] as const))("as %s", async (_name, who) => {
      const request = await route.prepare(server, planId);
      const headers: Record<string, string> = { ...request.headers };
      if (who !== null) {
        // Signing out ends the session: that case signs in anew.
        const { cookie, csrf } =
          route.path === "/api/v1/session" && route.method === "DELETE"
            ? await freshLogin(server, who)
            : await server.login(who);
        headers.cookie = cookie;
        if (route.method !== "GET") headers["x-csrf-token"] = csrf;
      }
      const response = await server.app.inject({
        method: route.method,
        url: request.url,
        headers,
        ...(request.payload !== undefined ? { payload: request.payload } : {}),
      });
      const want = expected(route, who);
      if (response.statusCode !== want)
        throw new Error(
          `${route.method} ${request.url} as ${who}: ${response.statusCode} (want ${want}) ${response.body.slice(0, 500)}`,
        );
      if (want >= 400) expect(response.headers["content-type"]).toMatch(/^application\/problem\+json/);
    });
  });
});

async function freshLogin(server: TestServer, who: Who) {
  const response = await server.app.inject({
    method: "POST",
    url: "/api/v1/session",
    payload: { email: server.emailOf(who), password: PASSWORD },
  });
  return {
    cookie: String(response.headers["set-cookie"]).split(";")[0]!,
    csrf: response.json().csrfToken as string,
  };
}
