import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  dialects,
  expectProblem,
  PASSWORD,
  startServer,
  TEMPLATES,
  type TestServer,
} from "../test/harness.js";

describe.each(dialects())("HTTP surface on %s", (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(dialect);
  });
  afterAll(async () => server?.close());

  it("serves an OpenAPI 3.1 document with every route, from the request schemas", async () => {
    const response = await server.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.info.title).toContain("Shihyo");
    const routes = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`),
    );
    for (const route of [
      "POST /api/v1/session",
      "GET /api/v1/session",
      "DELETE /api/v1/session",
      "POST /api/v1/plans",
      "GET /api/v1/plans/{id}/export",
      "POST /api/v1/plans/{id}/measurements",
      "GET /api/v1/plans/{id}/evaluation",
      "GET /api/v1/plans/{id}/findings",
      "GET /api/v1/plans/{id}/solve",
      "GET /api/v1/plans/{id}/sensitivity",
      "PATCH /api/v1/plans/{id}/targets/{node}/{period}",
      "GET /healthz",
      "GET /readyz",
    ])
      expect(routes).toContain(route);
    // Answers without a body are documented as such (204, no content), as the server sends them.
    for (const [path, method] of [
      ["/api/v1/plans/{id}", "delete"],
      ["/api/v1/session", "delete"],
      ["/api/v1/members/{userId}", "delete"],
      ["/api/v1/tokens/{id}", "delete"],
      ["/api/v1/session/password", "post"],
    ] as const)
      expect(doc.paths[path][method].responses, `${method} ${path}`).toEqual({
        204: { description: "No Content" },
      });
    const patch = doc.paths["/api/v1/plans/{id}/targets/{node}/{period}"].patch;
    const body = patch.requestBody.content["application/json"].schema;
    expect(body.required).toEqual(expect.arrayContaining(["value", "reason", "comment"]));
    expect(body.properties.reason.enum).toEqual(["external", "resources", "misaligned", "other"]);
    const measurements = doc.paths["/api/v1/plans/{id}/measurements"].post.requestBody.content;
    expect(Object.keys(measurements)).toEqual(expect.arrayContaining(["application/json", "text/csv"]));
    const plans = doc.paths["/api/v1/plans"].post.requestBody.content;
    expect(Object.keys(plans)).toEqual(expect.arrayContaining(["application/yaml", "application/json"]));
    expect(plans["application/json"].schema.properties.nodes).toBeDefined();
    const evaluation = doc.paths["/api/v1/plans/{id}/evaluation"].get;
    expect(evaluation.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(["id", "period", "asOf", "segment"]),
    );
  });

  it("serves the browsable docs with their assets from this server (no CDN)", async () => {
    const page = await server.app.inject({ method: "GET", url: "/api/docs/" });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toMatch(/text\/html/);
    expect(page.body).not.toMatch(/https?:\/\/(unpkg|cdn|cdnjs|jsdelivr)/);
    const bundle = await server.app.inject({ method: "GET", url: "/api/docs/static/swagger-ui-bundle.js" });
    expect(bundle.statusCode).toBe(200);
  });

  it("answers /healthz and /readyz", async () => {
    expect((await server.app.inject({ method: "GET", url: "/healthz" })).json()).toEqual({ status: "ok" });
    expect((await server.app.inject({ method: "GET", url: "/readyz" })).json()).toEqual({ status: "ok" });
  });

  it("answers malformed JSON and unknown paths with problem+json", async () => {
    const { cookie, csrf } = await server.login("admin");
    const broken = await server.app.inject({
      method: "POST",
      url: "/api/v1/tokens",
      headers: { cookie, "x-csrf-token": csrf, "content-type": "application/json" },
      payload: "{ not json",
    });
    expectProblem(broken, 400);
    expectProblem(await server.app.inject({ method: "GET", url: "/nowhere" }), 404, "not_found");
    expectProblem(await server.app.inject({ method: "GET", url: "/api/v1/plans" }), 401, "unauthenticated");
  });

  it("works over a real socket: listen(), sign in with fetch, import, evaluate", async () => {
    const address = await server.app.listen({ port: 0, host: "127.0.0.1" });
    const login = await fetch(`${address}/api/v1/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "editor@example.com", password: PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie()[0]!.split(";")[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };

    const token = await server.store.createApiToken(server.owner, {
      name: "push",
      role: "admin",
      scopes: [],
    });
    const created = await fetch(`${address}/api/v1/plans`, {
      method: "POST",
      headers: { authorization: `Bearer ${token.secret}`, "content-type": "application/yaml" },
      body: readFileSync(join(TEMPLATES, "saas.yaml")),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    const imported = await fetch(`${address}/api/v1/plans/${id}/measurements`, {
      method: "POST",
      headers: { cookie, "x-csrf-token": csrfToken, "content-type": "text/csv" },
      body: readFileSync(join(TEMPLATES, "saas.demo.csv")),
    });
    expect(imported.status).toBe(200);
    const evaluation = await fetch(
      `${address}/api/v1/plans/${id}/evaluation?period=FY2026-Q1&asOf=2026-05-15`,
      {
        headers: { cookie },
      },
    );
    expect(evaluation.status).toBe(200);
    const document = (await evaluation.json()) as { nodes: { id: string; status: string }[] };
    expect(document.nodes.find((n) => n.id === "revenue")?.status).toEqual(expect.any(String));

    const refused = await fetch(`${address}/api/v1/plans/${id}/measurements`, {
      method: "POST",
      headers: { cookie, "content-type": "text/csv" },
      body: "node,period,value\n",
    });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  });
});
