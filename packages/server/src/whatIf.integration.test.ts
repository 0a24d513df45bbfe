/**
 * POST /plans/{id}/what-if on both databases: hand-computed scenarios on a small plan
 * (revenue = leads × win_rate × deal_size, leads = visitors × cvr), the errors, and that
 * nothing is written or changed for other requests.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects, expectProblem, startServer, type TestServer } from "../test/harness.js";

const PLAN = `
version: 1
name: what-if
calendar: { fiscalYearStart: 4, timezone: Asia/Tokyo }
nodes:
  - { id: revenue, role: kgi, unit: JPY, cadence: month, grain: month, aggregation: sum,
      formula: leads * win_rate * deal_size, targets: { "2026-04": 12000000 } }
  - { id: ksf_funnel, role: ksf, parent: revenue }
  - { id: leads, role: kpi, parent: ksf_funnel, cadence: month, formula: visitors * cvr }
  - { id: visitors, role: kpi, parent: leads, cadence: month, grain: month, aggregation: sum }
  - { id: cvr, role: kpi, parent: leads, unit: percent, cadence: month, grain: month, aggregation: average }
  - { id: win_rate, role: kpi, parent: ksf_funnel, unit: percent, cadence: month, grain: month, aggregation: average }
  - { id: deal_size, role: kpi, parent: ksf_funnel, unit: JPY, cadence: month, grain: month, aggregation: average }
`;
// The model: 10,000 × 1 % = 100 leads × 20 % × 500,000 = 10,000,000; accounting measured 9,000,000.
const ROWS = [
  { node: "revenue", period: "2026-04", value: 9_000_000 },
  { node: "visitors", period: "2026-04", value: 10_000 },
  { node: "cvr", period: "2026-04", value: 0.01 },
  { node: "win_rate", period: "2026-04", value: 0.2 },
  { node: "deal_size", period: "2026-04", value: 500_000 },
];
const AS_OF = "2026-05-15";

describe.each(dialects())("what-if on %s", (dialect) => {
  let server: TestServer;
  let planId: string;
  beforeAll(async () => {
    server = await startServer(dialect);
    planId = await server.importPlan(PLAN);
    await server.pushMeasurements(planId, { rows: ROWS });
  });
  afterAll(async () => server?.close());

  const ask = (body: unknown, headers: Record<string, string> = {}) =>
    server.as("viewer", {
      method: "POST",
      url: `/api/v1/plans/${planId}/what-if`,
      payload: typeof body === "string" ? body : JSON.stringify(body),
      headers: { "content-type": "application/json", ...headers },
    });
  const evaluation = async () =>
    (
      await server.as("viewer", {
        method: "GET",
        url: `/api/v1/plans/${planId}/evaluation?period=2026-04&asOf=${AS_OF}`,
      })
    ).json();

  it("doubling deal_size doubles the modeled revenue: 10,000,000 → 20,000,000", async () => {
    const response = await ask({ period: "2026-04", asOf: AS_OF, values: { deal_size: 1_000_000 } });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.changes).toEqual([
      { id: "revenue", base: 10_000_000, value: 20_000_000, difference: 10_000_000 },
      { id: "deal_size", base: 500_000, value: 1_000_000, difference: 500_000 },
    ]);
    const revenue = document.nodes.find((n: { id: string }) => n.id === "revenue");
    expect(revenue).toMatchObject({
      actual: 20_000_000,
      actualSource: "modeled",
      target: 12_000_000,
      progress: 1.666666667,
      status: "achieved",
    });
  });

  it("a lever below a computed node moves every node above it: 12,000 visitors → 120 leads → 12,000,000", async () => {
    const response = await ask({ period: "2026-04", asOf: AS_OF, values: { visitors: 12_000 } });
    expect(response.json().changes).toEqual([
      { id: "revenue", base: 10_000_000, value: 12_000_000, difference: 2_000_000 },
      { id: "leads", base: 100, value: 120, difference: 20 },
      { id: "visitors", base: 10_000, value: 12_000, difference: 2_000 },
    ]);
  });

  it("with no values it is the evaluation itself, and it changes nothing for others", async () => {
    const before = await evaluation();
    const summary = await server.store.getPlanSummary(server.orgId, planId);
    await ask({ period: "2026-04", asOf: AS_OF, values: { deal_size: 1_000_000, cvr: 0.5 } });
    const unchanged = await ask({ period: "2026-04", asOf: AS_OF, values: {} });
    expect(unchanged.json()).toEqual({ ...before, changes: [] });
    expect(await evaluation()).toEqual(before);
    expect(before.nodes.find((n: { id: string }) => n.id === "revenue")).toMatchObject({
      actual: 9_000_000,
      actualSource: "measured",
    });
    expect(await server.store.getPlanSummary(server.orgId, planId)).toEqual(summary);
  });

  it("a token limited to reading may ask (it writes nothing)", async () => {
    const { secret } = await server.store.createApiToken(server.owner, {
      name: "reader",
      role: "viewer",
      scopes: ["read"],
    });
    const response = await server.app.inject({
      method: "POST",
      url: `/api/v1/plans/${planId}/what-if`,
      payload: { period: "2026-04", asOf: AS_OF, values: { win_rate: 0.4 } },
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().changes[0]).toEqual({
      id: "revenue",
      base: 10_000_000,
      value: 20_000_000,
      difference: 10_000_000,
    });
  });

  it.each([
    ["an unknown node", { nope: 1 }, "body.values.nope", /no node "nope"/],
    ["a computed node", { leads: 150 }, "body.values.leads", /"leads" is computed by its formula/],
    ["a KSF", { ksf_funnel: 1 }, "body.values.ksf_funnel", /"ksf_funnel" has no numbers/],
  ])("%s is refused with its id (400)", async (_name, values, path, message) => {
    const problem = expectProblem(
      await ask({ period: "2026-04", values }, { "accept-language": "en" }),
      400,
      "validation_failed",
    );
    expect(problem.errors).toEqual([
      expect.objectContaining({ path, message: expect.stringMatching(message) }),
    ]);
  });

  it("names the node in Japanese too", async () => {
    const problem = expectProblem(
      await ask({ period: "2026-04", values: { nope: 1 } }, { "accept-language": "ja" }),
      400,
    );
    expect(problem.errors![0]!.message).toBe("計画にノード「nope」はありません。");
  });

  it.each([
    ["infinity (1e999)", '{"period":"2026-04","values":{"deal_size":1e999}}'],
    ["a string", '{"period":"2026-04","values":{"deal_size":"many"}}'],
    ["null", '{"period":"2026-04","values":{"deal_size":null}}'],
    ["no values", '{"period":"2026-04"}'],
  ])("%s as a value is refused (400)", async (_name, body) => {
    expectProblem(await ask(body), 400, "validation_failed");
  });

  it("a period the calendar does not know is refused, naming body.period", async () => {
    const problem = expectProblem(await ask({ period: "2026-13", values: {} }), 400, "validation_failed");
    expect(problem.errors?.[0]?.path).toBe("body.period");
  });

  it("another organisation's plan is not found", async () => {
    const response = await server.as("outsider", {
      method: "POST",
      url: `/api/v1/plans/${planId}/what-if`,
      payload: JSON.stringify({ period: "2026-04", values: {} }),
      headers: { "content-type": "application/json" },
    });
    expectProblem(response, 404, "not_found");
  });
});
