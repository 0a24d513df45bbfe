/**
 * The web benchmark (issue goals: initial JavaScript under 300 KB gzipped; a dashboard of 50
 * KPIs interactive in under 1 s in headless Chromium on this machine).
 *
 * 1. Size: the production build (`vite build` into a temporary directory); the initial
 *    JavaScript is what index.html loads before any route asks for more: its module script and
 *    the chunks it preloads, each gzipped (level 9). Baseline in the same run: a bare React app
 *    (react + react-dom rendering one element) built by the same Vite, so the ratio says how
 *    much the app adds to React itself.
 * 2. Dashboard: the real server (in this process, SQLite in a temporary directory) serving that
 *    build; a plan with 1 KGI (the sum of 50 KPIs in 5 departments) and a year of daily data
 *    pushed through the API. Debian's Chromium (playwright, headless) opens the dashboard signed
 *    in, in a fresh context each time (no HTTP cache), and a script installed before the page's
 *    own records `performance.now()` (milliseconds since navigation started) on the first frame
 *    where all 50 KPI cards show a status and nothing is loading. One warm-up load first (it builds the server's evaluator);
 *    then the median of RUNS loads. Baseline (floor) in the same browser and origin: a
 *    hand-written page that fetches the same two JSON documents and writes 50 cards with
 *    innerHTML, measured the same way.
 *
 * Without Chromium (`/usr/bin/chromium`, or SHIHYO_CHROMIUM) the dashboard part is skipped
 * with a notice and its numbers are null; the size part always runs.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { buildServer, DEFAULT_CONFIG } from "@shihyo/server";
import { openStore } from "@shihyo/store";
import type { BenchModule, JsonValue } from "./benchModule.js";
import { BENCH_OWNER, createBenchOwner } from "./benchOwner.js";
import { median, significant } from "./measure.js";

/** The session cookie's name (the server's auth/authenticate.ts). */
const SESSION_COOKIE = "shihyo_session";
const KPIS = 50;
const RUNS = 7;
const GOAL_INITIAL_JS_GZIP_KB = 300;
const GOAL_DASHBOARD_MS = 1000;
const PERIOD = "FY2026-Q2";
const FIRST_DAY = "2025-10-01";
const LAST_DAY = "2026-09-30";
const DEPARTMENTS = ["sales", "marketing", "customer-success", "product", "finance"];
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

const REPO = fileURLToPath(new URL("..", import.meta.url));
const WEB = join(REPO, "packages/web");
const VITE = join(REPO, "node_modules/vite/bin/vite.js");

