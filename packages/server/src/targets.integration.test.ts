import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects, expectProblem, startServer, TEMPLATES, type TestServer } from "../test/harness.js";

describe.each(dialects())("targets on %s", (dialect) => {
  let server: TestServer;
  let planId: string;
  beforeAll(async () => {
    server = await startServer(dialect);
    planId = await server.importPlan(readFileSync(join(TEMPLATES, "saas.yaml"), "utf8"));
  });
  afterAll(async () => server?.close());

  const patch = (node: string, period: string, body: unknown, ifMatch?: string) =>
    server.as("editor", {
      method: "PATCH",
      url: `/api/v1/plans/${planId}/targets/${node}/${period}`,
      payload: JSON.stringify(body),
      headers: { "content-type": "application/json", ...(ifMatch ? { "if-match": ifMatch } : {}) },
    });
  const targetOf = async (node: string, period: string) => {
    const all = (await server.as("viewer", { method: "GET", url: `/api/v1/plans/${planId}/targets` })).json();
    return all.find((t: { nodeId: string; period: string }) => t.nodeId === node && t.period === period);
  };

  it("requires a reason (400 naming the field)", async () => {
    const problem = expectProblem(
      await patch("revenue", "FY2026-Q1", { value: 31_000_000, comment: "x" }),
      400,
    );
    expect(problem.errors).toEqual([expect.objectContaining({ path: "body.reason" })]);
  });

  it("revises a target with its version; a stale version gets 412; history keeps every value", async () => {
    const current = await targetOf("revenue", "FY2026-Q1");
    expect(current).toMatchObject({ value: 30_000_000, version: expect.any(Number) });
    expectProblem(
      await patch("revenue", "FY2026-Q1", { value: 1, reason: "other", comment: "no version" }),
      428,
      "precondition_required",
    );
    const revised = await patch(
      "revenue",
      "FY2026-Q1",
      { value: 32_000_000, baseline: 30_000_000, basis: "past", reason: "external", comment: "market grew" },
      `"${current.version}"`,
    );
    expect(revised.statusCode).toBe(200);
    expect(revised.json()).toMatchObject({
      nodeId: "revenue",
      period: "FY2026-Q1",
      value: 32_000_000,
      basis: "past",
    });
    expect(revised.headers.etag).toBe(`"${revised.json().version}"`);
    expect(revised.json().version).not.toBe(current.version);

    const stale = expectProblem(
      await patch(
        "revenue",
        "FY2026-Q1",
        { value: 33_000_000, reason: "other", comment: "late" },
        `"${current.version}"`,
      ),
      412,
      "stale_version",
    );
    expect(stale.type).toBe("https://shihyo.dev/problems/stale-version");

    const again = await patch(
      "revenue",
      "FY2026-Q1",
      { value: 31_000_000, reason: "resources", comment: "team smaller" },
      revised.headers.etag as string,
    );
    expect(again.statusCode).toBe(200);
    const history = await server.as("viewer", {
      method: "GET",
      url: `/api/v1/plans/${planId}/targets/revenue/revisions`,
    });
    expect(
      history
        .json()
        .map((r: { oldValue: number | null; newValue: number; reason: string }) => [
          r.oldValue,
          r.newValue,
          r.reason,
        ]),
    ).toEqual([
      [30_000_000, 32_000_000, "external"],
      [32_000_000, 31_000_000, "resources"],
    ]);
    // The evaluation uses the revised target.
    const evaluation = await server.as("viewer", {
      method: "GET",
      url: `/api/v1/plans/${planId}/evaluation?period=FY2026-Q1&asOf=2026-05-15`,
    });
    expect(evaluation.json().nodes.find((n: { id: string }) => n.id === "revenue").target).toBe(31_000_000);
  });

  it("creates a target without If-Match, in the period's canonical spelling", async () => {
    const created = await patch("revenue", "FY2027-Q1", {
      value: 40_000_000,
      reason: "other",
      comment: "next year",
    });
    expect(created.statusCode).toBe(200);
    expect(created.json()).toMatchObject({ period: "FY2027-Q1", value: 40_000_000 });
  });

  it("refuses a target the plan cannot take (422), and unknown nodes (404)", async () => {
    const wrongGrain = expectProblem(
      await patch("revenue", "2026-04", { value: 1, reason: "other", comment: "monthly on a quarterly KGI" }),
      422,
      "invalid_target",
    );
    expect(wrongGrain.errors![0]!.message).toEqual(expect.any(String));
    expectProblem(await patch("revenue", "FY2026-Q9", { value: 1, reason: "other", comment: "" }), 422);
    expectProblem(await patch("nobody", "FY2026-Q1", { value: 1, reason: "other", comment: "" }), 404);
  });

  it("comments on nodes", async () => {
    const posted = await server.as("editor", {
      method: "POST",
      url: `/api/v1/plans/${planId}/nodes/revenue/comments`,
      payload: { body: "Q1 looks tight" },
    });
    expect(posted.statusCode).toBe(201);
    const listed = await server.as("viewer", {
      method: "GET",
      url: `/api/v1/plans/${planId}/nodes/revenue/comments`,
    });
    expect(listed.json()).toEqual([expect.objectContaining({ body: "Q1 looks tight", nodeId: "revenue" })]);
    expectProblem(
      await server.as("editor", {
        method: "POST",
        url: `/api/v1/plans/${planId}/nodes/nobody/comments`,
        payload: { body: "x" },
      }),
      404,
    );
    const audit = await server.as("admin", { method: "GET", url: "/api/v1/audit" });
    expect(audit.json().entries.length).toBeGreaterThan(0);
  });
});
