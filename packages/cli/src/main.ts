import { readFileSync } from "node:fs";
import { type ParseArgsConfig, parseArgs } from "node:util";
import { readEnvironment } from "./environment.js";
import { type CliMessages, cliMessages, type Lang } from "./messages.js";

/** A problem with what the user typed or gave us: printed as is, exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

export type Options = Record<string, string | boolean | string[] | undefined>;

export interface CommandInput {
  positionals: string[];
  options: Options;
  /** Language chosen by --lang or the environment; a plan's calendar.locale applies when neither is set. */
  lang: Lang;
  langExplicit: boolean;
  messages: CliMessages;
  env: ReturnType<typeof readEnvironment>;
  output: Output;
}

type Command = (input: CommandInput) => Promise<number>;

const COMMON: ParseArgsConfig["options"] = {
  lang: { type: "string" },
  help: { type: "boolean", short: "h" },
  json: { type: "boolean" },
};
const PLAN_OPTIONS: ParseArgsConfig["options"] = {
  ...COMMON,
  "as-of": { type: "string" },
  data: { type: "string", multiple: true },
  period: { type: "string" },
};

const COMMANDS: Record<
  string,
  { options: ParseArgsConfig["options"]; help: keyof CliMessages; load: () => Promise<Command> }
> = {
  init: {
    options: { ...COMMON, template: { type: "string", short: "t" }, force: { type: "boolean" } },
    help: "initHelp",
    load: async () => (await import("./commands/init.js")).init,
  },
  check: {
    options: { ...PLAN_OPTIONS, rules: { type: "boolean" } },
    help: "checkHelp",
    load: async () => (await import("./commands/check.js")).check,
  },
  tree: {
    options: { ...PLAN_OPTIONS, segment: { type: "string" } },
    help: "treeHelp",
    load: async () => (await import("./commands/tree.js")).tree,
  },
  eval: {
    options: { ...PLAN_OPTIONS, segment: { type: "string" } },
    help: "evalHelp",
    load: async () => (await import("./commands/evaluate.js")).evaluate,
  },
  solve: {
    options: {
      ...PLAN_OPTIONS,
      node: { type: "string" },
      for: { type: "string" },
      shape: { type: "string" },
    },
    help: "solveHelp",
    load: async () => (await import("./commands/solve.js")).solve,
  },
  sensitivity: {
    options: { ...PLAN_OPTIONS, node: { type: "string" }, basis: { type: "string" } },
    help: "sensitivityHelp",
    load: async () => (await import("./commands/sensitivity.js")).sensitivity,
  },
  explain: {
    options: { ...PLAN_OPTIONS, node: { type: "string" }, segment: { type: "string" } },
    help: "explainHelp",
    load: async () => (await import("./commands/explain.js")).explain,
  },
};

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

const stdio: Output = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
};

/** Runs the CLI; answers the exit code. Never lets a stack trace reach the user. */
export async function main(argv: string[], output: Output = stdio): Promise<number> {
  const env = readEnvironment();
  const langFlag = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  const langValue =
    langFlag >= 0
      ? argv[langFlag]!.includes("=")
        ? argv[langFlag]!.split("=")[1]
        : argv[langFlag + 1]
      : undefined;
  const lang: Lang = langValue === "ja" || langValue === "en" ? langValue : (env.envLang ?? "en");
  const messages = () => cliMessages[lang];
  try {
    if (langValue !== undefined && langValue !== "ja" && langValue !== "en")
      throw new UsageError(messages().badLang({ value: langValue }));
    const [name, ...rest] = argv;
    if (name === "--version" || name === "-v" || name === "version") {
      output.out(version());
      return 0;
    }
    if (name === undefined || name === "--help" || name === "-h" || name === "help") {
      output.out(messages().usage());
      return name === undefined ? 2 : 0;
    }
    const spec = COMMANDS[name];
    if (!spec) {
      const { closestCommand } = await import("./closestCommand.js");
      throw new UsageError(
        messages().unknownCommand({ command: name, suggestion: closestCommand(name, Object.keys(COMMANDS)) }),
      );
    }
    let parsed: { values: Options; positionals: string[] };
    try {
      parsed = parseArgs({ args: rest, options: spec.options, allowPositionals: true, strict: true }) as {
        values: Options;
        positionals: string[];
      };
    } catch (error) {
      throw new UsageError(messages().badOption({ detail: (error as Error).message.split("\n")[0]! }));
    }
    if (parsed.values.help) {
      output.out((messages()[spec.help] as () => string)());
      return 0;
    }
    const command = await spec.load();
    return await command({
      positionals: parsed.positionals,
      options: parsed.values,
      lang,
      langExplicit: langValue !== undefined,
      messages: messages(),
      env,
      output,
    });
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(error.message);
      return error.exitCode;
    }
    const { describeError } = await import("./describeError.js");
    const described = await describeError(error, lang);
    if (described) {
      output.err(described);
      return 2;
    }
    output.err(messages().internalError({ detail: (error as Error)?.message ?? String(error) }));
    if (env.debug) output.err((error as Error)?.stack ?? "");
    return 70;
  }
}
