/**
 * Runs the real `shihyo` binary (node bin/shihyo.js → dist/) in a child process, on files in
 * a fresh temporary directory: no mocks. Every run is checked for what must never happen
 * whatever the input: a stack trace on either stream, or an exit code outside 0/1/2.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, inject } from "vitest";

export const CLI_DIR = fileURLToPath(new URL("../", import.meta.url));
export const BIN = join(CLI_DIR, "bin", "shihyo.js");
export const TEMPLATES = join(CLI_DIR, "templates");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  /** Added to (or, with undefined, removed from) the child's environment. */
  env?: Record<string, string | undefined>;
}

/** Variables that change the CLI's language or colours: removed unless a test sets them. */
const CLEARED = ["LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "NO_COLOR", "FORCE_COLOR", "SHIHYO_DEBUG"];

function childEnv(overrides: RunOptions["env"] = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of CLEARED) delete env[name];
  // The child runs the compiled JavaScript, never the sources a test runner may point at.
  delete env.NODE_OPTIONS;
  env.LANG = "C";
  env.NO_COLOR = "1";
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

/** Matches a line of a JavaScript stack trace ("    at f (file.js:1:2)"). */
const STACK_LINE = /^ {4}at /m;

/** `shihyo ARGS…`: exit code, stdout and stderr, with the invariants of every run checked. */
export async function shihyo(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
  const buildError = inject("cliBuildError");
  if (buildError) throw new Error(`tsc -b packages/cli failed, so the CLI cannot be tested:\n${buildError}`);
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? CLI_DIR,
    env: childEnv(options.env),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
  const code = await new Promise<number>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (exitCode, signal) => resolve(exitCode ?? (signal ? 128 : -1)));
  });
  const result = {
    code,
    stdout: Buffer.concat(stdout).toString("utf8"),
    stderr: Buffer.concat(stderr).toString("utf8"),
  };
  const shown = `shihyo ${args.join(" ")}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
  expect(result.stderr, `stack trace on stderr: ${shown}`).not.toMatch(STACK_LINE);
  expect(result.stdout, `stack trace on stdout: ${shown}`).not.toMatch(STACK_LINE);
  expect([0, 1, 2], `exit code ${code} (INTERFACES §3 allows 0, 1, 2): ${shown}`).toContain(code);
  return result;
}

/** A run whose exit code must be `code`; the output is shown when it is not. */
export async function shihyoExpecting(
  code: number,
  args: readonly string[],
  options: RunOptions = {},
): Promise<CliResult> {
  const result = await shihyo(args, options);
  expect(result.code, `shihyo ${args.join(" ")}\n${result.stdout}\n${result.stderr}`).toBe(code);
  return result;
}

/**
 * `shihyo ARGS… --json`: stdout must be exactly one JSON document (nothing else there), and
 * no number in it may be written as a string or be non-finite.
 */
export async function shihyoJson<T = JsonValue>(
  args: readonly string[],
  options: RunOptions & { code?: number } = {},
): Promise<{ result: CliResult; json: T }> {
  const result = await shihyoExpecting(options.code ?? 0, [...args, "--json"], options);
  let json: JsonValue;
  try {
    json = JSON.parse(result.stdout) as JsonValue;
  } catch (error) {
    throw new Error(`stdout is not one JSON document (${String(error)}):\n${result.stdout}`);
  }
  expectJsonNumbersClean(json);
  return { result, json: json as T };
}

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** No NaN/Infinity (JSON.parse cannot produce them, but "NaN" as text would slip through). */
export function expectJsonNumbersClean(value: JsonValue, path = "$"): void {
  if (typeof value === "number") expect(Number.isFinite(value), path).toBe(true);
  else if (typeof value === "string")
    expect(value, `${path} is a number or non-number written as text`).not.toMatch(
      /^(NaN|-?Infinity|undefined)$/,
    );
  else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) expectJsonNumbersClean(v, `${path}[${i}]`);
  } else if (value !== null && typeof value === "object")
    for (const [k, v] of Object.entries(value)) expectJsonNumbersClean(v, `${path}.${k}`);
}

/** A fresh temporary directory for this test file, removed after it. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "shihyo-e2e-"));
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return dir;
}

/** Writes the files into `dir` and answers their paths by name. */
export async function writeFiles<K extends string>(
  dir: string,
  files: Record<K, string | Uint8Array>,
): Promise<Record<K, string>> {
  const paths = {} as Record<K, string>;
  for (const [name, content] of Object.entries(files) as [K, string | Uint8Array][]) {
    const path = join(dir, name);
    await writeFile(path, content);
    paths[name] = path;
  }
  return paths;
}

/** `text` as a regular expression that matches it literally (file paths in messages). */
export function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: looks for ANSI colour codes
export const ANSI = /\u001b\[/;
