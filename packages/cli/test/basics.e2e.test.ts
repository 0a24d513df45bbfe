/**
 * The command line itself (INTERFACES §3): version, help, usage errors and their exit codes,
 * and the language of messages (--lang, the locale variables, the file's calendar.locale).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI_DIR, literal, shihyo, shihyoExpecting, tempDir, writeFiles } from "./cli.js";
import { articleYaml } from "./fixtures.js";

const dir = await tempDir();
const files = await writeFiles(dir, {
  "en.yaml": articleYaml(500000),
  "ja.yaml": articleYaml(500000).replace("locale: en", "locale: ja"),
  "nolocale.yaml": articleYaml(500000).replace("calendar:\n  locale: en\n", ""),
  // A plan written as JSON, which the KPI file format accepts too.
  "ja.json": JSON.stringify({
    version: 1,
    name: "JSON plan",
    calendar: { locale: "ja" },
    nodes: [
      {
        id: "revenue",
        role: "kgi",
        unit: "JPY",
        cadence: "quarter",
        formula: "leads * deal_size",
        targets: { "FY2026-Q1": 30000000 },
      },
      { id: "leads", role: "kpi", parent: "revenue", cadence: "quarter", grain: "month", aggregation: "sum" },
      {
        id: "deal_size",
        role: "kpi",
        parent: "revenue",
        cadence: "quarter",
        grain: "month",
        aggregation: "average",
      },
    ],
  }),
});

const COMMANDS = ["init", "check", "tree", "eval", "solve", "sensitivity", "explain", "demo-data"];

describe("--version and --help", () => {
  it("--version prints the version of packages/cli/package.json and nothing else", async () => {
    const { version } = JSON.parse(await readFile(join(CLI_DIR, "package.json"), "utf8")) as {
      version: string;
    };
    const result = await shihyoExpecting(0, ["--version"]);
    expect(result.stdout).toBe(`${version}\n`);
    expect(result.stderr).toBe("");
    expect((await shihyoExpecting(0, ["-v"])).stdout).toBe(`${version}\n`);
  });

  it("start-up: --version finishes on its own, from any directory", async () => {
    // Timing is measured by hand (see the report), never asserted; this only proves that the
    // fast path runs to completion without reading a plan, the engine's data or the network.
    const result = await shihyoExpecting(0, ["--version"], { cwd: dir });
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it("--help lists every command with exit code 0 on stdout", async () => {
    const result = await shihyoExpecting(0, ["--help"]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^Usage: shihyo <command> \[options\]/);
    for (const command of COMMANDS) expect(result.stdout).toMatch(new RegExp(`^  ${command} `, "m"));
    expect((await shihyoExpecting(0, ["-h"])).stdout).toBe(result.stdout);
    expect((await shihyoExpecting(0, ["help"])).stdout).toBe(result.stdout);
  });

  it.each(COMMANDS)("%s --help prints its usage, exit 0", async (command) => {
    const result = await shihyoExpecting(0, [command, "--help"]);
    expect(result.stdout).toMatch(new RegExp(`^Usage: shihyo ${command}`));
    expect(result.stderr).toBe("");
  });

  it("--help wins over a mistyped option on the same line", async () => {
    const result = await shihyoExpecting(0, ["eval", "--perod", "x", "--help"]);
    expect(result.stdout).toMatch(/^Usage: shihyo eval /);
  });

  it("no command at all is bad usage: the usage on stderr, exit 2, stdout empty", async () => {
    const result = await shihyoExpecting(2, []);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^Usage: shihyo <command>/);
  });
});

describe("usage errors: exit 2 with a message, never a stack trace", () => {
  it.each([
    ["chek", "check"],
    ["evl", "eval"],
    ["sensitivty", "sensitivity"],
    ["tre", "tree"],
    ["solv", "solve"],
  ])("unknown command %s suggests %s", async (typo, suggestion) => {
    const result = await shihyoExpecting(2, [typo, files["en.yaml"]]);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      `Unknown command "${typo}". Did you mean "${suggestion}"? Run "shihyo --help".\n`,
    );
  });

  it("an unknown command with nothing close suggests nothing", async () => {
    const result = await shihyoExpecting(2, ["frobnicate"]);
    expect(result.stderr).toBe(`Unknown command "frobnicate". Run "shihyo --help".\n`);
  });

  it("an unknown option names it and suggests the closest one", async () => {
    const result = await shihyoExpecting(2, ["eval", files["en.yaml"], "--perod", "FY2026-Q1"]);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      `Unknown option --perod. Did you mean --period? Run "shihyo <command> --help".\n`,
    );
    const far = await shihyoExpecting(2, ["check", files["en.yaml"], "--bogus"]);
    expect(far.stderr).toBe(`Unknown option --bogus. Run "shihyo <command> --help".\n`);
    const short = await shihyoExpecting(2, ["check", files["en.yaml"], "-x"]);
    expect(short.stderr).toBe(`Unknown option -x. Run "shihyo <command> --help".\n`);
  });

  it("an option without its value, or a flag with one, is exit 2", async () => {
    const missing = await shihyoExpecting(2, ["eval", files["en.yaml"], "--period"]);
    expect(missing.stderr).toMatch(/^The option --period needs a value/);
    const swallowed = await shihyoExpecting(2, ["eval", files["en.yaml"], "--period", "--json"]);
    expect(swallowed.stderr).toMatch(/^The option --period needs a value/);
    const flag = await shihyoExpecting(2, ["check", files["en.yaml"], "--json=yes"]);
    expect(flag.stderr).toBe("The option --json takes no value.\n");
  });

  it("an option another command has is still unknown here (--json is not an option of init)", async () => {
    const result = await shihyoExpecting(2, ["init", "--json", dir]);
    expect(result.stderr).toMatch(/^Unknown option --json\./);
  });

  it("a missing KPI file is named, exit 2", async () => {
    const missing = join(dir, "no-such-plan.yaml");
    const result = await shihyoExpecting(2, ["check", missing]);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(`Cannot read ${missing}: no such file\n`);
  });

  it("a missing data file is named, exit 2", async () => {
    const missing = join(dir, "no-such-data.csv");
    const result = await shihyoExpecting(2, [
      "eval",
      files["en.yaml"],
      "--period",
      "FY2026-Q1",
      "--data",
      missing,
    ]);
    expect(result.stderr).toBe(`Cannot read ${missing}: no such file\n`);
  });

  it("a directory instead of a file, exit 2", async () => {
    const result = await shihyoExpecting(2, ["check", dir]);
    expect(result.stderr).toBe(`Cannot read ${dir}: it is a directory\n`);
  });

  it("no KPI file at all, exit 2", async () => {
    const result = await shihyoExpecting(2, ["check"]);
    expect(result.stderr).toBe(`Give the KPI file to read, e.g. "shihyo check plan.yaml".\n`);
  });

  it("a bad --as-of date, exit 2", async () => {
    const result = await shihyoExpecting(2, ["check", files["en.yaml"], "--as-of", "2026-13-01"]);
    expect(result.stderr).toBe(`"2026-13-01" is not a date; write it as YYYY-MM-DD, e.g. 2026-05-15.\n`);
  });

  it("a binary file given as the KPI file: exit 2, located, and no control character reaches the terminal", async () => {
    // A few bytes of a PNG-like header with an escape sequence (ESC [ 2 J clears a screen) inside.
    const { binary } = await writeFiles(dir, {
      binary: new Uint8Array([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x1b, 0x5b, 0x32, 0x4a, 0x00, 0x07,
      ]),
    });
    const result = await shihyoExpecting(2, ["check", binary]);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(new RegExp(`^${literal(binary)}:1:1: `));
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looks for control characters
    expect(result.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it("a bad --lang, exit 2", async () => {
    const result = await shihyoExpecting(2, ["check", files["en.yaml"], "--lang", "fr"]);
    expect(result.stderr).toBe(`--lang must be "ja" or "en", not "fr".\n`);
  });
});

describe("language: --lang, then the file's calendar.locale, then LANG", () => {
  const missing = () => join(dir, "missing.yaml");

  it("--lang en and --lang ja", async () => {
    const en = await shihyoExpecting(2, ["check", missing(), "--lang", "en"]);
    expect(en.stderr).toBe(`Cannot read ${missing()}: no such file\n`);
    const ja = await shihyoExpecting(2, ["check", missing(), "--lang", "ja"]);
    expect(ja.stderr).toBe(`${missing()} を読み込めません: ファイルがありません\n`);
    const equals = await shihyoExpecting(2, ["check", missing(), "--lang=ja"]);
    expect(equals.stderr).toBe(ja.stderr);
  });

  it("LANG=ja_JP.UTF-8 speaks Japanese; LANG=C and LANG=en_US English; --lang wins", async () => {
    const ja = await shihyoExpecting(2, ["check", missing()], { env: { LANG: "ja_JP.UTF-8" } });
    expect(ja.stderr).toBe(`${missing()} を読み込めません: ファイルがありません\n`);
    const c = await shihyoExpecting(2, ["check", missing()], { env: { LANG: "C" } });
    expect(c.stderr).toBe(`Cannot read ${missing()}: no such file\n`);
    const us = await shihyoExpecting(2, ["check", missing()], { env: { LANG: "en_US.UTF-8" } });
    expect(us.stderr).toBe(c.stderr);
    const flag = await shihyoExpecting(2, ["check", missing(), "--lang", "en"], {
      env: { LANG: "ja_JP.UTF-8" },
    });
    expect(flag.stderr).toBe(c.stderr);
    const lcAll = await shihyoExpecting(2, ["check", missing()], { env: { LC_ALL: "ja_JP.UTF-8" } });
    expect(lcAll.stderr).toBe(ja.stderr);
  });

  it("help and usage errors follow LANG too", async () => {
    const help = await shihyoExpecting(0, ["--help"], { env: { LANG: "ja_JP.UTF-8" } });
    expect(help.stdout).toMatch(/^使い方: shihyo <コマンド> \[オプション\]/);
    const unknown = await shihyoExpecting(2, ["chek"], { env: { LANG: "ja_JP.UTF-8" } });
    expect(unknown.stderr).toBe(
      `コマンド「chek」はありません。「check」の誤りではありませんか？"shihyo --help" で一覧を表示できます。\n`,
    );
    const option = await shihyoExpecting(2, ["eval", files["en.yaml"], "--perod", "x"], {
      env: { LANG: "ja_JP.UTF-8" },
    });
    expect(option.stderr).toBe(
      `オプション --perod はありません。--period の誤りではありませんか？"shihyo <コマンド> --help" を参照してください。\n`,
    );
  });

  it("a file with calendar.locale: ja reports in Japanese under LANG=C, unless --lang en", async () => {
    const args = [
      "solve",
      files["ja.yaml"],
      "--node",
      "revenu",
      "--for",
      "deal_size",
      "--period",
      "FY2026-Q1",
    ];
    const ja = await shihyoExpecting(2, args);
    expect(ja.stderr).toBe(
      `「revenu」はこのプランのノードではありません。「revenue」の誤りではありませんか？\n`,
    );
    const en = await shihyoExpecting(2, [...args, "--lang", "en"]);
    expect(en.stderr).toBe(`"revenu" is not a node of this plan. Did you mean "revenue"?\n`);
  });

  it("the file's locale wins over LANG: calendar.locale en under LANG=ja_JP.UTF-8 is English", async () => {
    const args = [
      "solve",
      files["en.yaml"],
      "--node",
      "revenu",
      "--for",
      "deal_size",
      "--period",
      "FY2026-Q1",
    ];
    const result = await shihyoExpecting(2, args, { env: { LANG: "ja_JP.UTF-8" } });
    expect(result.stderr).toBe(`"revenu" is not a node of this plan. Did you mean "revenue"?\n`);
  });

  it("without calendar.locale the environment decides", async () => {
    const args = [
      "solve",
      files["nolocale.yaml"],
      "--node",
      "revenu",
      "--for",
      "deal_size",
      "--period",
      "FY2026-Q1",
    ];
    const en = await shihyoExpecting(2, args);
    expect(en.stderr).toBe(`"revenu" is not a node of this plan. Did you mean "revenue"?\n`);
    const ja = await shihyoExpecting(2, args, { env: { LANG: "ja_JP.UTF-8" } });
    expect(ja.stderr).toBe(
      `「revenu」はこのプランのノードではありません。「revenue」の誤りではありませんか？\n`,
    );
  });

  it("a JSON KPI file's calendar.locale counts as well", async () => {
    const args = [
      "solve",
      files["ja.json"],
      "--node",
      "revenu",
      "--for",
      "deal_size",
      "--period",
      "FY2026-Q1",
    ];
    const result = await shihyoExpecting(2, args);
    expect(result.stderr).toBe(
      `「revenu」はこのプランのノードではありません。「revenue」の誤りではありませんか？\n`,
    );
  });

  it("human output (tree) is in the file's language", async () => {
    const ja = await shihyo(["tree", files["ja.yaml"], "--period", "FY2026-Q1", "--as-of", "2026-05-15"]);
    expect(ja.code).toBe(0);
    expect(ja.stdout.split("\n")[0]).toBe("Article tree — FY2026-Q1（2026-05-15 時点）");
    expect(ja.stdout).toContain("30,000,000円");
    const en = await shihyo(["tree", files["en.yaml"], "--period", "FY2026-Q1", "--as-of", "2026-05-15"]);
    expect(en.stdout.split("\n")[0]).toBe("Article tree — FY2026-Q1 (as of 2026-05-15)");
    expect(en.stdout).toContain("¥30,000,000");
  });
});