/** The gzipped size (KB) of what index.html loads first: its module script and preloaded chunks. */
function initialJsGzipKb(dist: string): { kb: number; files: string[] } {
  const html = readFileSync(join(dist, "index.html"), "utf8");
  const files = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((m) => m[1]!.replace(/^\//, ""));
  if (files.length === 0) throw new Error(`no module script in ${dist}/index.html`);
  const bytes = files.reduce(
    (sum, file) => sum + gzipSync(readFileSync(join(dist, file)), { level: 9 }).length,
    0,
  );
  return { kb: bytes / 1024, files };
}

function viteBuild(root: string, outDir: string): void {
  execFileSync(
    process.execPath,
    [VITE, "build", "--outDir", outDir, "--emptyOutDir", "--logLevel", "error"],
    {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
    },
  );
}

/** A bare React app (one element), built by the same Vite: the size baseline. */
function buildBareReact(outDir: string): void {
  // Inside packages/web so that `react` resolves from the workspace.
  const root = mkdtempSync(join(WEB, ".bench-bare-react-"));
  try {
    writeFileSync(
      join(root, "index.html"),
      '<!doctype html><html><body><div id="root"></div><script type="module" src="./main.js"></script></body></html>',
    );
    writeFileSync(
      join(root, "main.js"),
      'import { createElement } from "react";\nimport { createRoot } from "react-dom/client";\n' +
        'createRoot(document.getElementById("root")).render(createElement("p", null, "hello"));\n',
    );
    writeFileSync(join(root, "vite.config.js"), "export default {};\n");
    viteBuild(root, outDir);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** The bench plan: KGI `total` = k01 + … + k50, each KPI summed from daily data, monthly targets. */
function benchPlanYaml(): string {
  const ids = Array.from({ length: KPIS }, (_, i) => `k${String(i + 1).padStart(2, "0")}`);
  const months = ["2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09"];
  const lines = [
    "version: 1",
    "name: Web bench, 50 KPIs",
    "calendar: { fiscalYearStart: 4, timezone: Asia/Tokyo }",
    "nodes:",
    "  - { id: total, role: kgi, name: Total, unit: count, direction: up, cadence: quarter, grain: day, " +
      `aggregation: sum, formula: "${ids.join(" + ")}" }`,
  ];
  ids.forEach((id, i) => {
    const targets = months.map((m) => `${m}: ${3000 + i * 10}`).join(", ");
    lines.push(
      `  - { id: ${id}, role: kpi, parent: total, name: "KPI ${i + 1}", unit: count, direction: up, ` +
        `cadence: month, grain: day, aggregation: sum, department: ${DEPARTMENTS[i % DEPARTMENTS.length]}, ` +
        `owner: owner-${i % 7}, targets: { ${targets} } }`,
    );
  });
  return `${lines.join("\n")}\n`;
}

function benchRows(): { node: string; period: string; value: number }[] {
  const rows: { node: string; period: string; value: number }[] = [];
  const last = Date.parse(`${LAST_DAY}T00:00:00Z`);
  for (let day = Date.parse(`${FIRST_DAY}T00:00:00Z`), d = 0; day <= last; day += 86_400_000, d++) {
    const period = new Date(day).toISOString().slice(0, 10);
    for (let k = 1; k <= KPIS; k++)
      rows.push({ node: `k${String(k).padStart(2, "0")}`, period, value: 90 + ((d * 7 + k * 13) % 30) });
  }
  return rows;
}

/** The floor: the same two documents fetched and 50 cards written by hand. */
const FLOOR_PAGE = (planId: string) => `<!doctype html><html><body><main id="m">loading</main><script>
(async () => {
  const base = "/api/v1/plans/${planId}";
  const [nodes, evaluation] = await Promise.all([
    fetch(base + "/nodes").then((r) => r.json()),
    fetch(base + "/evaluation?period=${PERIOD}").then((r) => r.json()),
  ]);
  const byId = new Map(evaluation.nodes.map((n) => [n.id, n]));
  document.getElementById("m").innerHTML = nodes
    .filter((n) => n.role === "kpi")
    .map((n) => { const e = byId.get(n.id); return '<article class="kpi-card"><h4>' + n.name + '</h4><span data-status>' +
      e.status + '</span> ' + e.actual + ' / ' + e.target + '</article>'; })
    .join("");
})();
</script></body></html>`;

/**
 * Installed in the page before its own scripts (an init script): checks on every frame and
 * records `performance.now()` (milliseconds since navigation started) on the first frame where
 * every KPI card shows its status and nothing is loading. Watching from inside the page keeps
 * Playwright's own polling script out of the load being measured.
 */
const WATCH_READY = `(() => {
  const check = () => {
    const cards = document.querySelectorAll(".kpi-card [data-status]").length;
    const busy = document.querySelector('[aria-busy="true"]');
    if (cards >= ${KPIS} && !busy) window.__shihyoReadyMs = performance.now();
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})()`;

interface Browser {
  newContext(options: object): Promise<Context>;
  close(): Promise<void>;
}
interface Context {
  addCookies(cookies: object[]): Promise<void>;
  addInitScript(script: string): Promise<void>;
  newPage(): Promise<Page>;
  route(url: string, handler: (route: { fulfill(r: object): Promise<void> }) => Promise<void>): Promise<void>;
  close(): Promise<void>;
}
interface Page {
  goto(url: string): Promise<unknown>;
  waitForFunction(
    expression: string,
    arg?: unknown,
    options?: object,
  ): Promise<{ jsonValue(): Promise<unknown> }>;
}

async function loadMs(
  browser: Browser,
  url: string,
  cookie: object,
  floorHtml: string | null,
): Promise<number> {
  const context = await browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo" });
  try {
    await context.addCookies([cookie]);
    await context.addInitScript(WATCH_READY);
    if (floorHtml !== null)
      await context.route("**/bench-floor", (route) =>
        route.fulfill({ status: 200, contentType: "text/html", body: floorHtml }),
      );
    const page = await context.newPage();
    await page.goto(url);
    const handle = await page.waitForFunction("window.__shihyoReadyMs", undefined, { timeout: 30_000 });
    return Number(await handle.jsonValue());
  } finally {
    await context.close();
  }
}

async function dashboardTimes(
  dist: string,
  log: (line: string) => void,
): Promise<{ appMs: number; floorMs: number; firstAppMs: number } | null> {
  const chromium = process.env.SHIHYO_CHROMIUM ?? "/usr/bin/chromium";
  if (!existsSync(chromium)) {
    log(`  dashboard: SKIPPED — no Chromium at ${chromium} (apt-get install chromium)`);
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), "shihyo-web-bench-"));
  const store = await openStore({ dir });
  const app = buildServer({
    store,
    config: { ...DEFAULT_CONFIG, logLevel: "silent" },
    logger: false,
    webRoot: dist,
  });
  const { chromium: launcher } = await import("@playwright/test");
  let browser: Browser | null = null;
  try {
    await app.listen({ host: "127.0.0.1", port: 0 });
    const { port } = app.server.address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;
    await createBenchOwner(store);

    const login = await fetch(`${base}/api/v1/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(BENCH_OWNER),
    });
    if (!login.ok) throw new Error(`sign-in answered ${login.status}: ${await login.text()}`);
    const setCookie = login.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    if (!setCookie) throw new Error("sign-in set no session cookie");
    const [name, value] = setCookie.split(";")[0]!.split("=") as [string, string];
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { cookie: `${name}=${value}`, "x-csrf-token": csrfToken };

    const created = await fetch(`${base}/api/v1/plans`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/yaml" },
      body: benchPlanYaml(),
    });
    if (created.status !== 201)
      throw new Error(`plan import answered ${created.status}: ${await created.text()}`);
    const { id: planId } = (await created.json()) as { id: string };
    const rows = benchRows();
    const pushed = await fetch(`${base}/api/v1/plans/${planId}/measurements`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ rows }),
    });
    if (!pushed.ok) throw new Error(`data push answered ${pushed.status}: ${await pushed.text()}`);
    log(
      `  dashboard: plan of ${KPIS} KPIs, ${rows.length.toLocaleString("en")} daily rows, period ${PERIOD}`,
    );

    browser = (await launcher.launch({
      executablePath: chromium,
      args: CHROMIUM_ARGS,
    })) as unknown as Browser;
    const cookie = { name, value, domain: "127.0.0.1", path: "/", httpOnly: true, sameSite: "Lax" };
    const appUrl = `${base}/?plan=${planId}&period=${PERIOD}`;
    const floorUrl = `${base}/bench-floor`;
    const floorHtml = FLOOR_PAGE(planId);
    const firstAppMs = await loadMs(browser, appUrl, cookie, null);
    await loadMs(browser, floorUrl, cookie, floorHtml);
    const appTimes: number[] = [];
    const floor: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      appTimes.push(await loadMs(browser, appUrl, cookie, null));
      floor.push(await loadMs(browser, floorUrl, cookie, floorHtml));
    }
    log(
      `  dashboard: app ${appTimes.map((t) => t.toFixed(0)).join(", ")} ms; floor ${floor.map((t) => t.toFixed(0)).join(", ")} ms`,
    );
    return { appMs: median(appTimes), floorMs: median(floor), firstAppMs };
  } finally {
    await browser?.close();
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const webBench: BenchModule = {
  key: "web",
  description: `initial JS size (gzip) vs a bare React app; ${KPIS}-KPI dashboard ready time in headless Chromium vs a hand-written page`,
  async run(log) {
    const work = mkdtempSync(join(tmpdir(), "shihyo-web-build-"));
    try {
      const dist = join(work, "app");
      const bare = join(work, "bare");
      mkdirSync(dist);
      viteBuild(WEB, dist);
      buildBareReact(bare);
      const appSize = initialJsGzipKb(dist);
      const bareSize = initialJsGzipKb(bare);
      const sizeRatio = significant(appSize.kb / bareSize.kb, 3);
      log(
        `  initial JS: ${appSize.kb.toFixed(1)} KB gzip (${appSize.files.length} files) vs bare React ` +
          `${bareSize.kb.toFixed(1)} KB → ${sizeRatio}× (goal < ${GOAL_INITIAL_JS_GZIP_KB} KB: ` +
          `${appSize.kb < GOAL_INITIAL_JS_GZIP_KB ? "met" : "NOT met"})`,
      );
      const times = await dashboardTimes(dist, log);
      const result: { [key: string]: JsonValue } = {
        initialJsGzipKb: significant(appSize.kb, 4),
        bareReactGzipKb: significant(bareSize.kb, 4),
        sizeRatioToBareReact: sizeRatio,
        goalInitialJsGzipKb: GOAL_INITIAL_JS_GZIP_KB,
        kpis: KPIS,
        dashboardReadyMs: times ? significant(times.appMs, 4) : null,
        dashboardFirstLoadMs: times ? significant(times.firstAppMs, 4) : null,
        floorReadyMs: times ? significant(times.floorMs, 4) : null,
        ratioToFloor: times ? significant(times.appMs / times.floorMs, 3) : null,
        goalDashboardMs: GOAL_DASHBOARD_MS,
      };
      if (times)
        log(
          `  dashboard ready: median ${times.appMs.toFixed(0)} ms (first load ${times.firstAppMs.toFixed(0)} ms) vs floor ` +
            `${times.floorMs.toFixed(0)} ms → ${result.ratioToFloor}× (goal < ${GOAL_DASHBOARD_MS} ms: ` +
            `${times.appMs < GOAL_DASHBOARD_MS ? "met" : "NOT met"})`,
        );
      return result;
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  },
};
