import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import writeExcelFile from "write-excel-file/node";
import { dialects, expectProblem, startServer, TEMPLATES, type TestServer } from "../test/harness.js";

const SAAS = readFileSync(join(TEMPLATES, "saas.yaml"), "utf8");
const DEMO_CSV = readFileSync(join(TEMPLATES, "saas.demo.csv"));
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

describe.each(dialects())("measurements on %s", (dialect) => {
  let server: TestServer;
  let planId: string;
  beforeAll(async () => {
    server = await startServer(dialect);
    planId = await server.importPlan(SAAS);
  });
  afterAll(async () => server?.close());

  const post = (payload: unknown, contentType: string, who: "editor" | "viewer" = "editor", query = "") =>
    server.as(who, {
      method: "POST",
      url: `/api/v1/plans/${planId}/measurements${query}`,
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
    expectProblem(await post({ rows: [] }, "application/json", "viewer", "?dryRun=true"), 403, "forbidden");
  });

  /** Everything a write would change: the stored rows, the plan's data version, the newest audit entry. */
  const snapshot = async () => {
    const rows = await server.as("viewer", { method: "GET", url: `/api/v1/plans/${planId}/measurements` });
    const summary = await server.store.getPlanSummary(server.orgId, planId);
    const audit = await server.store.listAudit(server.orgId, { limit: 1 });
    return { rows: rows.json(), dataVersion: summary!.dataVersion, newestAudit: audit.entries[0]!.id };
  };

  it("dry run: counts what an import would do and shows the first rows, writing nothing", async () => {
    const csv = [
      "node,period,value",
      `revenue,2026-04,${demoValue("revenue", "2026-04")}`, // same as stored
      "revenue,2026-06,12345678", // changed
      "deal_size,2027-03,530000", // new
      "cvr,2027-03,1.5%", // new, as people type it
    ].join("\n");
    const before = await snapshot();
    const dry = await post(csv, "text/csv", "editor", "?dryRun=true");
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toEqual({
      dryRun: true,
      inserted: 2,
      updated: 1,
      unchanged: 1,
      rows: 4,
      preview: [
        {
          node: "revenue",
          period: "2026-04",
          value: demoValue("revenue", "2026-04"),
          previous: demoValue("revenue", "2026-04"),
          change: "same",
        },
        {
          node: "revenue",
          period: "2026-06",
          value: 12_345_678,
          previous: demoValue("revenue", "2026-06"),
          change: "changed",
        },
        { node: "deal_size", period: "2027-03", value: 530_000, previous: null, change: "new" },
        { node: "cvr", period: "2027-03", value: 0.015, previous: null, change: "new" },
      ],
    });
    expect(await snapshot()).toEqual(before);

    // The real import of the same file reports the same counts, and then writes.
    const real = await post(csv, "text/csv");
    expect(real.json()).toEqual({ inserted: 2, updated: 1, unchanged: 1, importId: expect.any(String) });
    const after = await snapshot();
    expect(after.dataVersion).toBe(before.dataVersion + 1);
    expect(after.newestAudit).not.toBe(before.newestAudit);
    // And a dry run now sees it all stored.
    expect((await post(csv, "text/csv", "editor", "?dryRun=true")).json()).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 4,
    });
  });

  it("dry run of JSON rows and of a wide file; the preview stops at 50 rows", async () => {
    const before = await snapshot();
    const rows = Array.from({ length: 60 }, (_, i) => ({
      node: "visitors",
      period: `2027-04-${String((i % 30) + 1).padStart(2, "0")}`,
      value: i,
      ...(i >= 30 ? { segment: "ads" } : {}),
    }));
    const dry = (await post({ rows }, "application/json", "editor", "?dryRun=true")).json();
    expect(dry).toMatchObject({ dryRun: true, inserted: 60, updated: 0, unchanged: 0, rows: 60 });
    expect(dry.preview).toHaveLength(50);
    expect(dry.preview[30]).toEqual({
      node: "visitors",
      period: "2027-04-01",
      value: 30,
      segment: "ads",
      previous: null,
      change: "new",
    });
    const wide = "period,deal_size,cvr\n2027-02,520000,0.03\n2027-05,1,2\n"; // 2027-02 stored by an earlier test
    expect((await post(wide, "text/csv", "editor", "?dryRun=true")).json()).toMatchObject({
      inserted: 2,
      updated: 0,
      unchanged: 2,
    });
    expect(await snapshot()).toEqual(before);
  });

  it("dry run of an XLSX file: the same counts as its import", async () => {
    const sheet = await writeExcelFile(
      [
        [{ value: "node" }, { value: "period" }, { value: "value" }],
        [{ value: "deal_size" }, { value: "2027-06" }, { value: 540_000 }],
        [{ value: "revenue" }, { value: "2026-04" }, { value: demoValue("revenue", "2026-04") }],
      ],
      { sheet: "data" },
    ).toBuffer();
    const before = await snapshot();
    const dry = await post(sheet, XLSX, "editor", "?dryRun=true");
    expect(dry.json()).toMatchObject({ dryRun: true, inserted: 1, updated: 0, unchanged: 1, rows: 2 });
    expect(await snapshot()).toEqual(before);
    expect((await post(sheet, XLSX)).json()).toMatchObject({ inserted: 1, updated: 0, unchanged: 1 });
  });

  it("dry run rejects exactly as the import does, every bad row listed, nothing written", async () => {
    const csv = "node,period,value\nvisitors,2027-05-01,10\nvisitors,2027-05-02,many\nnobody,2027-05,1\n";
    const before = await snapshot();
    const dry = expectProblem(await post(csv, "text/csv", "editor", "?dryRun=true"), 422, "invalid_data");
    const real = expectProblem(await post(csv, "text/csv"), 422, "invalid_data");
    const { instance: _dryInstance, ...dryProblem } = dry;
    const { instance: _realInstance, ...realProblem } = real;
    expect(dryProblem).toEqual(realProblem);
    expect(dry.errors!.map((e) => [e.line, e.path, e.code])).toEqual([
      [3, "value", "data.notANumber"],
      [4, "node", "data.unknownNode"],
    ]);
    expect(dry.errors![0]).toMatchObject({ value: "many" });
    expect(dry.totalErrors).toBe(2);
    expect(await snapshot()).toEqual(before);

    const rows = [{ node: "leads", period: "2027-05", value: 1 }]; // computed: takes no data
    const json = expectProblem(await post({ rows }, "application/json", "editor", "?dryRun=true"), 422);
    expect(json.errors!.map((e) => e.path)).toEqual(["rows[0].node"]);
  });

  it("pages through the stored rows with limit and cursor, in key order, the same on both dialects", async () => {
    const url = `/api/v1/plans/${planId}/measurements`;
    const get = (query: string) => server.as("viewer", { method: "GET", url: `${url}${query}` });
    const everything = (await get("?node=visitors&from=2026-06-01&to=2026-06-30")).json();
    expect(everything).toHaveLength(30);
    // Without paging parameters: every row, no Link header (as before).
    expect((await get("?node=visitors&from=2026-06-01&to=2026-06-30")).headers.link).toBeUndefined();

    const pages: unknown[][] = [];
    let next: string | null = "?node=visitors&from=2026-06-01&to=2026-06-30&limit=7";
    while (next !== null) {
      const response = await get(next);
      expect(response.statusCode).toBe(200);
      pages.push(response.json());
      const link = response.headers.link as string | undefined;
      next = link ? /^<\/api\/v1\/plans\/[^/]+\/measurements(\?[^>]+)>; rel="next"$/.exec(link)![1]! : null;
    }
    expect(pages.map((page) => page.length)).toEqual([7, 7, 7, 7, 2]);
    expect(pages.flat()).toEqual(everything);
    expect(everything.map((m: { period: string }) => m.period)).toEqual(
      Array.from({ length: 30 }, (_, i) => `2026-06-${String(i + 1).padStart(2, "0")}`),
    );

    // Segments and nodes in key order across a page boundary; cursor alone pages by 1,000.
    const all = (await get("")).json();
    const firstPage = await get("?limit=3");
    const cursor = /cursor=([^&>]+)/.exec(firstPage.headers.link as string)![1]!;
    const rest = (await get(`?cursor=${cursor}`)).json();
    expect(rest).toEqual(all.slice(3, 1003));

    expectProblem(await get("?limit=0"), 400);
    expectProblem(await get("?limit=10001"), 400);
    expectProblem(await get("?cursor=not-a-cursor"), 400, "bad_request");
  });
});
