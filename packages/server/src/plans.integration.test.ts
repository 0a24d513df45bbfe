import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseKpiFile, writeKpiFile, writeKpiFileJson } from "@shihyo/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects, expectProblem, startServer, TEMPLATES, type TestServer } from "../test/harness.js";

const SAAS = readFileSync(join(TEMPLATES, "saas.yaml"), "utf8");

function planOf(text: string) {
  const parsed = parseKpiFile(text);
  if (!parsed.ok) throw new Error("invalid fixture");
  return parsed.plan;
}

describe.each(dialects())("plans on %s", (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer(dialect);
  });
  afterAll(async () => server?.close());

  const postPlan = (text: string, contentType = "application/yaml") =>
    server.as("admin", {
      method: "POST",
      url: "/api/v1/plans",
      payload: text,
      headers: { "content-type": contentType },
    });

  it("imports a YAML KPI file: 201 { id }, and exports it round-trip equal", async () => {
    const created = await postPlan(SAAS);
    expect(created.statusCode).toBe(201);
    const { id } = created.json();
    expect(created.json()).toEqual({ id: expect.any(String) });
    expect(created.headers.location).toBe(`/api/v1/plans/${id}`);

    const exported = await server.as("viewer", { method: "GET", url: `/api/v1/plans/${id}/export` });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers["content-type"]).toMatch(/^application\/yaml/);
    expect(planOf(exported.body)).toEqual(planOf(SAAS));
    expect(exported.body).toBe(writeKpiFile(planOf(SAAS)));

    const summary = await server.as("viewer", { method: "GET", url: `/api/v1/plans/${id}` });
    expect(summary.json()).toMatchObject({ id, name: planOf(SAAS).name, version: expect.any(Number) });
    expect(summary.headers.etag).toBe(`"${summary.json().version}"`);

    // The calendar (saas.yaml: April, Asia/Tokyo, Monday, ja) comes with the summary, so a
    // client can name the current period without downloading the file.
    expect(summary.json().calendar).toEqual({
      fiscalYearStart: 4,
      timezone: "Asia/Tokyo",
      weekStart: "monday",
      locale: "ja",
    });

    const list = await server.as("viewer", { method: "GET", url: "/api/v1/plans" });
    expect(list.json().map((p: { id: string }) => p.id)).toContain(id);

    const nodes = await server.as("viewer", { method: "GET", url: `/api/v1/plans/${id}/nodes` });
    expect(nodes.json().map((n: { id: string }) => n.id)).toEqual(planOf(SAAS).nodes.map((n) => n.id));
    expect(nodes.json()[0]).toMatchObject({ id: "revenue", role: "kgi", measured: expect.any(Boolean) });
  });

  it("fills the calendar's defaults in a plan's summary when its file leaves them out", async () => {
    const created = await postPlan(
      "version: 1\nname: US plan\ncalendar: { fiscalYearStart: 1, timezone: America/New_York }\n" +
        "nodes:\n  - { id: sales, role: kgi, unit: USD }\n",
    );
    expect(created.statusCode, created.body).toBe(201);
    const summary = await server.as("viewer", { method: "GET", url: `/api/v1/plans/${created.json().id}` });
    expect(summary.json().calendar).toEqual({
      fiscalYearStart: 1,
      timezone: "America/New_York",
      weekStart: "monday",
      locale: "ja",
    });
  });

  it("imports the same file as JSON", async () => {
    const created = await postPlan(writeKpiFileJson(planOf(SAAS)), "application/json");
    expect(created.statusCode).toBe(201);
    const exported = await server.as("viewer", {
      method: "GET",
      url: `/api/v1/plans/${created.json().id}/export?format=json`,
    });
    expect(JSON.parse(exported.body)).toEqual(JSON.parse(writeKpiFileJson(planOf(SAAS))));
  });

  it("refuses an invalid file with 422 and every error's line, column and path", async () => {
    const text = [
      "version: 1",
      "name: broken",
      "nodes:",
      "  - id: revenue",
      "    role: kgi",
      "    cadense: month",
      "  - id: leads",
      "    role: kpi",
      "    parent: revenue",
      "    aggregation: often",
      "",
    ].join("\n");
    const problem = expectProblem(await postPlan(text), 422, "invalid_plan_file");
    expect(problem.type).toBe("https://shihyo.dev/problems/invalid-plan-file");
    expect(problem.errors).toEqual([
      expect.objectContaining({
        path: "nodes[0].cadense",
        line: 6,
        column: 5,
        message: expect.stringContaining("cadence"),
      }),
      expect.objectContaining({ path: "nodes[1].aggregation", line: 10, column: expect.any(Number) }),
    ]);
    const json = expectProblem(
      await postPlan('{ "version": 1, "name": "x", "nodes": [ { "id": 3 } ] }', "application/json"),
      422,
    );
    expect(json.errors![0]).toMatchObject({
      line: 1,
      column: expect.any(Number),
      path: expect.stringContaining("nodes[0]"),
    });
    const ja = expectProblem(
      await server.as("admin", {
        method: "POST",
        url: "/api/v1/plans",
        payload: text,
        headers: { "content-type": "application/yaml", "accept-language": "ja" },
      }),
      422,
    );
    expect(ja.errors![0]!.message).not.toBe(problem.errors![0]!.message);
  });

  it("refuses a body of another media type (415)", async () => {
    expectProblem(
      await server.as("admin", {
        method: "POST",
        url: "/api/v1/plans",
        payload: "<xml/>",
        headers: { "content-type": "application/xml" },
      }),
      415,
    );
  });

  it("replaces a plan only with the current version in If-Match (428 without, 412 when stale)", async () => {
    const { id } = (await postPlan(SAAS)).json();
    const etag = (await server.as("viewer", { method: "GET", url: `/api/v1/plans/${id}` })).headers
      .etag as string;
    const renamed = SAAS.replace(/^name: .*$/m, "name: Renamed plan");
    const put = (ifMatch?: string) =>
      server.as("editor", {
        method: "PUT",
        url: `/api/v1/plans/${id}`,
        payload: renamed,
        headers: { "content-type": "application/yaml", ...(ifMatch ? { "if-match": ifMatch } : {}) },
      });
    expectProblem(await put(), 428, "precondition_required");
    const replaced = await put(etag);
    expect(replaced.statusCode).toBe(200);
    expect(replaced.json().name).toBe("Renamed plan");
    expect(replaced.headers.etag).not.toBe(etag);
    const stale = expectProblem(await put(etag), 412, "stale_version");
    expect(stale.type).toBe("https://shihyo.dev/problems/stale-version");
    const exported = await server.as("viewer", { method: "GET", url: `/api/v1/plans/${id}/export` });
    expect(planOf(exported.body)).toEqual(planOf(renamed));
  });

  it("deletes a plan with If-Match; then it is gone (404)", async () => {
    const { id } = (await postPlan(SAAS)).json();
    const etag = (await server.as("viewer", { method: "GET", url: `/api/v1/plans/${id}` })).headers
      .etag as string;
    expectProblem(
      await server.as("admin", {
        method: "DELETE",
        url: `/api/v1/plans/${id}`,
        headers: { "if-match": '"999"' },
      }),
      412,
    );
    const deleted = await server.as("admin", {
      method: "DELETE",
      url: `/api/v1/plans/${id}`,
      headers: { "if-match": etag },
    });
    expect(deleted.statusCode).toBe(204);
    expectProblem(await server.as("viewer", { method: "GET", url: `/api/v1/plans/${id}` }), 404, "not_found");
  });

  it("answers 404 problem+json for unknown routes and plans", async () => {
    expectProblem(await server.as("viewer", { method: "GET", url: "/api/v1/nothing-here" }), 404);
    expectProblem(await server.as("viewer", { method: "GET", url: "/api/v1/plans/nope/export" }), 404);
  });
});
