/**
 * `npm run bench [-- --json] [-- --only engine,...]`
 *
 * Runs the bench modules in order. People read the summary on stderr; with `--json`,
 * stdout gets exactly one JSON document, one key per module:
 * `{"engine": {...}}` (later also "server", "web"). A module that fails (say, the engine
 * and the floor disagree) makes the whole run fail with its message.
 */
import type { BenchModule, JsonValue } from "./benchModule.js";
import { engineBench } from "./engineBench.js";
import { collectGarbage } from "./measure.js";
import { serverBench } from "./serverBench.js";
import { startupBench } from "./startupBench.js";
import { webBench } from "./webBench.js";

/** Every section, in the order they run. Add a module here to add a key to the document. */
const MODULES: readonly BenchModule[] = [engineBench, serverBench, startupBench, webBench];

/** A wrong command line: reported without a stack trace. */
class UsageError extends Error {}

interface Options {
  json: boolean;
  only: string[] | null;
}

function parseArguments(args: readonly string[]): Options {
  const options: Options = { json: false, only: null };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--json") options.json = true;
    else if (arg === "--only" || arg.startsWith("--only=")) {
      const value = arg === "--only" ? args[++i] : arg.slice("--only=".length);
      if (!value) throw new UsageError("--only needs a module name, e.g. --only engine");
      options.only = value.split(",").map((s) => s.trim());
    } else if (arg === "--help" || arg === "-h") {
      process.stderr.write(
        `usage: npm run bench -- [--json] [--only ${MODULES.map((m) => m.key).join(",")}]\n` +
          MODULES.map((m) => `  ${m.key}: ${m.description}\n`).join(""),
      );
      process.exit(0);
    } else throw new UsageError(`unknown argument: ${arg} (accepted: --json, --only <module>[,<module>])`);
  }
  const unknown = (options.only ?? []).filter((key) => !MODULES.some((m) => m.key === key));
  if (unknown.length > 0)
    throw new UsageError(
      `unknown bench module: ${unknown.join(", ")} (known: ${MODULES.map((m) => m.key).join(", ")})`,
    );
  return options;
}

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const selected = MODULES.filter((m) => options.only === null || options.only.includes(m.key));
  const document: { [key: string]: JsonValue } = {};
  const started = performance.now();
  log(`bench: node ${process.version}, ${process.platform}/${process.arch}`);
  for (const module of selected) {
    log(`\n[${module.key}] ${module.description}`);
    const moduleStarted = performance.now();
    document[module.key] = await module.run(log);
    log(`[${module.key}] done in ${((performance.now() - moduleStarted) / 1000).toFixed(1)} s`);
    collectGarbage();
  }
  log(`\nbench: ${((performance.now() - started) / 1000).toFixed(1)} s in all`);
  for (const [key, section] of Object.entries(document)) log(`${key}: ${JSON.stringify(section)}`);
  if (options.json) process.stdout.write(`${JSON.stringify(document)}\n`);
}

main().catch((error: unknown) => {
  const text =
    error instanceof UsageError
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
  process.stderr.write(`bench failed: ${text}\n`);
  process.exitCode = 1;
});
