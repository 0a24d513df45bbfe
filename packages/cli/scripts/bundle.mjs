/**
 * Bundles the compiled CLI (dist/, from `tsc -b`) and the packages it uses into dist/bundle/:
 * a few files instead of ~1,500 modules, so `shihyo serve` is ready sooner (module loading was
 * most of its start-up). Code split at the CLI's dynamic imports: `shihyo --version` still
 * loads only the small entry chunk. bin/shihyo.js uses the bundle when it is newer than every
 * compiled package, else dist/main.js.
 *
 * Kept outside the bundle: native addons (found beside their own files) and packages that read
 * files next to their own code (Swagger UI's assets, pino's worker transports).
 */
import { rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const cliDir = fileURLToPath(new URL("..", import.meta.url));
const outdir = `${cliDir}dist/bundle`;

await rm(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: cliDir,
  entryPoints: { main: "dist/main.js" },
  outdir,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  external: [
    "better-sqlite3",
    "argon2",
    "pg-native",
    "@fastify/static",
    "@fastify/swagger",
    "@fastify/swagger-ui",
    "pino",
    "pino-pretty",
  ],
  // CommonJS dependencies call require(); an ES module has none of its own.
  banner: {
    js: 'import { createRequire as __shihyoRequire } from "node:module";\nconst require = __shihyoRequire(import.meta.url);',
  },
  logLevel: "warning",
});
