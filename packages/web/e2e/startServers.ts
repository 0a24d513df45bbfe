/**
 * Playwright global setup: starts the REAL Shihyo server (`shihyo serve --demo`) on a fresh
 * temporary database and a free port, reads the demo sign-in from its stderr, and finds the
 * web app: the server itself when it serves packages/web/dist, else `vite preview` forwarding
 * /api to it. SHIHYO_WEB_URL (with SHIHYO_E2E_EMAIL / SHIHYO_E2E_PASSWORD) points the tests at
 * an app that is already running instead. Answers the teardown.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const webDir = fileURLToPath(new URL("..", import.meta.url));
const repoDir = join(webDir, "..", "..");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** Waits until `pattern` shows up in a child's output, failing with everything it printed. */
function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(
      () => finish(new Error(`timed out waiting for ${pattern}; output:\n${output}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (pattern.test(output)) finish(null);
    };
    const onExit = (code: number | null) =>
      finish(new Error(`exited with ${code} before ${pattern}; output:\n${output}`));
    function finish(error: Error | null) {
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      child.stderr?.off("data", onData);
      child.off("exit", onExit);
      if (error) reject(error);
      else resolve(output);
    }
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", onExit);
  });
}

async function servesWebApp(url: string): Promise<boolean> {
  try {
    const response = await fetch(url);
    return response.ok && (await response.text()).includes('<div id="root">');
  } catch {
    return false;
  }
}

function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.pid === undefined) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

export default async function startServers(): Promise<() => Promise<void>> {
  if (process.env.SHIHYO_WEB_URL) {
    process.env.SHIHYO_E2E_BASE_URL = process.env.SHIHYO_WEB_URL;
    return async () => {};
  }
  // SHIHYO_WEB_ROOT: a build elsewhere (`vite build --outDir …`), served instead of dist/.
  const webRoot = process.env.SHIHYO_WEB_ROOT ?? join(webDir, "dist");
  if (!existsSync(join(webRoot, "index.html")))
    throw new Error(`${webRoot} has no build: run \`npm run build -w @shihyo/web\` first`);

  const dbDir = await mkdtemp(join(tmpdir(), "shihyo-web-e2e-"));
  const apiPort = await freePort();
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  let server: ChildProcess | undefined;
  let preview: ChildProcess | undefined;
  const teardown = async () => {
    await stop(preview);
    await stop(server);
    await rm(dbDir, { recursive: true, force: true });
  };
  try {
    server = spawn(
      process.execPath,
      [
        join(repoDir, "packages/cli/bin/shihyo.js"),
        "serve",
        "--db",
        dbDir,
        "--demo",
        "--port",
        String(apiPort),
      ],
      { cwd: repoDir, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, SHIHYO_HOST: "127.0.0.1" } },
    );
    const output = await waitForOutput(server, /listening on/i, 120_000);
    const email = /Email:\s+(\S+)/.exec(output)?.[1];
    const password = /Password:\s+(\S+)/.exec(output)?.[1];
    if (!email || !password) throw new Error(`no demo sign-in in the server's output:\n${output}`);
    process.env.SHIHYO_E2E_EMAIL = email;
    process.env.SHIHYO_E2E_PASSWORD = password;

    if (await servesWebApp(`${apiUrl}/`)) {
      process.env.SHIHYO_E2E_BASE_URL = apiUrl;
      process.stderr.write(`web app: served by shihyo serve at ${apiUrl}\n`);
    } else {
      // The server does not serve the web app (yet): the built app on Vite's preview server.
      const webPort = await freePort();
      preview = spawn(
        process.execPath,
        [
          join(repoDir, "node_modules/vite/bin/vite.js"),
          "preview",
          "--port",
          String(webPort),
          "--strictPort",
          "--host",
          "127.0.0.1",
        ],
        { cwd: webDir, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, SHIHYO_API_URL: apiUrl } },
      );
      await waitForOutput(preview, new RegExp(`127\\.0\\.0\\.1:${webPort}`), 30_000);
      process.env.SHIHYO_E2E_BASE_URL = `http://127.0.0.1:${webPort}`;
      process.stderr.write(
        `web app: vite preview at ${process.env.SHIHYO_E2E_BASE_URL}, /api forwarded to ${apiUrl}\n`,
      );
    }
    server.stdout?.resume();
    server.stderr?.resume();
    preview?.stdout?.resume();
    preview?.stderr?.resume();
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}
