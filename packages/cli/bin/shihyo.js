#!/usr/bin/env node
// Kept tiny: the command modules (and the engine) load only when a command needs them.
// The bundle (scripts/bundle.mjs) loads faster; it is used only when it is newer than every
// compiled package, so a `tsc -b` without re-bundling never runs stale code.
import { statSync } from "node:fs";

const mtime = (relative) =>
  statSync(new URL(relative, import.meta.url), { throwIfNoEntry: false })?.mtimeMs ?? 0;
const bundled = mtime("../dist/bundle/main.js");
const compiled = Math.max(
  ...["cli", "engine", "datafile", "store", "server"].map((p) => mtime(`../../${p}/tsconfig.tsbuildinfo`)),
);
const { main } = await import(
  bundled > 0 && bundled >= compiled ? "../dist/bundle/main.js" : "../dist/main.js"
);

process.exitCode = await main(process.argv.slice(2));
