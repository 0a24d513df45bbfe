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
  /**
   * Language chosen by --lang or the environment; a plan's calendar.locale applies when neither
   * is set: loadPlan updates `lang` and `messages` once it has read the file, so that errors
   * raised afterwards speak the file's language too.
   */
  lang: Lang;
  langExplicit: boolean;
  messages: CliMessages;
  env: ReturnType<typeof readEnvironment>;
  output: Output;
}

type Command = (input: CommandInput) => Promise<number>;

const BASE: ParseArgsConfig["options"] = {
  lang: { type: "string" },
  help: { type: "boolean", short: "h" },
};
const COMMON: ParseArgsConfig["options"] = { ...BASE, json: { type: "boolean" } };
const PLAN_INPUTS: ParseArgsConfig["options"] = {
  "as-of": { type: "string" },
  data: { type: "string", multiple: true },
  period: { type: "string" },
};
const PLAN_OPTIONS: ParseArgsConfig["options"] = { ...COMMON, ...PLAN_INPUTS };
/** Where import/export go: a running server (with a token) or a database directly. */
const TRANSFER: ParseArgsConfig["options"] = {
  server: { type: "string" },
  token: { type: "string" },
  db: { type: "string" },
  org: { type: "string" },
};

const COMMANDS: Record<
  string,
  { options: ParseArgsConfig["options"]; help: keyof CliMessages; load: () => Promise<Command> }
> = {
  init: {
    options: { ...BASE, template: { type: "string", short: "t" }, force: { type: "boolean" } },
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
  "demo-data": {
    // Prints CSV: no --json.
    options: {
      ...BASE,
      "as-of": { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      seed: { type: "string" },
    },
    help: "demoDataHelp",
    load: async () => (await import("./commands/demoData.js")).demoData,
  },
  serve: {
    options: {
      ...BASE,
      db: { type: "string" },
      port: { type: "string" },
      host: { type: "string" },
      demo: { type: "boolean" },
    },
    help: "serveHelp",
    load: async () => (await import("./commands/serve.js")).serve,
  },
  admin: {
    options: {
      ...BASE,
      db: { type: "string" },
      role: { type: "string" },
      org: { type: "string" },
      email: { type: "string" },
      name: { type: "string" },
    },
    help: "adminHelp",
    load: async () => (await import("./commands/admin.js")).admin,
  },
  import: {
    options: { ...BASE, ...TRANSFER, plan: { type: "string" } },
    help: "importHelp",
    load: async () => (await import("./commands/transfer.js")).importFiles,
  },
  export: {
    options: { ...BASE, ...TRANSFER, plan: { type: "string" }, out: { type: "string" } },
    help: "exportHelp",
    load: async () => (await import("./commands/transfer.js")).exportPlan,
  },
  explain: {
    options: { ...PLAN_OPTIONS, node: { type: "string" }, segment: { type: "string" } },
    help: "explainHelp",
    load: async () => (await import("./commands/explain.js")).explain,
  },
};

/** The CLI's version, from its package.json: one level up from dist/, two from dist/bundle/. */
function version(): string {
  for (const relative of ["../package.json", "../../package.json"]) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(relative, import.meta.url), "utf8")) as {
        name?: string;
        version: string;
      };
      if (pkg.name === "@shihyo/cli") return pkg.version;
    } catch {
      // Not here: the next place.
    }
  }
  return "unknown";
}

/** Nothing on stderr is coloured, so every control character there came from input. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finds control characters to replace
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

const stdio: Output = {
  out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => {
    const safe = text.replace(CONTROL, "\ufffd");
    process.stderr.write(safe.endsWith("\n") ? safe : `${safe}\n`);
  },
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
  let input: CommandInput | undefined;
  try {
    if (langValue !== undefined && langValue !== "ja" && langValue !== "en")
      throw new UsageError(messages().badLang({ value: langValue }));
    const [name, ...rest] = argv;
    if (name === "--version" || name === "-v" || name === "version") {
      output.out(version());
      return 0;
    }
    if (name === undefined) {
      // No command is bad usage: the usage goes to stderr, stdout stays empty.
      output.err(messages().usage());
      return 2;
    }
    if (name === "--help" || name === "-h" || name === "help") {
      output.out(messages().usage());
      return 0;
    }
    const spec = COMMANDS[name];
    if (!spec) {
      const { closestCommand } = await import("./closestCommand.js");
      throw new UsageError(
        messages().unknownCommand({ command: name, suggestion: closestCommand(name, Object.keys(COMMANDS)) }),
      );
    }
    // --help wins over anything else on the line, even a mistyped option.
    const beforeTerminator = rest.includes("--") ? rest.slice(0, rest.indexOf("--")) : rest;
    if (beforeTerminator.includes("--help") || beforeTerminator.includes("-h")) {
      output.out((messages()[spec.help] as () => string)());
      return 0;
    }
    const parsed = await parseOptions(rest, spec.options ?? {}, messages());
    if (parsed.values.help) {
      output.out((messages()[spec.help] as () => string)());
      return 0;
    }
    const command = await spec.load();
    input = {
      positionals: parsed.positionals,
      options: parsed.values,
      lang,
      langExplicit: langValue !== undefined,
      messages: messages(),
      env,
      output,
    };
    return await command(input);
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(error.message);
      return error.exitCode;
    }
    const { describeError } = await import("./describeError.js");
    // The file's language, when the command got as far as reading it.
    const described = await describeError(error, input?.lang ?? lang);
    if (described) {
      output.err(described);
      return 2;
    }
    output.err(
      cliMessages[input?.lang ?? lang].internalError({ detail: (error as Error)?.message ?? String(error) }),
    );
    if (env.debug) output.err((error as Error)?.stack ?? "");
    return 70;
  }
}

type OptionSpecs = NonNullable<ParseArgsConfig["options"]>;

/**
 * The command's options, checked before parsing so that every mistake gets our own message in
 * the user's language (node:util's are English only): an unknown option with the closest known
 * one, a missing value, a value given to a flag.
 */
async function parseOptions(
  args: string[],
  specs: OptionSpecs,
  messages: CliMessages,
): Promise<{ values: Options; positionals: string[] }> {
  const { tokens } = parseArgs({ args, options: specs, allowPositionals: true, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    // A known short option comes with its long name ("-t" → "template").
    const spec = Object.hasOwn(specs, token.name) ? specs[token.name] : undefined;
    if (!spec) {
      const { closestMatch } = await import("@shihyo/engine");
      const match = token.rawName.startsWith("--") ? closestMatch(token.name, Object.keys(specs)) : null;
      const suggestion = match === null ? null : `--${match}`;
      throw new UsageError(messages.unknownOption({ option: token.rawName, suggestion }));
    }
    // "--period --json": the next option is not the value (node:util calls it ambiguous).
    const missing = token.value === undefined || (!token.inlineValue && token.value.startsWith("-"));
    if (spec.type === "string" && missing)
      throw new UsageError(messages.optionNeedsValue({ option: token.rawName }));
    if (spec.type === "boolean" && token.inlineValue)
      throw new UsageError(messages.optionTakesNoValue({ option: token.rawName }));
  }
  try {
    return parseArgs({ args, options: specs, allowPositionals: true, strict: true }) as {
      values: Options;
      positionals: string[];
    };
  } catch (error) {
    throw new UsageError(messages.badOption({ detail: (error as Error).message.split("\n")[0]! }));
  }
}
