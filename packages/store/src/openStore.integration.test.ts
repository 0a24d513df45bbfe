import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, DIALECTS, postgresAvailable, type TestDatabase } from "../test/testDatabases.js";
import { isStoreError, openStore, StoreError } from "./index.js";

const withPostgres = postgresAvailable();
const childScript = fileURLToPath(new URL("../test/openInChild.ts", import.meta.url));

describe.each(DIALECTS)("opening the store on %s", (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    if (dialect === "postgres" && !withPostgres) return;
    database = await createTestDatabase(dialect);
  });
  afterAll(async () => database?.dispose());

  it.skipIf(dialect === "postgres" && !withPostgres)(
    "migrates once and opens again without migrating",
    async () => {
      const first: string[] = [];
      const store = await openStore({ ...database.target, onProgress: (m) => first.push(m) });
      expect(store.dialect).toBe(dialect);
      expect(first).toEqual([
        "migrating 0001_initial…",
        "migrating 0001_import_data_version…",
        "migrating 0002_audit_filters…",
        "migrating 0003_measurement_segments…",
      ]);
      await store.createOrganization({ slug: "kept", name: "Kept" });
      await store.close();

      const again: string[] = [];
      const reopened = await openStore({ ...database.target, onProgress: (m) => again.push(m) });
      expect(again).toEqual([]);
      expect(await reopened.getOrganizationBySlug("kept")).toMatchObject({ slug: "kept" });
      await reopened.close();
    },
  );
});

describe.skipIf(!withPostgres)("PostgreSQL: instances starting together", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("postgres");
  });
  afterAll(async () => database?.dispose());

  it("lets three instances open one fresh database at once; the migration runs once", async () => {
    const progress: string[] = [];
    const stores = await Promise.all(
      [1, 2, 3].map(() => openStore({ ...database.target, onProgress: (m) => progress.push(m) })),
    );
    expect(progress).toEqual([
      "migrating 0001_initial…",
      "migrating 0001_import_data_version…",
      "migrating 0002_audit_filters…",
      "migrating 0003_measurement_segments…",
    ]);
    const client = new pg.Client({ connectionString: database.target.url });
    await client.connect();
    const applied = await client.query("select name from kysely_migration order by name");
    await client.end();
    expect(applied.rows).toEqual([
      { name: "2026_11_23_0001_initial" },
      { name: "2026_11_24_0001_import_data_version" },
      { name: "2026_11_24_0002_audit_filters" },
      { name: "2026_11_24_0003_measurement_segments" },
    ]);
    // All three work on the same data.
    await stores[0]!.createOrganization({ slug: "shared", name: "Shared" });
    expect(await stores[2]!.countOrganizations()).toBe(1);
    await Promise.all(stores.map((store) => store.close()));
  });
});

function runChild(dir: string, mode: "once" | "hold"): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=source", childScript, dir, mode], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  return { child, output: () => output };
}

function exitCode(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on("exit", (code) => resolve(code)));
}

describe("SQLite: one process per directory", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("sqlite");
  });
  afterAll(async () => database?.dispose());

  it("refuses a second process while the first has it open, then lets it in", async () => {
    const dir = database.target.dir!;
    const first = await openStore({ dir });
    const refused = runChild(dir, "once");
    expect(await exitCode(refused.child)).toBe(3);
    expect(refused.output()).toContain(
      `The database in ${dir} is in use by another process (pid ${process.pid})`,
    );
    expect(refused.output()).toContain(`${dir} のデータベースは別のプロセス`);

    // In this process too, a second open is refused.
    const error = await openStore({ dir }).catch((e: unknown) => e);
    expect(isStoreError(error, "locked")).toBe(true);

    await first.close();
    const admitted = runChild(dir, "once");
    expect(await exitCode(admitted.child)).toBe(0);
    expect(admitted.output()).toBe("opened\n");
  }, 30_000);

  it("takes over the lock of a process that died without closing", async () => {
    const dir = database.target.dir!;
    const holder = runChild(dir, "hold");
    await new Promise<void>((resolve, reject) => {
      holder.child.stdout?.on("data", () => {
        if (holder.output().includes("opened")) resolve();
      });
      holder.child.on("exit", () => reject(new Error(`holder exited: ${holder.output()}`)));
    });
    expect(await openStore({ dir }).catch((e: unknown) => e)).toBeInstanceOf(StoreError);
    holder.child.kill("SIGKILL");
    await exitCode(holder.child);
    expect(existsSync(join(dir, "shihyo.lock"))).toBe(true);
    const store = await openStore({ dir });
    expect(await store.countOrganizations()).toBe(0);
    await store.close();
    expect(existsSync(join(dir, "shihyo.lock"))).toBe(false);
  }, 30_000);
});
