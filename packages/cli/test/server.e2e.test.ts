/**
 * `shihyo serve`, `admin`, `import` and `export` for real: child processes on a temporary
 * embedded database (and on PostgreSQL when SHIHYO_TEST_DATABASE_URL is set), talking HTTP.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseKpiFile, writeKpiFile } from "@shihyo/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, postgresAvailable, type TestDatabase } from "../../store/test/testDatabases.js";
import { BIN, CLI_DIR, TEMPLATES } from "./cli.js";

const ENV = { ...process.env, LANG: "C", NO_COLOR: "1", NODE_OPTIONS: "" };

/** Runs the CLI to completion, with optional standard input. */
function run(args: string[], stdin = ""): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: CLI_DIR, env: ENV });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on("data", (c: Buffer) => out.push(c));
  child.stderr.on("data", (c: Buffer) => err.push(c));
  child.stdin.end(stdin);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({
        code: code ?? -1,
        stdout: Buffer.concat(out).toString(),
        stderr: Buffer.concat(err).toString(),
      }),
    );
  });
}

/** Starts `shihyo serve` on a free port; resolves once it says where it listens. */
async function startServer(
  args: string[],
): Promise<{ child: ChildProcessWithoutNullStreams; url: string; log: () => string }> {
  const child = spawn(process.execPath, [BIN, "serve", "--port", "0", ...args], { cwd: CLI_DIR, env: ENV });
  let stderr = "";
  let stdout = "";
  child.stdout.on("data", (c: Buffer) => {
    stdout += c.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString();
      const found = /listening on (http:\/\/[^\s)]+)/.exec(stderr);
      if (found) resolve(found[1]!);
    });
    child.on("close", (code) => reject(new Error(`serve exited with ${code}:\n${stderr}\n${stdout}`)));
  });
  return { child, url, log: () => stderr + stdout };
}

function stop(child: ChildProcessWithoutNullStreams): Promise<number> {
  return new Promise((resolve) => {
    child.on("close", (code) => resolve(code ?? -1));
    child.kill("SIGTERM");
  });
}

const saasFile = join(TEMPLATES, "saas.yaml");
const demoCsv = join(TEMPLATES, "saas.demo.csv");

