import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects, expectProblem, PASSWORD, startServer, type TestServer } from "../test/harness.js";

describe.each(dialects())("authentication on %s", (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(dialect, { login: { maxPerEmail: 3, maxPerIp: 1000, windowSeconds: 900 } });
  });
  afterAll(async () => server?.close());

  const login = (email: string, password: string, headers: Record<string, string> = {}) =>
    server.app.inject({ method: "POST", url: "/api/v1/session", payload: { email, password }, headers });

  it("signs in with e-mail and password: a secure session cookie and the CSRF token", async () => {
    const response = await login("viewer@example.com", PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = String(response.headers["set-cookie"]);
    expect(cookie).toMatch(/^shihyo_session=[^;]+;/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    const body = response.json();
    expect(body).toMatchObject({ role: "viewer", via: "session", user: { email: "viewer@example.com" } });
    expect(body.org).toMatchObject({ slug: "acme", role: "viewer" });
    expect(body.csrfToken).toEqual(expect.any(String));

    const session = await server.app.inject({
      method: "GET",
      url: "/api/v1/session",
      headers: { cookie: cookie.split(";")[0]! },
    });
    expect(session.statusCode).toBe(200);
    expect(session.json().csrfToken).toBe(body.csrfToken);
  });

  it("marks the cookie Secure when configured", async () => {
    const secure = await startServer(dialect, { secureCookies: true });
    try {
      const response = await secure.app.inject({
        method: "POST",
        url: "/api/v1/session",
        payload: { email: "editor@example.com", password: PASSWORD },
      });
      expect(String(response.headers["set-cookie"])).toMatch(/; Secure/);
    } finally {
      await secure.close();
    }
  });

  it("refuses a wrong password and an unknown e-mail alike (401 problem+json)", async () => {
    const wrong = expectProblem(await login("admin@example.com", "nope"), 401, "invalid_credentials");
    const unknown = expectProblem(await login("nobody@example.com", "nope"), 401, "invalid_credentials");
    expect(wrong.detail).toBe(unknown.detail);
    expect(wrong.type).toBe("https://shihyo.dev/problems/invalid-credentials");
  });

  it("answers in the caller's language", async () => {
    const ja = expectProblem(
      await login("admin@example.com", "nope", { "accept-language": "ja-JP,ja;q=0.9" }),
      401,
    );
    expect(ja.title).toBe("メールアドレスまたはパスワードが違います");
  });

  it("limits sign-in attempts per e-mail through the database (429 with Retry-After)", async () => {
    for (let i = 0; i < 3; i++) expectProblem(await login("owner@example.com", "wrong"), 401);
    const limited = await login("owner@example.com", PASSWORD);
    expectProblem(limited, 429, "rate_limited");
    expect(limited.headers["retry-after"]).toBe("900");
    // Another e-mail from the same address still gets in.
    expect((await login("editor@example.com", PASSWORD)).statusCode).toBe(200);
  });

  it("limits sign-in attempts per client address", async () => {
    const strict = await startServer(dialect, {
      login: { maxPerEmail: 100, maxPerIp: 2, windowSeconds: 60 },
    });
    try {
      const attempt = (email: string) =>
        strict.app.inject({ method: "POST", url: "/api/v1/session", payload: { email, password: "x" } });
      expectProblem(await attempt("a@example.com"), 401);
      expectProblem(await attempt("b@example.com"), 401);
      expectProblem(await attempt("c@example.com"), 429, "rate_limited");
    } finally {
      await strict.close();
    }
  });

  it("signs out: the session no longer works", async () => {
    const response = await login("viewer@example.com", PASSWORD);
    const cookie = String(response.headers["set-cookie"]).split(";")[0]!;
    const csrf = response.json().csrfToken as string;
    const out = await server.app.inject({
      method: "DELETE",
      url: "/api/v1/session",
      headers: { cookie, "x-csrf-token": csrf },
    });
    expect(out.statusCode).toBe(204);
    expectProblem(
      await server.app.inject({ method: "GET", url: "/api/v1/session", headers: { cookie } }),
      401,
      "unauthenticated",
    );
  });

  it("refuses a cookie-authenticated write without (or with a wrong) X-CSRF-Token: 403", async () => {
    const { cookie, csrf } = await server.login("admin");
    const body = { name: "t", role: "viewer" };
    const without = await server.app.inject({
      method: "POST",
      url: "/api/v1/tokens",
      headers: { cookie },
      payload: body,
    });
    expectProblem(without, 403, "csrf_failed");
    const wrong = await server.app.inject({
      method: "POST",
      url: "/api/v1/tokens",
      headers: { cookie, "x-csrf-token": `${csrf}x` },
      payload: body,
    });
    expectProblem(wrong, 403, "csrf_failed");
    const right = await server.app.inject({
      method: "POST",
      url: "/api/v1/tokens",
      headers: { cookie, "x-csrf-token": csrf },
      payload: body,
    });
    expect(right.statusCode).toBe(201);
  });

  it("accepts bearer API tokens (no CSRF), at the token's role, until revoked", async () => {
    const created = await server.as("admin", {
      method: "POST",
      url: "/api/v1/tokens",
      payload: { name: "ci", role: "editor" },
    });
    expect(created.statusCode).toBe(201);
    const { token, secret } = created.json();
    expect(secret).toMatch(/^shy_/);
    expect(token).toMatchObject({ name: "ci", role: "editor", revokedAt: null });
    expect(JSON.stringify(token)).not.toContain(secret);
    const listed = await server.as("admin", { method: "GET", url: "/api/v1/tokens" });
    expect(listed.body).not.toContain(secret);

    const bearer = { authorization: `Bearer ${secret}` };
    const me = await server.app.inject({ method: "GET", url: "/api/v1/session", headers: bearer });
    expect(me.json()).toMatchObject({ via: "token", role: "editor", user: null, csrfToken: null });
    // A write with a bearer token needs no CSRF token; an admin-only one is beyond its role.
    const plans = await server.app.inject({ method: "GET", url: "/api/v1/plans", headers: bearer });
    expect(plans.statusCode).toBe(200);
    expectProblem(await server.app.inject({ method: "GET", url: "/api/v1/audit", headers: bearer }), 403);

    const revoked = await server.as("admin", { method: "DELETE", url: `/api/v1/tokens/${token.id}` });
    expect(revoked.statusCode).toBe(204);
    expectProblem(await server.app.inject({ method: "GET", url: "/api/v1/plans", headers: bearer }), 401);
    expectProblem(
      await server.app.inject({
        method: "GET",
        url: "/api/v1/plans",
        headers: { authorization: "Bearer shy_nope" },
      }),
      401,
    );
  });

  it("limits a token to its scopes, and refuses unknown scopes", async () => {
    const created = await server.as("admin", {
      method: "POST",
      url: "/api/v1/tokens",
      payload: { name: "data push", role: "editor", scopes: ["read", "measurements:write"] },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().token.scopes).toEqual(["read", "measurements:write"]);
    const bearer = { authorization: `Bearer ${created.json().secret as string}` };
    const plan = await server.store.createPlan(server.owner, {
      version: 1,
      name: "scoped",
      nodes: [{ id: "visits", role: "kpi", cadence: "month", targets: { "2026-04": { value: 10 } } }],
    });
    const read = await server.app.inject({ method: "GET", url: `/api/v1/plans/${plan.id}`, headers: bearer });
    expect(read.statusCode).toBe(200);
    const push = await server.app.inject({
      method: "POST",
      url: `/api/v1/plans/${plan.id}/measurements`,
      headers: { ...bearer, "content-type": "application/json" },
      payload: JSON.stringify({ rows: [{ node: "visits", period: "2026-04-01", value: 3 }] }),
    });
    expect(push.statusCode).toBe(200);
    // The editor role would allow revising a target, but the token's scopes do not: the answer says which scope.
    const refused = expectProblem(
      await server.app.inject({
        method: "PATCH",
        url: `/api/v1/plans/${plan.id}/targets/visits/2026-04`,
        headers: { ...bearer, "content-type": "application/json", "accept-language": "en" },
        payload: JSON.stringify({ value: 12, reason: "other", comment: "scoped" }),
      }),
      403,
      "forbidden",
    );
    expect(refused).toMatchObject({ reason: "scope_missing", scope: "targets:write" });
    expect(refused.detail).toContain('"targets:write"');
    const unknown = await server.as("admin", {
      method: "POST",
      url: "/api/v1/tokens",
      payload: { name: "bad", role: "viewer", scopes: ["everything"] },
    });
    expectProblem(unknown, 400);
  });

  it("never lets a token or a member hand out a role above their own", async () => {
    const response = await server.as("admin", {
      method: "POST",
      url: "/api/v1/tokens",
      payload: { name: "too much", role: "owner" },
    });
    expectProblem(response, 403, "forbidden");
  });

  it("keeps an owner: the organisation's only owner cannot step down or be removed (409, ja/en)", async () => {
    // As the owner through a token (earlier tests here used up the sign-in attempts of this address).
    const owner = server.userIdOf("owner");
    const { secret } = await server.store.createApiToken(server.owner, {
      name: "owner",
      role: "owner",
      scopes: [],
    });
    const as = (
      request: { method: "GET" | "PATCH" | "DELETE"; url: string; payload?: object },
      lang: string,
    ) =>
      server.app.inject({
        ...request,
        headers: { authorization: `Bearer ${secret}`, "accept-language": lang },
      });
    const demote = await as(
      { method: "PATCH", url: `/api/v1/members/${owner}`, payload: { role: "admin" } },
      "ja",
    );
    expect(expectProblem(demote, 409, "conflict").detail).toContain("最後のオーナー");
    const remove = await as({ method: "DELETE", url: `/api/v1/members/${owner}` }, "en");
    expect(expectProblem(remove, 409, "conflict").detail).toContain("last owner");
    const members = await as({ method: "GET", url: "/api/v1/members" }, "en");
    expect(members.json().find((m: { userId: string }) => m.userId === owner)).toMatchObject({
      role: "owner",
    });
  });
});
