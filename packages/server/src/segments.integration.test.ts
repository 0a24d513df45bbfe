import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects, expectProblem, startServer, TEMPLATES, type TestServer } from "../test/harness.js";

const SAAS = readFileSync(join(TEMPLATES, "saas.yaml"), "utf8");

describe.each(dialects())("GET /plans/{id}/segments on %s", (dialect) => {
  let server: TestServer;
  let planId: string;
  beforeAll(async () => {
    server = await startServer(dialect);
    planId = await server.importPlan(SAAS);
    // Segments recorded in different months; revenue and onboarding_due also (or only)
    // unsegmented; deal_size never by segment.
    await server.pushMeasurements(planId, {
      rows: [
        { node: "revenue", period: "2026-04", value: 100 },
        { node: "revenue", period: "2026-04", value: 60, segment: "west" },
        { node: "revenue", period: "2026-05", value: 40, segment: "east" },
        { node: "revenue", period: "2026-06", value: 70, segment: "west" },
        { node: "revenue", period: "2026-06", value: 5, segment: "East" },
        { node: "onboarded", period: "2026-05", value: 3, segment: "関西" },
        { node: "onboarded", period: "2026-07", value: 4, segment: "関東" },
        { node: "onboarding_due", period: "2026-05", value: 9 },
        { node: "deal_size", period: "2026-05", value: 500_000 },
      ],
    });
  });
  afterAll(async () => server?.close());

  const get = (query = "", id = planId, who: "viewer" | "outsider" = "viewer") =>
    server.as(who, { method: "GET", url: `/api/v1/plans/${id}/segments${query}` });

  it("lists each node's segments over every period, nodes and names in code-point order", async () => {
    const response = await get();
    expect(response.statusCode).toBe(200);
    // "East" (U+0045) < "east" (U+0065) < "west"; 関東 (U+95A2 U+6771) < 関西 (U+95A2 U+897F);
    // "west" once though stored in April and June; no unsegmented "" and no node without segments.
    expect(response.json()).toEqual({
      nodes: { onboarded: ["関東", "関西"], revenue: ["East", "east", "west"] },
    });
    expect(Object.keys(response.json().nodes)).toEqual(["onboarded", "revenue"]);
  });

  it("narrows to one node", async () => {
    expect((await get("?node=revenue")).json()).toEqual({ nodes: { revenue: ["East", "east", "west"] } });
    expect((await get("?node=deal_size")).json()).toEqual({ nodes: {} });
    expect((await get("?node=no_such_node")).json()).toEqual({ nodes: {} });
  });

  it("knows a segment as soon as an actual by it is stored", async () => {
    await server.pushMeasurements(planId, {
      rows: [{ node: "deal_size", period: "2026-08", value: 480_000, segment: "enterprise" }],
    });
    expect((await get("?node=deal_size")).json()).toEqual({ nodes: { deal_size: ["enterprise"] } });
  });

  it("answers 404 for an unknown plan and for another organisation's plan, 400 for an empty node", async () => {
    expectProblem(await get("", "no-such-plan"), 404, "not_found");
    expectProblem(await get("", planId, "outsider"), 404, "not_found");
    expectProblem(await get("?node="), 400);
  });
});
