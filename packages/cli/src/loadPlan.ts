import { readFile } from "node:fs/promises";
import { type DataRowError, formatDataErrors, readDataFile } from "@shihyo/datafile";
import {
  type Day,
  dayFromIso,
  Evaluator,
  type KpiFileError,
  type Measurement,
  type Plan,
  type PreparedPlan,
  parseKpiFile,
} from "@shihyo/engine";
import type { CommandInput } from "./main.js";
import { UsageError } from "./main.js";
import { type CliMessages, cliMessages, type Lang } from "./messages.js";

/** The KPI file is invalid: every error, located, in the user's language. */
export class InvalidPlanFile extends UsageError {
  constructor(
    readonly errors: KpiFileError[],
    readonly lang: Lang,
    file: string,
  ) {
    const messages = cliMessages[lang];
    const lines = errors.map(
      (e) => `${e.file ?? file}:${e.line}:${e.column}: ${e.path ? `${e.path}: ` : ""}${e.text(lang)}`,
    );
    super([...lines, messages.fileInvalid({ count: errors.length })].join("\n"));
  }
}

/** A data file has bad rows: every one listed (up to a limit), nothing read. */
export class InvalidDataFile extends UsageError {
  constructor(
    readonly errors: DataRowError[],
    readonly totalErrors: number,
    readonly lang: Lang,
  ) {
    super(
      [
        formatDataErrors(errors, lang, totalErrors),
        cliMessages[lang].dataInvalid({ count: totalErrors }),
      ].join("\n"),
    );
  }
}

export interface LoadedPlan {
  file: string;
  plan: Plan;
  prepared: PreparedPlan;
  measurements: Measurement[];
  evaluator: Evaluator;
  asOf: Day;
  lang: Lang;
  messages: CliMessages;
}

/** A file's bytes, or a usage error that says in the user's language why it cannot be read. */
export async function readBytes(file: string, messages: CliMessages): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code ? messages.readReason({ code }) : String((error as Error)?.message ?? error);
    throw new UsageError(messages.cannotRead({ file, reason }));
  }
}

/**
 * The language: --lang, else the file's calendar.locale, else the environment's, else English.
 * `plan` is the file as read; before it could be read (an invalid file) the text is searched
 * for a `locale:` key (YAML or JSON), so that its errors are reported in its language too.
 */
function languageFor(input: CommandInput, text: string, plan: Plan | null): Lang {
  if (input.langExplicit) return input.lang;
  const written = plan ? plan.calendar?.locale : /["']?\blocale["']?\s*:\s*["']?(ja|en)\b/.exec(text)?.[1];
  if (written === "ja" || written === "en") return written;
  return input.env.envLang ?? input.lang;
}

/** From here on the command (and main's error handler) speaks `lang`. */
function useLanguage(input: CommandInput, lang: Lang): CliMessages {
  input.lang = lang;
  input.messages = cliMessages[lang];
  return input.messages;
}

/**
 * Reads the KPI file and the data files named on the command line. Any error in either is
 * printed in full (every location) and ends the command with exit code 2; nothing is
 * evaluated on bad input.
 */
export async function loadPlan(input: CommandInput): Promise<LoadedPlan> {
  const file = input.positionals[0];
  if (!file) throw new UsageError(input.messages.missingFile());
  const text = (await readBytes(file, input.messages)).toString("utf8");
  const parsed = parseKpiFile(text, { fileName: file });
  const lang = languageFor(input, text, parsed.ok ? parsed.plan : null);
  const messages = useLanguage(input, lang);
  if (!parsed.ok) throw new InvalidPlanFile(parsed.errors, lang, file);
  const dataFiles = [...((input.options.data as string[] | undefined) ?? []), ...input.positionals.slice(1)];
  const measurements: Measurement[] = [];
  for (const dataFile of dataFiles) {
    const bytes = await readBytes(dataFile, messages);
    const result = await readDataFile({ bytes, fileName: dataFile }, parsed.prepared);
    if (!result.ok) throw new InvalidDataFile(result.errors, result.totalErrors, lang);
    measurements.push(...result.rows);
  }
  const asOfText = input.options["as-of"] as string | undefined;
  let asOf: Day;
  if (asOfText !== undefined) {
    const day = dayFromIso(asOfText);
    if (day === null) throw new UsageError(messages.badDate({ value: asOfText }));
    asOf = day;
  } else {
    asOf = await input.env.today(parsed.prepared.calendar.timezone);
  }
  return {
    file,
    plan: parsed.plan,
    prepared: parsed.prepared,
    measurements,
    evaluator: new Evaluator(parsed.prepared, measurements),
    asOf,
    lang,
    messages,
  };
}

/** A required option, or a usage error naming it. */
export function required(input: CommandInput, name: string, messages: CliMessages): string {
  const value = input.options[name];
  if (typeof value !== "string" || value === "")
    throw new UsageError(messages.missingOption({ option: name }));
  return value;
}
