/**
 * `shihyo tree` (the article's tree drawn with its numbers and status words; colours only on
 * a terminal or when forced) and `shihyo demo-data` (generated actuals that `--data` accepts).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ANSI, shihyoExpecting, shihyoJson, TEMPLATES, tempDir, writeFiles } from "./cli.js";
import { ARTICLE_ACTUALS_CSV, articleYaml } from "./fixtures.js";

const dir = await tempDir();
const files = await writeFiles(dir, {
  "article.yaml": articleYaml(250000),
  "actuals.csv": ARTICLE_ACTUALS_CSV,
});
const TREE_ARGS = [
  "tree",
  files["article.yaml"],
  "--period",
  "FY2026-Q1",
  "--as-of",
  "2026-07-15",
  "--data",
  files["actuals.csv"],
];

// The numbers are worked out in fixtures.ts (ARTICLE_ACTUALS_CSV); the quarter is over.
const EXPECTED_TREE = `Article tree — FY2026-Q1 (as of 2026-07-15)
revenue Quarterly revenue [KGI]  ¥22,800,000 / ¥30,000,000  76%  ✕ off track  = leads * win_rate * deal_size
├─ leads [KPI]  240 / 300*  80%  ✕ off track  = visitors * cvr
│  ├─ visitors [KPI]  24,000 / 30,000*  80%  ✕ off track
│  └─ cvr [KPI]  1% / 1%*  100%  ◎ achieved
├─ win_rate [KPI]  19% / 20%*  95%  ▲ at risk  = opp_rate * close_rate
│  ├─ opp_rate [KPI]  50% / 50%*  100%  ◎ achieved
│  └─ close_rate [KPI]  38% / 40%*  95%  ▲ at risk
└─ deal_size [KPI]  ¥500,000 / ¥250,000*  200%  ◎ achieved
* derived
`;

const stripAnsi = (text: string) => text.replace(new RegExp(`${ANSI.source}[0-9;]*m`, "g"), "");

describe("tree", () => {
  it("draws every node with ├─ └─ │, its numbers and its status word", async () => {
    const result = await shihyoExpecting(0, TREE_ARGS);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(EXPECTED_TREE);
  });

  it("in Japanese: the same tree with Japanese status words and yen", async () => {
    const result = await shihyoExpecting(0, [...TREE_ARGS, "--lang", "ja"]);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("Article tree — FY2026-Q1（2026-07-15 時点）");
    expect(lines[1]).toBe(
      "revenue Quarterly revenue [KGI]  22,800,000円 / 30,000,000円  76%  ✕ 未達見込み  = leads * win_rate * deal_size",
    );
    expect(lines[4]).toBe("│  └─ cvr [KPI]  1% / 1%*  100%  ◎ 達成");
    expect(lines[7]).toBe("│  └─ close_rate [KPI]  38% / 40%*  95%  ▲ 要注意");
    expect(lines[9]).toBe("* 導出");
  });

  it("no ANSI codes when stdout is not a terminal, even without NO_COLOR", async () => {
    const result = await shihyoExpecting(0, TREE_ARGS, { env: { NO_COLOR: undefined } });
    expect(result.stdout).not.toMatch(ANSI);
    expect(result.stdout).toBe(EXPECTED_TREE);
  });

  it("colours with FORCE_COLOR=1, and the text under them is the same", async () => {
    const result = await shihyoExpecting(0, TREE_ARGS, { env: { NO_COLOR: undefined, FORCE_COLOR: "1" } });
    expect(result.stdout).toMatch(ANSI);
    // Status in colour: red for off track, green for achieved, yellow for at risk.
    expect(result.stdout).toContain("\u001b[31m✕ off track\u001b[39m");
    expect(result.stdout).toContain("\u001b[32m◎ achieved\u001b[39m");
    expect(result.stdout).toContain("\u001b[33m▲ at risk\u001b[39m");
    expect(stripAnsi(result.stdout)).toBe(EXPECTED_TREE);
  });

  it("escape sequences in names from the file never reach the terminal", async () => {
    const { evil } = await writeFiles(dir, {
      evil: `version: 1
name: "Plan \\e[31mred"
nodes:
  - { id: revenue, role: kgi, name: "\\e[2Jcleared", unit: JPY, cadence: quarter, grain: day, aggregation: sum }
`,
    });
    const result = await shihyoExpecting(0, ["tree", evil, "--as-of", "2026-05-15"]);
    expect(result.stdout).not.toMatch(ANSI);
    expect(result.stdout.split("\n")[0]).toBe("Plan \ufffd[31mred — FY2026-Q1 (as of 2026-05-15)");
    expect(result.stdout).toContain("revenue \ufffd[2Jcleared [KGI]");
  });

  it("FORCE_COLOR=0 does not force colours", async () => {
    const result = await shihyoExpecting(0, TREE_ARGS, { env: { NO_COLOR: undefined, FORCE_COLOR: "0" } });
    expect(result.stdout).not.toMatch(ANSI);
  });

  it("without --period: the fiscal quarter holding the as-of day", async () => {
    const result = await shihyoExpecting(0, ["tree", files["article.yaml"], "--as-of", "2026-05-15"]);
    expect(result.stdout.split("\n")[0]).toBe("Article tree — FY2026-Q1 (as of 2026-05-15)");
    // No data: every value is "—" and every status "no data".
    expect(result.stdout).toContain("├─ leads [KPI]  — / 300*  —  · no data  = visitors * cvr\n");
  });

  it("--json: the eval rows nested as the tree", async () => {
    interface Branch {
      id: string;
      assessment: { status: string; actual: number | null } | null;
      children: Branch[];
    }
    const { json } = await shihyoJson<{ period: string; nodes: Branch[] }>(TREE_ARGS.slice(0));
    expect(json.period).toBe("FY2026-Q1");
    const shape = (b: Branch): unknown => [b.id, b.assessment?.status, b.children.map(shape)];
    expect(json.nodes.map(shape)).toEqual([
      [
        "revenue",
        "off_track",
        [
          [
            "leads",
            "off_track",
            [
              ["visitors", "off_track", []],
              ["cvr", "achieved", []],
            ],
          ],
          [
            "win_rate",
            "at_risk",
            [
              ["opp_rate", "achieved", []],
              ["close_rate", "at_risk", []],
            ],
          ],
          ["deal_size", "achieved", []],
        ],
      ],
    ]);
    expect(json.nodes[0]!.assessment!.actual).toBe(22800000);
  });

  it("the saas template with demo data: KGIs, KSFs and KPIs, every line of the tree drawn", async () => {
    const result = await shihyoExpecting(0, [
      "tree",
      join(TEMPLATES, "saas.yaml"),
      "--as-of",
      "2026-11-20",
      "--data",
      join(TEMPLATES, "saas.demo.csv"),
    ]);
    const template = await readFile(join(TEMPLATES, "saas.yaml"), "utf8");
    const ids = [...template.matchAll(/^ {2}- id: (\w+)$/gm)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(20);
    const lines = result.stdout.trimEnd().split("\n");
    // Heading, one line per node, the footnote.
    expect(lines).toHaveLength(ids.length + 2);
    for (const id of ids) expect(result.stdout).toMatch(new RegExp(`(^|[─ ])${id} `, "m"));
    for (const line of lines.slice(1, -1)) expect(line).toMatch(/^([│ ] {2})*(├─ |└─ )?\w+ /);
    expect(result.stdout).toContain("[KSF]");
  });
});

describe("demo-data", () => {
  const args = ["demo-data", files["article.yaml"], "--from", "2026-04-01", "--to", "2026-05-15"];

  it("prints a long CSV that eval --data accepts", async () => {
    const result = await shihyoExpecting(0, args);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("node,period,value");
    for (const line of lines.slice(1)) expect(line).toMatch(/^\w+,[\w-]+,-?\d+(\.\d+)?$/);
    expect(result.stderr).toBe(`Generated ${lines.length - 1} rows from 2026-04-01 to 2026-05-15.\n`);
    const { data } = await writeFiles(dir, { data: result.stdout });
    const { json } = await shihyoJson<{ nodes: { id: string; actual: number | null }[] }>([
      "eval",
      files["article.yaml"],
      "--period",
      "FY2026-Q1",
      "--as-of",
      "2026-05-15",
      "--data",
      data,
    ]);
    const actual = Object.fromEntries(json.nodes.map((n) => [n.id, n.actual]));
    // visitors are recorded per month: April is in; every computed node follows.
    for (const id of [
      "visitors",
      "cvr",
      "opp_rate",
      "close_rate",
      "deal_size",
      "leads",
      "win_rate",
      "revenue",
    ])
      expect(typeof actual[id], id).toBe("number");
  });

  it("the same seed gives the same data; another seed other data", async () => {
    const first = await shihyoExpecting(0, args);
    const again = await shihyoExpecting(0, args);
    expect(again.stdout).toBe(first.stdout);
    const other = await shihyoExpecting(0, [...args, "--seed", "7"]);
    expect(other.stdout).not.toBe(first.stdout);
  });

  it("the saas demo data shipped with the templates is what demo-data generates", async () => {
    const result = await shihyoExpecting(0, [
      "demo-data",
      join(TEMPLATES, "saas.yaml"),
      "--from",
      "2025-04-01",
      "--to",
      "2026-11-20",
    ]);
    expect(result.stdout).toBe(await readFile(join(TEMPLATES, "saas.demo.csv"), "utf8"));
  });

  it("bad usage is exit 2: --from after --to, no --from, a bad seed, --json", async () => {
    const reversed = await shihyoExpecting(2, [
      "demo-data",
      files["article.yaml"],
      "--from",
      "2026-05-15",
      "--to",
      "2026-04-01",
    ]);
    expect(reversed.stdout).toBe("");
    expect(reversed.stderr).toBe(
      "--from 2026-05-15 is after --to 2026-04-01; give a start on or before the end.\n",
    );
    const noFrom = await shihyoExpecting(2, ["demo-data", files["article.yaml"]]);
    expect(noFrom.stderr).toBe("The option --from is required.\n");
    const seed = await shihyoExpecting(2, [...args, "--seed", "1.5"]);
    expect(seed.stderr).toBe(`--seed must be a whole number, not "1.5".\n`);
    const json = await shihyoExpecting(2, [...args, "--json"]);
    expect(json.stderr).toMatch(/^Unknown option --json\./);
  });
});
