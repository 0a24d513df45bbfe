import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects, expectProblem, startServer, TEMPLATES, type TestServer } from "../test/harness.js";

const SAAS = readFileSync(join(TEMPLATES, "saas.yaml"), "utf8");
const DEMO_CSV = readFileSync(join(TEMPLATES, "saas.demo.csv"));

describe.each(dialects())("measurements on %s", (dialect) => {
  let server: TestServer;
  let planId: string;
  beforeAll(async () => {
    server = await startServer(dialect);
    const created = await server.as("admin", {
      method: "POST",
      url: "/api/v1/plans",
      payload: SAAS,
      headers: { "content-type": "application/yaml" },
    });
    planId = created.json().id;
  });
  afterAll(async () => server?.close());

  const post = (payload: unknown, contentType: string, who: "editor" | "viewer" = "editor") =>
    server.as(who, {
      method: "POST",
      url: `/api/v1/plans/${planId}/measurements`,
      payload: typeof payload === "string" || Buffer.isBuffer(payload) ? payload : JSON.stringify(payload),
      headers: { "content-type": contentType },
    });
  const lines = DEMO_CSV.toString("utf8").trim().split("\n").length - 1;
  /** A value of the shipped demo data, so the test follows the file rather than a copy of it. */
  const demoValue = (node: string, period: string): number => {
    const line = DEMO_CSV.toString("utf8")
      .split("\n")
      .find((l) => l.startsWith(`${node},${period},`));
    if (!line) throw new Error(`saas.demo.csv has no ${node} ${period}`);
    return Number(line.split(",")[2]);
  };

  it("imports a CSV data file (the CLI's formats): inserted, then unchanged on re-import", async () => {
    const first = await post(DEMO_CSV, "text/csv");
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ inserted: lines, updated: 0, unchanged: 0, importId: expect.any(String) });
    const again = await post(DEMO_CSV, "text/csv");
    expect(again.json()).toMatchObject({ inserted: 0, updated: 0, unchanged: lines });
  });

  it("imports JSON rows: counts inserted, updated and unchanged; periods stored canonically", async () => {
    const rows = [
      { node: "revenue", period: "2026-04", value: demoValue("revenue", "2026-04") }, // same as the CSV
      { node: "revenue", period: "2026-05", value: 11_000_000 }, // changed
      { node: "deal_size", period: "2027-01", value: 510_000 }, // new
    ];
    const response = await post({ rows }, "application/json");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ inserted: 1, updated: 1, unchanged: 1 });
    const listed = await server.as("viewer", {
      method: "GET",
      url: `/api/v1/plans/${planId}/measurements?node=revenue&from=2026-05&to=2026-05`,
    });
    expect(listed.json()).toEqual([
      expect.objectContaining({ node: "revenue", period: "2026-05", value: 11_000_000 }),
    ]);
  });

  it("wide CSV works too", async () => {
    const wide = "period,deal_size,cvr\n2027-02,520000,0.03\n";
    expect((await post(wide, "text/csv")).json()).toMatchObject({ inserted: 2 });
  });

  it("rejects the whole import when any row is bad, listing every bad row", async () => {
    const rows = [
      { node: "revenue", period: "2027-03", value: 1 },
      { node: "revenu", period: "2027-03", value: 1 },
      { node: "visitors", period: "2027-03", value: 5 }, // visitors take days
      { node: "deal_size", period: "2027-13", value: 5 },
      { node: "revenue", period: "2027-03", value: 2 }, // duplicate of row 0
    ];
    const problem = expectProblem(await post({ rows }, "application/json"), 422, "invalid_data");
    expect(problem.errors!.map((e) => e.path)).toEqual([
      "rows[1].node",
      "rows[2].period",
      "rows[3].period",
      "rows[4].period",
    ]);
    expect(problem.totalErrors).toBe(4);
    expect(problem.errors![0]!.message).toContain("revenue");
    const stored = await server.as("viewer", {
      method: "GET",
      url: `/api/v1/plans/${planId}/measurements?node=revenue&from=2027-03`,
    });
    expect(stored.json()).toEqual([]);

    const csv = "node,period,value\nrevenue,2027-03,100\nrevenue,2027-04,12,3,4\nnobody,2027-04,1\n";
    const bad = expectProblem(await post(csv, "text/csv"), 422, "invalid_data");
    expect(bad.errors!.map((e) => [e.line, e.code])).toEqual([
      [3, "data.unnamedColumn"],
      [3, "data.unnamedColumn"],
      [4, "data.unknownNode"],
    ]);
    expect(
      (
        await server.as("viewer", {
          method: "GET",
          url: `/api/v1/plans/${planId}/measurements?node=revenue&from=2027-03`,
        })
      ).json(),
    ).toEqual([]);
  });

  it("refuses a non-finite value and a missing field (400 with paths)", async () => {
    const problem = expectProblem(
      await post({ rows: [{ node: "revenue", period: "2027-03" }] }, "application/json"),
      400,
    );
    expect(problem.errors![0]!.path).toBe("body.rows.0.value");
  });

  it("refuses more than 100,000 rows with 413", async () => {
    const day = (i: number) => new Date(Date.UTC(1800, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    const rows = Array.from({ length: 100_001 }, (_, i) => ({ node: "visitors", period: day(i), value: i }));
    expectProblem(await post({ rows }, "application/json"), 413, "payload_too_large");
    const csv = `node,period,value\n${rows.map((r) => `visitors,${r.period},1\n`).join("")}`;
    expectProblem(await post(csv, "text/csv"), 413, "payload_too_large");
  });

  it("lets only editors and above write (viewer: 403)", async () => {
    expectProblem(await post({ rows: [] }, "application/json", "viewer"), 403, "forbidden");
  });
});
