/**
 * Start-up of `shihyo serve` on an existing embedded database (issue goal: ready in under 1 s).
 *
 * A directory is migrated once; then, alternating, RUNS times each: the real binary
 * (`bin/shihyo.js`, which runs the esbuild bundle when it is current) and the same compiled code
 * unbundled (`dist/main.js` imported directly), each timed from spawn to its "listening" line
 * and stopped with SIGTERM. Baseline: `node -e 0`, the floor of any Node program here. Needs a
 * build (`npm run build`): without one the section says so and fails.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openStore } from "@shihyo/store";
import type { BenchModule } from "./benchModule.js";
import { median } from "./measure.js";

const RUNS = 9;
const GOAL_MS = 1000;
const CLI = fileURLToPath(new URL("../packages/cli/", import.meta.url));
const BIN = join(CLI, "bin/shihyo.js");
const DIST_MAIN = join(CLI, "dist/main.js");
const BUNDLE_MAIN = join(CLI, "dist/bundle/main.js");

function timeUntil(args: string[], pattern: RegExp | null): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child: ChildProcess = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    let ready: number | null = null;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (pattern && ready === null && pattern.test(output)) {
        ready = performance.now() - started;
        child.kill("SIGTERM");
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      if (pattern === null) resolve(performance.now() - started);
      else if (ready !== null) resolve(ready);
      else reject(new Error(`exited with ${code} before it was ready:\n${output}`));
    });
  });
}

export const startupBench: BenchModule = {
  key: "startup",
  description: "shihyo serve ready time on an existing embedded database: bundled vs unbundled vs node -e 0",
  async run(log) {
    if (!existsSync(DIST_MAIN) || !existsSync(BUNDLE_MAIN))
      throw new Error("packages/cli is not built: run `npm run build` first");
    const bundleCurrent =
      statSync(BUNDLE_MAIN).mtimeMs >=
      statSync(join(CLI, "tsconfig.tsbuildinfo"), { throwIfNoEntry: false })!.mtimeMs;
    if (!bundleCurrent)
      log("  note: the bundle is older than the compiled CLI; bin/shihyo.js runs dist/ (npm run build)");
    const dir = mkdtempSync(join(tmpdir(), "shihyo-startup-"));
    try {
      await (await openStore({ dir })).close();
      const listening = /listening on/i;
      const serve = ["serve", "--db", dir, "--port", "0"];
      const unbundled = [
        "--input-type=module",
        "-e",
        `const { main } = await import(${JSON.stringify(DIST_MAIN)}); process.exitCode = await main(${JSON.stringify(serve)});`,
      ];
      const bundled: number[] = [];
      const plain: number[] = [];
      const floor: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        bundled.push(await timeUntil([BIN, ...serve], listening));
        plain.push(await timeUntil(unbundled, listening));
        floor.push(await timeUntil(["-e", "0"], null));
      }
      const list = (times: number[]) => times.map((t) => t.toFixed(0)).join(", ");
      log(`  bin/shihyo.js serve: ${list(bundled)} ms`);
      log(`  unbundled dist/:     ${list(plain)} ms`);
      log(`  node -e 0:           ${list(floor)} ms`);
      const readyMs = median(bundled);
      const result = {
        readyMs: Math.round(readyMs),
        unbundledReadyMs: Math.round(median(plain)),
        nodeFloorMs: Math.round(median(floor)),
        ratioToUnbundled: Math.round((readyMs / median(plain)) * 1000) / 1000,
        goalMs: GOAL_MS,
        met: readyMs < GOAL_MS,
        bundleCurrent,
      };
      log(
        `  ready: median ${result.readyMs} ms vs unbundled ${result.unbundledReadyMs} ms (${result.ratioToUnbundled}×), ` +
          `node -e 0 ${result.nodeFloorMs} ms (goal < ${GOAL_MS} ms: ${result.met ? "met" : "NOT met"})`,
      );
      return result;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
