/**
 * Vitest global setup: compiles the CLI (and the packages it uses) once before any test runs,
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
  const error = await new Promise<string | null>((resolve) => {
    execFile(
      "npx",
      ["tsc", "-b", "packages/cli"],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024, timeout: 300_000 },
      (failure, stdout, stderr) => resolve(failure ? `${failure.message}\n${stdout}\n${stderr}` : null),
    );
  });
  project.provide("cliBuildError", error);
}
