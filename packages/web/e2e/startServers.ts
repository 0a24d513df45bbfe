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
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort, stop, waitForOutput } from "./processes";

const webDir = fileURLToPath(new URL("..", import.meta.url));
const repoDir = join(webDir, "..", "..");

async function servesWebApp(url: string): Promise<boolean> {
  try {
    const response = await fetch(url);
    return response.ok && (await response.text()).includes('<div id="root">');
  } catch {
    return false;
  }
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
      {
        cwd: repoDir,
        stdio: ["ignore", "pipe", "pipe"],
        // The specs sign in as the demo owner more often in a few minutes than the sign-in limit
        // allows a person (10 per address per 15 minutes, successes included).
        env: { ...process.env, SHIHYO_HOST: "127.0.0.1", SHIHYO_LOGIN_MAX_PER_EMAIL: "1000" },
      },
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
