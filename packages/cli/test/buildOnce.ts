/**
 * Vitest global setup: compiles the CLI (and the packages it uses) and bundles it
 * (scripts/bundle.mjs) once before any test runs,
 * so the end-to-end tests never run a stale `bin/shihyo.js` → `dist/`. `tsc -b` is incremental:
 * a few seconds when nothing changed.
 *
 * A failed build does not abort the whole run (the engine's and datafile's own tests run on
 * the sources and need no build); it is handed to the end-to-end tests, which fail with the
 * compiler's output.
 */
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** The compiler's output when `tsc -b packages/cli` failed, else null. */
    cliBuildError: string | null;
  }
}

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

export default async function buildOnce(project: TestProject): Promise<void> {
  const error =
    (await step("npx", ["tsc", "-b", "packages/cli"])) ??
    (await step(process.execPath, ["packages/cli/scripts/bundle.mjs"]));
  project.provide("cliBuildError", error);
}

/** Runs one build step; its output when it failed, else null. */
function step(command: string, args: string[]): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024, timeout: 300_000 },
      (failure, stdout, stderr) => resolve(failure ? `${failure.message}\n${stdout}\n${stderr}` : null),
    );
  });
}
