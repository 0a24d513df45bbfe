import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { buildServer, DEFAULT_CONFIG } from "../src/index.js";
import { dialects, expectProblem, ROOT, startServer, TEMPLATES, type TestServer } from "../test/harness.js";

const SAAS_FILE = join(TEMPLATES, "saas.yaml");
const DEMO_FILE = join(TEMPLATES, "saas.demo.csv");
const DEMO_CSV = readFileSync(DEMO_FILE, "utf8");

/** The real `shihyo` binary (built by the test run's global setup): its stdout as JSON. */
function shihyo(args: string[]): Promise<unknown> {
  const buildError = inject("cliBuildError");
  if (buildError) throw new Error(`the CLI could not be built:\n${buildError}`);
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [join(ROOT, "packages/cli/bin/shihyo.js"), ...args],
      { env: { PATH: process.env.PATH, LANG: "C", NO_COLOR: "1" }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        // `check` exits 1 when there are error findings; its document is still on stdout.
        if (error && !stdout) reject(new Error(`${error.message}\n${stderr}`));
        else resolve(JSON.parse(stdout));
      },
    );
  });
}

describe.each(dialects())("analysis on %s", (dialect) => {
  let server: TestServer;
  let planId: string;
  beforeAll(async () => {
    server = await startServer(dialect);
    planId = await server.importPlan(readFileSync(SAAS_FILE, "utf8"));
    await server.pushMeasurements(planId, readFileSync(DEMO_FILE));
  });
  afterAll(async () => server?.close());

  const get = (path: string, headers: Record<string, string> = {}) =>
    server.as("viewer", { method: "GET", url: `/api/v1/plans/${planId}/${path}`, headers });

  it.each([
    ["FY2026-Q1", "2026-05-15"],
    ["FY2026-Q2", "2026-08-31"],
    ["2026-05", "2026-05-20"],
  ])("evaluation of %s as of %s equals `shihyo eval --json`", async (period, asOf) => {
    const api = await get(`evaluation?period=${period}&asOf=${asOf}`);
    expect(api.statusCode).toBe(200);
    expect(api.headers["content-type"]).toMatch(/^application\/json/);
    const cli = await shihyo([
      "eval",
      SAAS_FILE,
      "--period",
      period,
      "--as-of",
      asOf,
      "--data",
      DEMO_FILE,
      "--json",
    ]);
    expect(api.json()).toEqual(cli);
  });

  it("evaluation without asOf is as of today in the plan's time zone", async () => {
    const api = await get("evaluation?period=FY2026-Q1");
    expect(api.json().asOf).toBe("2026-05-15");
  });

  it("findings equal `shihyo check --json`", async () => {
    const api = await get("findings?asOf=2026-05-15");
    expect(api.statusCode).toBe(200);
    const cli = await shihyo(["check", SAAS_FILE, "--as-of", "2026-05-15", "--data", DEMO_FILE, "--json"]);
    expect(api.json()).toEqual(cli);
  });

  it("solve and sensitivity equal the CLI's documents", async () => {
    const solve = await get("solve?node=revenue&for=deal_size&period=FY2026-Q3");
    expect(solve.json()).toEqual(
      await shihyo([
        "solve",
        SAAS_FILE,
        "--node",
        "revenue",
        "--for",
        "deal_size",
        "--period",
        "FY2026-Q3",
        "--json",
      ]),
    );
    const sensitivity = await get("sensitivity?node=revenue&period=FY2026-Q1&asOf=2026-05-15");
    expect(sensitivity.json()).toEqual(
      await shihyo([
        "sensitivity",
        SAAS_FILE,
        "--node",
        "revenue",
        "--period",
        "FY2026-Q1",
        "--as-of",
        "2026-05-15",
        "--data",
        DEMO_FILE,
        "--json",
      ]),
    );
    const explain = await get("explain?node=revenue&period=FY2026-Q1&asOf=2026-05-15");
    expect(explain.json()).toEqual(
      await shihyo([
        "explain",
        SAAS_FILE,
        "--node",
        "revenue",
        "--period",
        "FY2026-Q1",
        "--as-of",
        "2026-05-15",
        "--data",
        DEMO_FILE,
        "--json",
      ]),
    );
  });

  it("sees new data at once (the cached evaluator is rebuilt when the data version changes)", async () => {
    const before = (await get("evaluation?period=2026-07&asOf=2026-07-31")).json();
    const revenue = () => before.nodes.find((n: { id: string }) => n.id === "revenue");
    const shipped = DEMO_CSV.split("\n").find((l) => l.startsWith("revenue,2026-07,"))!;
    expect(revenue().actual).toBe(Number(shipped.split(",")[2]));
    const pushed = await server.as("editor", {
      method: "POST",
      url: `/api/v1/plans/${planId}/measurements`,
      payload: JSON.stringify({ rows: [{ node: "revenue", period: "2026-07", value: 13_000_000 }] }),
      headers: { "content-type": "application/json" },
    });
    expect(pushed.json()).toMatchObject({ updated: 1 });
    const after = (await get("evaluation?period=2026-07&asOf=2026-07-31")).json();
    expect(after.nodes.find((n: { id: string }) => n.id === "revenue").actual).toBe(13_000_000);
  });

  it("applies pushed rows to the cached evaluator: the same answer as an evaluator built from scratch", async () => {
    const question = "evaluation?period=FY2026-Q2&asOf=2026-08-31";
    const before = (await get(question)).json();
    const pushed = await server.as("editor", {
      method: "POST",
      url: `/api/v1/plans/${planId}/measurements`,
      payload: JSON.stringify({
        rows: [
          { node: "visitors", period: "2026-07-01", value: 5_000 },
          { node: "visitors", period: "2026-08-15", value: 4_321 },
          { node: "deal_size", period: "2026-08", value: 777_000 },
          { node: "onboarded", period: "2026-07", value: 3 },
        ],
      }),
      headers: { "content-type": "application/json" },
    });
    expect(pushed.statusCode, pushed.body).toBe(200);
    const incremental = (await get(question)).json();
    expect(incremental).not.toEqual(before);

    // Another instance on the same database has no cache: it reads every row.
    const fresh = buildServer({ store: server.store, config: DEFAULT_CONFIG, logger: false });
    try {
      const { secret } = await server.store.createApiToken(server.owner, {
        name: "fresh",
        role: "viewer",
        scopes: [],
      });
      const rebuilt = await fresh.inject({
        method: "GET",
        url: `/api/v1/plans/${planId}/${question}`,
        headers: { authorization: `Bearer ${secret}` },
      });
      expect(rebuilt.statusCode).toBe(200);
      expect(incremental).toEqual(rebuilt.json());
    } finally {
      await fresh.close();
    }
  });

  it("refuses bad parameters with 400 and the parameter's path", async () => {
    const noPeriod = expectProblem(await get("evaluation"), 400, "validation_failed");
    expect(noPeriod.errors).toEqual([expect.objectContaining({ path: "querystring.period" })]);
    const badPeriod = expectProblem(await get("evaluation?period=FY2026-Q5"), 400);
    expect(badPeriod.errors![0]!.path).toBe("querystring.period");
    expectProblem(await get("evaluation?period=FY2026-Q1&asOf=tomorrow"), 400);
    const badNode = expectProblem(await get("solve?node=revenu&for=deal_size&period=FY2026-Q3"), 400);
    expect(badNode.errors![0]!.path).toBe("querystring.node");
    expectProblem(await get("explain?node=nobody&period=FY2026-Q1"), 400);
  });
});
