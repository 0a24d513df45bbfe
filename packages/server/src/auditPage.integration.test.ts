/**
 * The audit log's filters (GET /api/v1/audit?action=…&userId=…&tokenId=…): what the settings
 * page's audit log asks for. Filtered in the database, paged within the filter.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects, expectProblem, startServer, type TestServer } from "../test/harness.js";

interface Entry {
  userId: string | null;
  tokenId: string | null;
  action: string;
  entity: string;
  entityId: string;
  detail: Record<string, unknown>;
}
interface Page {
  entries: Entry[];
  next: string | null;
  users: Record<string, { name: string; email: string }>;
}

const PLAN = `
version: 1
name: Audit
calendar: { fiscalYearStart: 4 }
nodes:
  - { id: revenue, role: kgi, cadence: month, formula: "leads * deal" }
  - { id: leads, role: kpi, parent: revenue, cadence: month }
  - { id: deal, role: kpi, parent: revenue, cadence: month }
`;

describe.each(dialects())("audit filters on %s", (dialect) => {
  let server: TestServer;
  let planId: string;
  let tokenId: string;
  beforeAll(async () => {
    server = await startServer(dialect);
    planId = await server.importPlan(PLAN);
    const created = await server.as("owner", {
      method: "POST",
      url: "/api/v1/tokens",
      payload: { name: "nightly import", role: "editor", scopes: [] },
    });
    tokenId = created.json().token.id;
    const secret = created.json().secret as string;
    for (const value of [1, 2, 3]) {
      const pushed = await server.app.inject({
        method: "POST",
        url: `/api/v1/plans/${planId}/measurements`,
        headers: { authorization: `Bearer ${secret}` },
        payload: { rows: [{ node: "leads", period: "2026-04-01", value }] },
      });
      if (pushed.statusCode !== 200) throw new Error(pushed.body);
    }
    await server.pushMeasurements(planId, { rows: [{ node: "deal", period: "2026-04-01", value: 5 }] });
    const added = await server.as("admin", {
      method: "POST",
      url: "/api/v1/members",
      payload: { email: "new.member@example.com", name: "New", password: "long enough", role: "viewer" },
    });
    if (added.statusCode !== 201) throw new Error(added.body);
    // A server on a fresh database, a plan, a token and five writes: more than the default 10 s on a busy machine.
  }, 60_000);
  afterAll(async () => server?.close());

  const audit = async (query: string): Promise<Page> => {
    const response = await server.as("admin", { method: "GET", url: `/api/v1/audit${query}` });
    if (response.statusCode !== 200) throw new Error(`${response.statusCode} ${response.body}`);
    return response.json();
  };

  it("lists only the actions asked for, newest first, paging within the filter", async () => {
    const first = await audit("?action=measurements.ingest&limit=3");
    expect(first.entries.map((e) => [e.tokenId, e.detail.rows])).toEqual([
      [null, 1],
      [tokenId, 1],
      [tokenId, 1],
    ]);
    expect(first.entries.every((e) => e.entity === "plan" && e.entityId === planId)).toBe(true);
    const rest = await audit(`?action=measurements.ingest&limit=3&after=${first.next}`);
    expect(rest.entries.map((e) => e.tokenId)).toEqual([tokenId]);
    expect(rest.next).toBeNull();

    // Several actions, comma-separated: one kind of change (here: members and tokens).
    const people = await audit("?action=membership.add,membership.role,membership.remove,token.create");
    expect(people.entries.map((e) => e.action)).toEqual([
      "membership.add",
      "token.create",
      // The harness's members, added before any actor existed.
      ...Array(4).fill("membership.add"),
    ]);
    expect(people.entries[0]).toMatchObject({
      userId: server.userIdOf("admin"),
      detail: { role: "viewer" },
    });
    // Every user the page mentions is named: who acted and who was added.
    const newMember = people.entries[0]!.entityId;
    expect(people.users[newMember]).toEqual({ name: "New", email: "new.member@example.com" });
    expect(people.users[server.userIdOf("admin")]).toEqual({
      name: expect.any(String),
      email: expect.stringContaining("@"),
    });
    expect(Object.keys(people.users).sort()).toEqual(
      [...new Set(people.entries.flatMap((e) => [e.userId, e.entity === "user" ? e.entityId : null]))]
        .filter((id): id is string => id !== null)
        .sort(),
    );
    expect((await audit("?action=comment.add")).entries).toEqual([]);
  });

  it("lists what one user did, or one API token", async () => {
    const byEditor = await audit(`?userId=${server.userIdOf("editor")}`);
    expect(byEditor.entries.map((e) => e.action)).toEqual(["measurements.ingest"]);
    const byToken = await audit(`?tokenId=${tokenId}`);
    expect(byToken.entries).toHaveLength(3);
    expect(byToken.entries.every((e) => e.userId === null && e.action === "measurements.ingest")).toBe(true);
    const ownerTokens = await audit(`?userId=${server.userIdOf("owner")}&action=token.create`);
    expect(ownerTokens.entries).toMatchObject([{ entityId: tokenId, detail: { name: "nightly import" } }]);
    // Another organisation's member did nothing here.
    expect((await audit(`?userId=${server.userIdOf("outsider")}`)).entries).toEqual([]);
  });

  it("refuses an empty filter, and documents the filters in the OpenAPI document", async () => {
    expectProblem(
      await server.as("admin", { method: "GET", url: "/api/v1/audit?action=" }),
      400,
      "validation_failed",
    );
    const doc = (await server.app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    const names = (doc.paths["/api/v1/audit"].get.parameters as { name: string; in: string }[])
      .filter((p) => p.in === "query")
      .map((p) => p.name);
    expect(names.sort()).toEqual(["action", "after", "limit", "tokenId", "userId"]);
  });
});
