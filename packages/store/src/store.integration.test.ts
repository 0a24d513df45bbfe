import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Plan, parseKpiFile, writeKpiFile } from "@shihyo/engine";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, DIALECTS, postgresAvailable, type TestDatabase } from "../test/testDatabases.js";
import { type Actor, isStoreError, openStore, type Role, type Store, StoreError } from "./index.js";

const withPostgres = postgresAvailable();
const templatesDir = fileURLToPath(new URL("../../cli/templates/", import.meta.url));
const templates = readdirSync(templatesDir).filter((name) => name.endsWith(".yaml"));

function parseTemplate(name: string): Plan {
  const parsed = parseKpiFile(readFileSync(`${templatesDir}${name}`, "utf8"), { fileName: name });
  if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.errors)}`);
  const { data: _data, ...plan } = parsed.plan;
  return plan;
}

const smallPlan: Plan = {
  version: 1,
  name: "Small",
  calendar: { fiscalYearStart: 4 },
  nodes: [
    { id: "revenue", role: "kgi", unit: "JPY", cadence: "quarter", formula: "leads * deal_size" },
    { id: "leads", role: "kpi", parent: "revenue", cadence: "month", targets: { "2026-04": { value: 100 } } },
    { id: "deal_size", role: "kpi", parent: "revenue", cadence: "month" },
  ],
};

async function expectStoreError(promise: Promise<unknown>, code: StoreError["code"]): Promise<StoreError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreError);
  expect((error as StoreError).code).toBe(code);
  return error as StoreError;
}

describe.each(DIALECTS)("store on %s", (dialect) => {
  const skip = dialect === "postgres" && !withPostgres;
  let database: TestDatabase;
  let store: Store;
  let now = new Date("2026-11-23T09:00:00.000Z");
  let n = 0;

  beforeAll(async () => {
    if (skip) return;
    database = await createTestDatabase(dialect);
    store = await openStore({ ...database.target, clock: () => now });
  });
  afterAll(async () => {
    await store?.close();
    await database?.dispose();
  });
  beforeEach(() => {
    now = new Date("2026-11-23T09:00:00.000Z");
  });

  /** A fresh organisation with an owner, so tests do not see each other's rows. */
  async function newOrg(role: Role = "owner"): Promise<{ actor: Actor; orgId: string; userId: string }> {
    n++;
    const org = await store.createOrganization({ slug: `org-${n}`, name: `Org ${n}` });
    const user = await store.createUser({
      email: `User${n}@Example.com`,
      name: `User ${n}`,
      passwordHash: "x",
    });
    await store.addMembership(null, { orgId: org.id, userId: user.id, role });
    return { actor: { orgId: org.id, userId: user.id, tokenId: null, role }, orgId: org.id, userId: user.id };
  }

  describe.skipIf(skip)("organisations and users", () => {
    it("keeps slugs and e-mails unique, e-mails lower-cased", async () => {
      const { orgId, userId } = await newOrg();
      const user = await store.getUser(userId);
      expect(user?.email).toBe(`user${n}@example.com`);
      expect(await store.getUserByEmail(`USER${n}@example.COM`)).toMatchObject({
        id: userId,
        passwordHash: "x",
      });
      await expectStoreError(store.createOrganization({ slug: `org-${n}`, name: "again" }), "conflict");
      await expectStoreError(
        store.createUser({ email: `user${n}@EXAMPLE.com`, name: "again", passwordHash: "y" }),
        "conflict",
      );
      expect(await store.listOrganizationsOfUser(userId)).toEqual([
        { id: orgId, slug: `org-${n}`, name: `Org ${n}`, createdAt: expect.any(String), role: "owner" },
      ]);
      expect(await store.countOrganizations()).toBeGreaterThan(0);
    });

    it("manages memberships within the actor's organisation only", async () => {
      const a = await newOrg();
      const b = await newOrg();
      const member = await store.createUser({
        email: `member${n}@example.com`,
        name: "M",
        passwordHash: "x",
      });
      await store.addMembership(a.actor, { orgId: a.orgId, userId: member.id, role: "viewer" });
      await expectStoreError(
        store.addMembership(a.actor, { orgId: a.orgId, userId: member.id, role: "viewer" }),
        "conflict",
      );
      await expectStoreError(
        store.addMembership(a.actor, { orgId: b.orgId, userId: member.id, role: "viewer" }),
        "not_found",
      );
      await store.setMembershipRole(a.actor, { userId: member.id, role: "editor" });
      expect(await store.getMembership(a.orgId, member.id)).toMatchObject({ role: "editor" });
      await expectStoreError(
        store.setMembershipRole(b.actor, { userId: member.id, role: "admin" }),
        "not_found",
      );
      expect((await store.listMemberships(a.orgId)).map((m) => m.role).sort()).toEqual(["editor", "owner"]);
      await store.removeMembership(a.actor, member.id);
      expect(await store.getMembership(a.orgId, member.id)).toBeNull();
      // The audit log still names the member who left (and who acted), by id.
      const { entries, users } = await store.listAudit(a.orgId, { actions: ["membership.remove"] });
      expect(entries).toEqual([
        expect.objectContaining({ userId: a.userId, entity: "user", entityId: member.id }),
      ]);
      expect(users).toEqual({
        [a.userId]: { name: expect.any(String), email: `user${n - 1}@example.com` },
        [member.id]: { name: member.name, email: member.email },
      });
    });

    it("never leaves an organisation without an owner", async () => {
      const a = await newOrg();
      await expectStoreError(
        store.setMembershipRole(a.actor, { userId: a.userId, role: "admin" }),
        "last_owner",
      );
      await expectStoreError(store.removeMembership(a.actor, a.userId), "last_owner");
      expect(await store.getMembership(a.orgId, a.userId)).toMatchObject({ role: "owner" });
      // With a second owner, either may step down, but not both.
      const second = await store.createUser({
        email: `second${n}@example.com`,
        name: "S",
        passwordHash: "x",
      });
      await store.addMembership(a.actor, { orgId: a.orgId, userId: second.id, role: "owner" });
      await store.setMembershipRole(a.actor, { userId: a.userId, role: "admin" });
      await expectStoreError(store.removeMembership(a.actor, second.id), "last_owner");
      expect((await store.listMemberships(a.orgId)).map((m) => m.role).sort()).toEqual(["admin", "owner"]);
    });

    it("renames only the actor's organisation, keeps its slug, and audits it", async () => {
      const a = await newOrg();
      const b = await newOrg();
      const renamed = await store.renameOrganization(a.actor, "Acme 株式会社");
      expect(renamed).toMatchObject({ id: a.orgId, slug: `org-${n - 1}`, name: "Acme 株式会社" });
      expect(await store.getOrganization(a.orgId)).toMatchObject({ name: "Acme 株式会社" });
      expect(await store.getOrganization(b.orgId)).toMatchObject({ name: `Org ${n}` });
      expect(await store.getOrganization("no-such-id")).toBeNull();
      const { entries } = await store.listAudit(a.orgId);
      expect(entries.some((e) => e.action === "organization.rename" && e.detail.to === "Acme 株式会社")).toBe(
        true,
      );
      expect((await store.listOrganizations()).map((o) => o.id)).toEqual(
        expect.arrayContaining([a.orgId, b.orgId]),
      );
    });
  });

  describe.skipIf(skip)("own e-mail", () => {
    it("changes the actor's e-mail (normalised), refuses one another user has, and audits it", async () => {
      const a = await newOrg();
      const other = await newOrg();
      const changed = await store.setEmail(a.actor, `  New.Address${n}@Example.COM `);
      expect(changed).toMatchObject({ id: a.userId, email: `new.address${n}@example.com` });
      expect(await store.getUserByEmail(`new.address${n}@example.com`)).toMatchObject({ id: a.userId });
      expect(await store.getUserByEmail(`user${n - 1}@example.com`)).toBeNull();
      const conflict = await expectStoreError(store.setEmail(a.actor, `USER${n}@example.com`), "conflict");
      expect(conflict.params).toEqual({ entity: "user", key: `user${n}@example.com` });
      expect((await store.getUser(other.userId))?.email).toBe(`user${n}@example.com`);
      // The same address again changes nothing and is not audited.
      await store.setEmail(a.actor, `new.address${n}@example.com`);
      const { entries } = await store.listAudit(a.orgId, { actions: ["user.email"] });
      expect(entries).toEqual([
        expect.objectContaining({
          userId: a.userId,
          entity: "user",
          entityId: a.userId,
          detail: { from: `user${n - 1}@example.com`, to: `new.address${n}@example.com` },
        }),
      ]);
    });

    // Two transactions racing for one address: PostgreSQL only (SQLite runs one writer at a time).
    if (dialect === "postgres")
      it("refuses an address whose change another transaction commits meanwhile (conflict, not a database error)", async () => {
        const a = await newOrg();
        const b = await newOrg();
        const wanted = `contested${n}@example.com`;
        // b's change holds the address, uncommitted, while a's change starts: a's update waits
        // on the unique index and fails once b commits. A check before the update sees nothing.
        const other = new pg.Client({ connectionString: database.target.url });
        await other.connect();
        try {
          await other.query("begin");
          await other.query("update users set email = $1 where id = $2", [wanted, b.userId]);
          const change = store.setEmail(a.actor, wanted);
          const outcome = change.then(
            () => "changed",
            (error: unknown) => error,
          );
          await new Promise((resolve) => setTimeout(resolve, 200));
          await other.query("commit");
          const refused = await outcome;
          expect(isStoreError(refused, "conflict")).toBe(true);
          expect((await store.getUserByEmail(wanted))?.id).toBe(b.userId);
          expect((await store.getUser(a.userId))?.email).toBe(`user${n - 1}@example.com`);
        } finally {
          await other.end();
        }
      });
  });

  describe.skipIf(skip)("plans", () => {
    it.each(templates)("round-trips the %s template", async (name) => {
      const { actor, orgId } = await newOrg();
      const plan = parseTemplate(name);
      const summary = await store.createPlan(actor, plan);
      expect(summary).toMatchObject({ orgId, name: plan.name, version: 1, dataVersion: 0 });
      const stored = await store.getPlan(orgId, summary.id);
      expect(stored?.plan).toEqual(plan);
      expect(writeKpiFile(stored!.plan)).toBe(writeKpiFile(plan));
      expect(JSON.stringify(stored!.plan)).toBe(JSON.stringify(plan));
    });

    it("stores the file's data as measurements from the source 'file'", async () => {
      const { actor, orgId } = await newOrg();
      const summary = await store.createPlan(actor, {
        ...smallPlan,
        data: [
          { node: "leads", period: "2026-04", value: 90 },
          { node: "leads", period: "2026-05", value: 95, segment: "web" },
        ],
      });
      expect(summary.dataVersion).toBe(1);
      const rows = await store.listMeasurements(orgId, summary.id);
      expect(rows).toEqual([
        {
          node: "leads",
          period: "2026-04",
          value: 90,
          source: "file",
          importId: expect.any(String),
          updatedAt: expect.any(String),
        },
        {
          node: "leads",
          period: "2026-05",
          value: 95,
          segment: "web",
          source: "file",
          importId: expect.any(String),
          updatedAt: expect.any(String),
        },
      ]);
      expect((await store.getPlan(orgId, summary.id))?.plan.data).toBeUndefined();
    });

    it("replaces a plan: keeps the measurements of remaining nodes, checks the version", async () => {
      const { actor, orgId } = await newOrg();
      const { id } = await store.createPlan(actor, smallPlan);
      await store.ingestMeasurements(actor, {
        planId: id,
        source: "api",
        rows: [
          { node: "leads", period: "2026-04", value: 1 },
          { node: "deal_size", period: "2026-04", value: 2 },
        ],
      });
      const next: Plan = {
        ...smallPlan,
        name: "Small v2",
        nodes: [
          smallPlan.nodes[0]!,
          {
            id: "leads",
            role: "kpi",
            parent: "revenue",
            cadence: "month",
            targets: { "2026-04": { value: 120 } },
          },
          { id: "win_rate", role: "kpi", parent: "revenue" },
        ],
      };
      await expectStoreError(store.replacePlan(actor, id, next, 7), "stale_version");
      const replaced = await store.replacePlan(actor, id, next, 1);
      expect(replaced).toMatchObject({ name: "Small v2", version: 2 });
      expect((await store.getPlan(orgId, id))?.plan).toEqual(next);
      expect((await store.listMeasurements(orgId, id)).map((m) => m.node)).toEqual(["leads"]);
      const revisions = await store.listTargetRevisions(orgId, id, "leads");
      expect(revisions).toMatchObject([{ period: "2026-04", oldValue: 100, newValue: 120, reason: "other" }]);
      await expectStoreError(store.deletePlan(actor, id, 1), "stale_version");
      await store.deletePlan(actor, id, 2);
      expect(await store.getPlan(orgId, id)).toBeNull();
      expect(await store.listPlans(orgId)).toEqual([]);
    });

    it("refuses a plan with a node id twice", async () => {
      const { actor } = await newOrg();
      const twice: Plan = { ...smallPlan, nodes: [...smallPlan.nodes, { id: "leads", role: "kpi" }] };
      const error = await expectStoreError(store.createPlan(actor, twice), "invalid");
      expect(error.text("ja")).toContain("leads");
    });
  });

  describe.skipIf(skip)("organisation scoping", () => {
    it("never shows org B what belongs to org A", async () => {
      const a = await newOrg();
      const b = await newOrg();
      const { id } = await store.createPlan(a.actor, smallPlan);
      await store.ingestMeasurements(a.actor, {
        planId: id,
        source: "api",
        rows: [{ node: "leads", period: "2026-04", value: 5 }],
      });
      await store.setTarget(a.actor, {
        planId: id,
        nodeId: "leads",
        period: "2026-05",
        target: { value: 1 },
        reason: "other",
        comment: "",
        ifVersion: null,
      });
      await store.addComment(a.actor, { planId: id, nodeId: "leads", body: "secret" });

      expect(await store.getPlan(b.orgId, id)).toBeNull();
      expect(await store.getPlanSummary(b.orgId, id)).toBeNull();
      expect(await store.listPlans(b.orgId)).toEqual([]);
      expect(await store.listTargets(b.orgId, id)).toEqual([]);
      expect(await store.listTargetRevisions(b.orgId, id)).toEqual([]);
      expect(await store.listMeasurements(b.orgId, id)).toEqual([]);
      expect(await store.measurementHistory(b.orgId, id, "leads")).toEqual([]);
      expect(await store.listComments(b.orgId, id)).toEqual([]);
      const bAudit = await store.listAudit(b.orgId);
      expect(bAudit.entries.some((entry) => entry.entityId === id)).toBe(false);

      // ... and B cannot write to it either.
      await expectStoreError(
        store.ingestMeasurements(b.actor, { planId: id, source: "api", rows: [] }),
        "not_found",
      );
      await expectStoreError(
        store.setTarget(b.actor, {
          planId: id,
          nodeId: "leads",
          period: "2026-06",
          target: { value: 1 },
          reason: "other",
          comment: "",
          ifVersion: null,
        }),
        "not_found",
      );
      await expectStoreError(
        store.addComment(b.actor, { planId: id, nodeId: "leads", body: "x" }),
        "not_found",
      );
      await expectStoreError(store.replacePlan(b.actor, id, smallPlan, 1), "not_found");
      await expectStoreError(store.deletePlan(b.actor, id, 1), "not_found");

      // A still sees everything.
      expect(await store.listTargets(a.orgId, id)).toHaveLength(2);
      expect(await store.listMeasurements(a.orgId, id)).toHaveLength(1);
      expect(await store.listComments(a.orgId, id)).toHaveLength(1);
    });
  });

  describe.skipIf(skip)("targets", () => {
    it("keeps every revision and refuses a stale version", async () => {
      const a = await newOrg();
      const { id } = await store.createPlan(a.actor, smallPlan);
      const [initial] = await store.listTargets(a.orgId, id);
      expect(initial).toMatchObject({ nodeId: "leads", period: "2026-04", value: 100, version: 1 });

      const set = (ifVersion: number | null, value: number, reason: "external" | "resources" = "external") =>
        store.setTarget(a.actor, {
          planId: id,
          nodeId: "leads",
          period: "2026-04",
          target: { value, baseline: 80, basis: "past", note: "n" },
          reason,
          comment: `to ${value}`,
          ifVersion,
        });
      const second = await set(1, 110);
      expect(second).toMatchObject({ value: 110, baseline: 80, basis: "past", note: "n", version: 2 });
      await expectStoreError(set(1, 999), "stale_version");
      await expectStoreError(set(null, 999), "stale_version");
      const third = await set(2, 120, "resources");
      expect(third.version).toBe(3);

      const created = await store.setTarget(a.actor, {
        planId: id,
        nodeId: "deal_size",
        period: "2026-04",
        target: { value: 500000 },
        reason: "other",
        comment: "",
        ifVersion: null,
      });
      expect(created).toMatchObject({ value: 500000, version: 1 });
      await expectStoreError(
        store.setTarget(a.actor, {
          planId: id,
          nodeId: "nope",
          period: "2026-04",
          target: { value: 1 },
          reason: "other",
          comment: "",
          ifVersion: null,
        }),
        "not_found",
      );

      const revisions = await store.listTargetRevisions(a.orgId, id, "leads");
      expect(revisions.map((r) => [r.oldValue, r.newValue, r.reason, r.comment, r.userId])).toEqual([
        [100, 110, "external", "to 110", a.userId],
        [110, 120, "resources", "to 120", a.userId],
      ]);
      expect(await store.listTargetRevisions(a.orgId, id)).toHaveLength(3);
      expect((await store.getPlanSummary(a.orgId, id))?.version).toBe(4);
      const plan = (await store.getPlan(a.orgId, id))!.plan;
      expect(plan.nodes[1]?.targets).toEqual({
        "2026-04": { value: 120, baseline: 80, basis: "past", note: "n" },
      });
      expect(plan.nodes[2]?.targets).toEqual({ "2026-04": { value: 500000 } });
    });
  });

  describe.skipIf(skip)("measurements", () => {
    it("counts inserts, unchanged and updated rows and keeps the old values", async () => {
      const a = await newOrg();
      const { id } = await store.createPlan(a.actor, smallPlan);
      const rows = [
        { node: "leads", period: "2026-04", value: 10 },
        { node: "leads", period: "2026-05", value: 20 },
        { node: "leads", period: "2026-05", value: 7, segment: "web" },
      ];
      const first = await store.ingestMeasurements(a.actor, { planId: id, rows, source: "csv" });
      expect(first).toEqual({ inserted: 3, updated: 0, unchanged: 0, importId: expect.any(String) });
      expect((await store.getPlanSummary(a.orgId, id))?.dataVersion).toBe(1);

      const again = await store.ingestMeasurements(a.actor, { planId: id, rows, source: "csv" });
      expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
      expect((await store.getPlanSummary(a.orgId, id))?.dataVersion).toBe(1);

      now = new Date("2026-11-24T09:00:00.000Z");
      const changed = rows.map((row) => (row.segment === "web" ? { ...row, value: 8 } : row));
      const third = await store.ingestMeasurements(a.actor, { planId: id, rows: changed, source: "api" });
      expect(third).toMatchObject({ inserted: 0, updated: 1, unchanged: 2 });
      expect((await store.getPlanSummary(a.orgId, id))?.dataVersion).toBe(2);
      expect(await store.measurementHistory(a.orgId, id, "leads")).toEqual([
        {
          period: "2026-05",
          segment: "web",
          oldValue: 7,
          newValue: 8,
          at: "2026-11-24T09:00:00.000Z",
          source: "api",
        },
      ]);
      const stored = await store.listMeasurements(a.orgId, id, {
        nodeId: "leads",
        from: "2026-05",
        to: "2026-05",
      });
      expect(stored).toEqual([
        {
          node: "leads",
          period: "2026-05",
          value: 20,
          source: "csv",
          importId: first.importId,
          updatedAt: expect.any(String),
        },
        {
          node: "leads",
          period: "2026-05",
          segment: "web",
          value: 8,
          source: "api",
          importId: third.importId,
          updatedAt: "2026-11-24T09:00:00.000Z",
        },
      ]);
    });

    it("lists in key order by code points and pages after a key", async () => {
      const a = await newOrg();
      const { id } = await store.createPlan(a.actor, smallPlan);
      await store.ingestMeasurements(a.actor, {
        planId: id,
        source: "api",
        rows: [
          { node: "leads", period: "2026-04", value: 3, segment: "web" },
          { node: "leads", period: "2026-04", value: 2, segment: "Web" },
          { node: "leads", period: "2026-04", value: 1 },
          { node: "deal_size", period: "2026-05", value: 5 },
          { node: "leads", period: "2026-05", value: 4 },
        ],
      });
      const keys = (rows: { node: string; period: string; segment?: string }[]) =>
        rows.map((r) => `${r.node} ${r.period} ${r.segment ?? ""}`);
      // "" < "Web" < "web" by code points, whatever the database's collation.
      const all = [
        "deal_size 2026-05 ",
        "leads 2026-04 ",
        "leads 2026-04 Web",
        "leads 2026-04 web",
        "leads 2026-05 ",
      ];
      expect(keys(await store.listMeasurements(a.orgId, id))).toEqual(all);
      expect(keys(await store.listMeasurements(a.orgId, id, { limit: 2 }))).toEqual(all.slice(0, 2));
      expect(
        keys(await store.listMeasurements(a.orgId, id, { after: ["leads", "2026-04", ""], limit: 2 })),
      ).toEqual(all.slice(2, 4));
      expect(keys(await store.listMeasurements(a.orgId, id, { after: ["leads", "2026-04", "web"] }))).toEqual(
        all.slice(4),
      );
    });

    it("lists each node's segments over every period, by code points", async () => {
      const a = await newOrg();
      const { id } = await store.createPlan(a.actor, smallPlan);
      await store.ingestMeasurements(a.actor, {
        planId: id,
        source: "api",
        rows: [
          { node: "leads", period: "2026-04", value: 3, segment: "web" },
          { node: "leads", period: "2026-04", value: 2, segment: "Web" },
          { node: "leads", period: "2026-04", value: 1 },
          { node: "leads", period: "2026-05", value: 4, segment: "東京" },
          { node: "leads", period: "2026-06", value: 5, segment: "web" },
          { node: "deal_size", period: "2026-06", value: 6, segment: "b" },
          { node: "deal_size", period: "2026-04", value: 7, segment: "a" },
          { node: "revenue", period: "2026-04", value: 8 },
        ],
      });
      // "Web" (U+0057) < "web" (U+0077) < "東京"; "web" once though stored in two months;
      // revenue has only an unsegmented actual, so no segment.
      expect(await store.listSegments(a.orgId, id)).toEqual([
        { node: "deal_size", segments: ["a", "b"] },
        { node: "leads", segments: ["Web", "web", "東京"] },
      ]);
      expect(await store.listSegments(a.orgId, id, { nodeId: "leads" })).toEqual([
        { node: "leads", segments: ["Web", "web", "東京"] },
      ]);
      expect(await store.listSegments(a.orgId, id, { nodeId: "revenue" })).toEqual([]);
      expect(await store.listSegments(a.orgId, id, { nodeId: "nowhere" })).toEqual([]);
      const b = await newOrg();
      expect(await store.listSegments(b.orgId, id)).toEqual([]);
      expect(await store.listSegments(a.orgId, "no-such-plan")).toEqual([]);
    });

    it("answers the rows written after a data version, as they are now", async () => {
      const a = await newOrg();
      const { id } = await store.createPlan(a.actor, smallPlan);
      const keyed = (rows: { node: string; period: string; value: number; segment?: string }[]) =>
        rows.map((r) => `${r.node} ${r.period} ${r.segment ?? ""} ${r.value}`).sort();
      await store.ingestMeasurements(a.actor, {
        planId: id,
        source: "csv",
        rows: [
          { node: "leads", period: "2026-04", value: 10 },
          { node: "leads", period: "2026-05", value: 20 },
        ],
      });
      // Version 2: one row changed, one new; version 3: another change of the new row.
      await store.ingestMeasurements(a.actor, {
        planId: id,
        source: "api",
        rows: [
          { node: "leads", period: "2026-05", value: 25 },
          { node: "leads", period: "2026-06", value: 30 },
        ],
      });
      await store.ingestMeasurements(a.actor, {
        planId: id,
        source: "api",
        rows: [{ node: "leads", period: "2026-06", value: 31 }],
      });
      // An import that changes nothing makes no version.
      await store.ingestMeasurements(a.actor, {
        planId: id,
        source: "api",
        rows: [{ node: "leads", period: "2026-04", value: 10 }],
      });

      const since0 = await store.measurementsChangedSince(a.orgId, id, 0);
      expect(since0?.dataVersion).toBe(3);
      expect(keyed(since0!.rows)).toEqual(["leads 2026-04  10", "leads 2026-05  25", "leads 2026-06  31"]);
      const since1 = await store.measurementsChangedSince(a.orgId, id, 1);
      expect(keyed(since1!.rows)).toEqual(["leads 2026-05  25", "leads 2026-06  31"]);
      const since2 = await store.measurementsChangedSince(a.orgId, id, 2);
      expect(keyed(since2!.rows)).toEqual(["leads 2026-06  31"]);
      expect(await store.measurementsChangedSince(a.orgId, id, 3)).toEqual({ rows: [], dataVersion: 3 });
      // Another organisation learns nothing.
      const b = await newOrg();
      expect(await store.measurementsChangedSince(b.orgId, id, 0)).toBeNull();
    });

    it("writes nothing when any row is bad, and lists the bad rows", async () => {
      const a = await newOrg();
      const { id } = await store.createPlan(a.actor, smallPlan);
      const error = await expectStoreError(
        store.ingestMeasurements(a.actor, {
          planId: id,
          source: "csv",
          rows: [
            { node: "leads", period: "2026-04", value: 10 },
            { node: "ghost", period: "2026-04", value: 1 },
            { node: "leads", period: "2026-04", value: 11 },
            { node: "deal_size", period: "2026-04", value: Number.NaN },
          ],
        }),
        "invalid",
      );
      expect(isStoreError(error, "invalid") && error.params.rows).toEqual([
        { index: 1, node: "ghost", period: "2026-04", segment: "", reason: "unknown_node" },
        { index: 2, node: "leads", period: "2026-04", segment: "", reason: "duplicate" },
        { index: 3, node: "deal_size", period: "2026-04", segment: "", reason: "not_finite" },
      ]);
      expect(error.text("en")).toContain("row 2: ghost 2026-04: no such node in the plan");
      expect(error.text("ja")).toContain("2 行目: ghost 2026-04: 計画にないノードです");
      expect(await store.listMeasurements(a.orgId, id)).toEqual([]);
      expect((await store.getPlanSummary(a.orgId, id))?.dataVersion).toBe(0);
    });

    it("rolls back everything when a transaction fails halfway", async () => {
      const a = await newOrg();
      const { id } = await store.createPlan(a.actor, smallPlan);
      const failed = await store
        .transaction(async (tx) => {
          await tx.ingestMeasurements(a.actor, {
            planId: id,
            source: "api",
            rows: [{ node: "leads", period: "2026-04", value: 1 }],
          });
          // Nested: runs in the same transaction.
          await tx.transaction((inner) =>
            inner.addComment(a.actor, { planId: id, nodeId: "leads", body: "x" }),
          );
          throw new Error("boom");
        })
        .catch((e: unknown) => e);
      expect((failed as Error).message).toBe("boom");
      expect(await store.listMeasurements(a.orgId, id)).toEqual([]);
      expect(await store.listComments(a.orgId, id)).toEqual([]);
    });

    it("ingests 20,000 rows in one go", async () => {
      const a = await newOrg();
      const { id } = await store.createPlan(a.actor, {
        ...smallPlan,
        nodes: [{ id: "visits", role: "kpi", grain: "day" }],
      });
      const rows = Array.from({ length: 20_000 }, (_, i) => ({
        node: "visits",
        period: `${2000 + Math.floor(i / 365)}-${String(i % 365).padStart(3, "0")}`,
        value: i,
      }));
      expect(await store.ingestMeasurements(a.actor, { planId: id, rows, source: "api" })).toMatchObject({
        inserted: 20_000,
      });
      const changed = rows.map((row, i) => (i % 2 === 0 ? { ...row, value: row.value + 0.5 } : row));
      expect(
        await store.ingestMeasurements(a.actor, { planId: id, rows: changed, source: "api" }),
      ).toMatchObject({
        inserted: 0,
        updated: 10_000,
        unchanged: 10_000,
      });
      expect(await store.listMeasurements(a.orgId, id)).toHaveLength(20_000);
      expect(await store.measurementHistory(a.orgId, id, "visits")).toHaveLength(10_000);
    });
  });

  describe.skipIf(skip)("sessions and sign-in", () => {
    it("answers a session until it expires", async () => {
      const a = await newOrg();
      const session = await store.createSession({ userId: a.userId, orgId: a.orgId, ttlSeconds: 3600 });
      expect(await store.getSession(session.id)).toEqual(session);
      expect(await store.getSession("nope")).toBeNull();
      now = new Date(now.getTime() + 3600_000);
      expect(await store.getSession(session.id)).toBeNull();
      const other = await store.createSession({ userId: a.userId, orgId: a.orgId, ttlSeconds: 60 });
      await store.deleteSession(other.id);
      expect(await store.getSession(other.id)).toBeNull();
      expect(await store.deleteExpiredSessions()).toBeGreaterThanOrEqual(0);
    });

    it("counts login attempts per key in fixed windows", async () => {
      const key = `login-${n++}@example.com`;
      now = new Date("2026-11-23T09:00:00.000Z");
      expect(await store.countLoginAttempt(key, 60)).toBe(1);
      expect(await store.countLoginAttempt(key, 60)).toBe(2);
      expect(await store.countLoginAttempt(`${key}-other`, 60)).toBe(1);
      const counts = await Promise.all([1, 2, 3, 4, 5].map(() => store.countLoginAttempt(key, 60)));
      expect(counts.sort()).toEqual([3, 4, 5, 6, 7]);
      now = new Date("2026-11-23T09:01:00.000Z");
      expect(await store.countLoginAttempt(key, 60)).toBe(1);
    });
  });

  describe.skipIf(skip)("API tokens", () => {
    it("creates, authenticates and revokes; stores only a hash", async () => {
      const a = await newOrg();
      const b = await newOrg();
      const { token, secret } = await store.createApiToken(a.actor, {
        name: "push",
        role: "editor",
        scopes: ["measurements:write"],
      });
      expect(secret.startsWith(token.prefix)).toBe(true);
      expect(secret.length).toBeGreaterThan(40);
      const found = await store.authenticateApiToken(secret);
      expect(found).toMatchObject({
        id: token.id,
        orgId: a.orgId,
        role: "editor",
        scopes: ["measurements:write"],
      });
      expect(found?.lastUsedAt).toBe(now.toISOString());
      expect(await store.authenticateApiToken(`${secret}x`)).toBeNull();
      expect(await store.authenticateApiToken("garbage")).toBeNull();

      // The secret is nowhere in the database.
      const dump = JSON.stringify(await database.query("select * from api_tokens"));
      expect(dump).not.toContain(secret);
      expect(dump).not.toContain(secret.slice(token.prefix.length));

      await expectStoreError(store.revokeApiToken(b.actor, token.id), "not_found");
      expect(await store.listApiTokens(b.orgId)).toEqual([]);
      await store.revokeApiToken(a.actor, token.id);
      expect(await store.authenticateApiToken(secret)).toBeNull();
      expect((await store.listApiTokens(a.orgId))[0]?.revokedAt).toBe(now.toISOString());
    });
  });

  describe.skipIf(skip)("comments and audit", () => {
    it("lists comments per node and audits every write", async () => {
      const a = await newOrg();
      const { id } = await store.createPlan(a.actor, smallPlan);
      const comment = await store.addComment(a.actor, { planId: id, nodeId: "leads", body: "なぜ減った?" });
      await store.addComment(a.actor, { planId: id, nodeId: "revenue", body: "ok" });
      await expectStoreError(
        store.addComment(a.actor, { planId: id, nodeId: "ghost", body: "x" }),
        "not_found",
      );
      expect(await store.listComments(a.orgId, id, "leads")).toEqual([comment]);
      expect(await store.listComments(a.orgId, id)).toHaveLength(2);
      await store.ingestMeasurements(a.actor, {
        planId: id,
        source: "api",
        rows: [{ node: "leads", period: "2026-04", value: 3 }],
      });
      await store.createApiToken(a.actor, { name: "t", role: "viewer", scopes: [] });

      const page1 = await store.listAudit(a.orgId, { limit: 3 });
      const page2 = await store.listAudit(a.orgId, { limit: 3, after: page1.next! });
      const actions = [...page1.entries, ...page2.entries].map((entry) => entry.action);
      expect(actions).toEqual([
        "token.create",
        "measurements.ingest",
        "comment.add",
        "comment.add",
        "plan.create",
        "membership.add",
      ]);
      const next = await store.listAudit(a.orgId, { limit: 3, after: page2.next! });
      expect(next.entries.map((entry) => entry.action)).toEqual(["organization.create"]);
      expect(next.next).toBeNull();
      expect(page1.entries[1]).toMatchObject({
        userId: a.userId,
        tokenId: null,
        entity: "plan",
        entityId: id,
        detail: { inserted: 1, updated: 0, unchanged: 0, rows: 1, source: "api" },
      });
    });

    it("filters the log by actions, by user and by token, and pages within the filter", async () => {
      const a = await newOrg();
      const b = await newOrg();
      const { id } = await store.createPlan(a.actor, smallPlan);
      const { token } = await store.createApiToken(a.actor, { name: "bot", role: "editor", scopes: [] });
      const bot: Actor = { orgId: a.orgId, userId: null, tokenId: token.id, role: "editor" };
      for (const body of ["1", "2", "3"]) {
        now = new Date(now.getTime() + 1000);
        await store.addComment(bot, { planId: id, nodeId: "leads", body });
      }
      await store.addComment(a.actor, { planId: id, nodeId: "leads", body: "mine" });
      await store.createPlan(b.actor, smallPlan);

      const comments = await store.listAudit(a.orgId, { actions: ["comment.add"], limit: 2 });
      expect(comments.entries.map((e) => e.tokenId)).toEqual([null, token.id]);
      const rest = await store.listAudit(a.orgId, {
        actions: ["comment.add"],
        limit: 2,
        after: comments.next!,
      });
      expect(rest.entries.map((e) => e.tokenId)).toEqual([token.id, token.id]);
      expect(rest.next).toBeNull();

      const plansAndTokens = await store.listAudit(a.orgId, { actions: ["plan.create", "token.create"] });
      expect(plansAndTokens.entries.map((e) => e.action)).toEqual(["token.create", "plan.create"]);
      expect((await store.listAudit(a.orgId, { actions: [] })).entries).toEqual([]);

      const byBot = await store.listAudit(a.orgId, { tokenId: token.id });
      expect(byBot.entries).toHaveLength(3);
      expect(byBot.entries.every((e) => e.action === "comment.add" && e.userId === null)).toBe(true);
      const byOwner = await store.listAudit(a.orgId, { userId: a.userId });
      expect(byOwner.entries.map((e) => e.action)).toEqual(["comment.add", "token.create", "plan.create"]);
      // Another organisation's entries never match, whatever the filter.
      expect((await store.listAudit(b.orgId, { userId: a.userId })).entries).toEqual([]);
      expect((await store.listAudit(b.orgId, { actions: ["plan.create"] })).entries).toHaveLength(1);
    });
  });
});