describe("serve, admin, import and export on the embedded database", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "shihyo-serve-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("creates a user from stdin and a token for scripts", async () => {
    const user = await run(
      ["admin", "create-user", "--db", dir, "--email", "lead@example.com", "--role", "admin"],
      "s3cret-pass\n",
    );
    expect(user.code, user.stderr).toBe(0);
    const token = await run(["admin", "create-token", "--db", dir, "--role", "editor"]);
    expect(token.code, token.stderr).toBe(0);
    expect(token.stdout.trim()).toMatch(/^shy_[A-Za-z0-9_-]{20,}$/);
    expect(token.stdout.trim().split("\n")).toHaveLength(1);
    const bad = await run(["admin", "create-token", "--db", dir, "--role", "boss"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("owner, admin, editor, viewer");
  });

  it("imports a plan and its data through a running server, evaluates over HTTP, exports the same file, stops on SIGTERM", async () => {
    const token = (await run(["admin", "create-token", "--db", dir, "--role", "admin"])).stdout.trim();
    const server = await startServer(["--db", dir]);
    try {
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(200);
      const imported = await run(["import", saasFile, demoCsv, "--server", server.url, "--token", token]);
      expect(imported.code, imported.stderr).toBe(0);
      const planId = imported.stdout.trim();
      expect(imported.stderr).toMatch(/\d+ inserted, 0 updated, 0 unchanged/);
      const again = await run([
        "import",
        demoCsv,
        "--plan",
        planId,
        "--server",
        server.url,
        "--token",
        token,
      ]);
      expect(again.stderr).toMatch(/0 inserted, 0 updated, \d+ unchanged/);

      const exported = await run(["export", "--plan", planId, "--server", server.url, "--token", token]);
      expect(exported.code, exported.stderr).toBe(0);
      const original = parseKpiFile(await readFile(saasFile, "utf8"));
      if (!original.ok) throw new Error("template must parse");
      expect(exported.stdout.trim()).toBe(writeKpiFile(original.plan).trim());

      const api = await fetch(
        `${server.url}/api/v1/plans/${planId}/evaluation?period=FY2026-Q3&asOf=2026-11-20`,
        {
          headers: { authorization: `Bearer ${token}` },
        },
      );
      expect(api.status).toBe(200);
      const cli = await run([
        "eval",
        saasFile,
        "--data",
        demoCsv,
        "--period",
        "FY2026-Q3",
        "--as-of",
        "2026-11-20",
        "--json",
      ]);
      expect(await api.json()).toEqual(JSON.parse(cli.stdout));
    } finally {
      expect(await stop(server.child)).toBe(0);
    }
  });

  it("refuses a second process on the same directory with a clear message", async () => {
    const first = await startServer(["--db", dir]);
    try {
      const second = await run(["serve", "--db", dir, "--port", "0"]);
      expect(second.code).toBe(2);
      expect(second.stderr).toContain(dir);
    } finally {
      await stop(first.child);
    }
  });

  it("a second SIGTERM during the shutdown still releases the directory for the next start", async () => {
    const first = await startServer(["--db", dir]);
    const code = await new Promise<number>((resolve) => {
      first.child.on("close", (exit) => resolve(exit ?? -1));
      first.child.kill("SIGTERM");
      first.child.kill("SIGTERM");
    });
    expect(code).toBe(0);
    const next = await startServer(["--db", dir]);
    expect(await stop(next.child)).toBe(0);
  });

  it("works offline on the database: import and export with --db", async () => {
    const offline = await mkdtemp(join(tmpdir(), "shihyo-offline-"));
    try {
      await run(
        ["admin", "create-user", "--db", offline, "--email", "a@example.com", "--role", "owner"],
        "password1\n",
      );
      const imported = await run(["import", join(TEMPLATES, "sales.yaml"), "--db", offline]);
      expect(imported.code, imported.stderr).toBe(0);
      const exported = await run(["export", "--plan", imported.stdout.trim(), "--db", offline]);
      const original = parseKpiFile(await readFile(join(TEMPLATES, "sales.yaml"), "utf8"));
      if (!original.ok) throw new Error("template must parse");
      expect(exported.stdout.trim()).toBe(writeKpiFile(original.plan).trim());
    } finally {
      await rm(offline, { recursive: true, force: true });
    }
  });

  it("--demo seeds an empty database once and prints the login", async () => {
    const demo = await mkdtemp(join(tmpdir(), "shihyo-demo-"));
    try {
      const server = await startServer(["--db", demo, "--demo"]);
      const login = /Email:\s+(\S+)\s+Password:\s+(\S+)/.exec(server.log());
      expect(login).not.toBeNull();
      const session = await fetch(`${server.url}/api/v1/session`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: login![1], password: login![2] }),
      });
      expect(session.status).toBe(200);
      expect(await stop(server.child)).toBe(0);
      const again = await startServer(["--db", demo, "--demo"]);
      expect(again.log()).not.toMatch(/Password:/);
      await stop(again.child);
    } finally {
      await rm(demo, { recursive: true, force: true });
    }
  });
});

const withPostgres = postgresAvailable();

describe.skipIf(!withPostgres)("two instances on one PostgreSQL behave as one", () => {
  let database: TestDatabase;
  let url: string;
  beforeAll(async () => {
    database = await createTestDatabase("postgres");
    url = database.target.url!;
  });
  afterAll(async () => {
    await database?.dispose();
  });

  it("starts two instances together (migrations once), writes through one and reads through the other", async () => {
    const [a, b] = await Promise.all([startServer(["--db", url]), startServer(["--db", url])]);
    try {
      const token = (await run(["admin", "create-token", "--db", url, "--role", "admin"])).stdout.trim();
      const imported = await run(["import", saasFile, "--server", a.url, "--token", token]);
      expect(imported.code, imported.stderr).toBe(0);
      const planId = imported.stdout.trim();
      const auth = { authorization: `Bearer ${token}` };
      const viaB = await fetch(`${b.url}/api/v1/plans/${planId}/export`, { headers: auth });
      expect(viaB.status).toBe(200);
      // A measurement written through A is evaluated by B.
      const write = await fetch(`${a.url}/api/v1/plans/${planId}/measurements`, {
        method: "POST",
        headers: { ...auth, "content-type": "application/json" },
        body: JSON.stringify({ rows: [{ node: "visitors", period: "2026-10-01", value: 1234 }] }),
      });
      expect(await write.json()).toMatchObject({ inserted: 1, updated: 0, unchanged: 0 });
      const evaluation = await fetch(
        `${b.url}/api/v1/plans/${planId}/evaluation?period=2026-10&asOf=2026-10-31`,
        {
          headers: auth,
        },
      );
      const visitors = ((await evaluation.json()) as { nodes: { id: string; actual: number }[] }).nodes.find(
        (n) => n.id === "visitors",
      );
      expect(visitors?.actual).toBe(1234);
    } finally {
      await Promise.all([stop(a.child), stop(b.child)]);
    }
  });
});
