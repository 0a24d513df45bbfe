import { dayOfInstantLazy } from "./today.js";

/**
 * Everything the CLI takes from its surroundings, read once at start-up: nothing else in
 * the CLI reads process.env, the clock or the TTY state.
 */
export interface Environment {
  /** Language from the locale variables, when they name one we speak. */
  envLang: "ja" | "en" | null;
  /** Colours on stdout: a TTY, unless NO_COLOR; FORCE_COLOR forces them. */
  color: boolean;
  /** Print stack traces of internal errors (SHIHYO_DEBUG=1). */
  debug: boolean;
  /** Today in a time zone (the plan's), the default as-of day. */
  today(timezone: string): Promise<number>;
  stdoutIsTTY: boolean;
  /** The environment as it was at start-up, for the server's own config reader. */
  variables: Readonly<Record<string, string | undefined>>;
  /** Reads all of standard input (a password piped in by a script). */
  readStdin(): Promise<string>;
  /** The current instant (a server's clock). */
  now(): Date;
}

export function readEnvironment(env: NodeJS.ProcessEnv = process.env): Environment {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || env.LANGUAGE || "";
  const envLang = /^ja/i.test(locale) ? "ja" : /^(en|C|POSIX)/i.test(locale) ? "en" : null;
  const stdoutIsTTY = Boolean(process.stdout.isTTY);
  const color =
    env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0" ? true : stdoutIsTTY && !("NO_COLOR" in env);
  const now = new Date();
  return {
    envLang,
    color,
    debug: env.SHIHYO_DEBUG === "1",
    today: (timezone) => dayOfInstantLazy(now, timezone),
    stdoutIsTTY,
    variables: { ...env },
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString("utf8");
    },
    now: () => new Date(),
  };
}
