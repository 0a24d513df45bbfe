/**
 * `shihyo check`: validation with located errors, the linter, the consistency check
 * (SEMANTICS §5) and the `check --json` document of INTERFACES §3.
 */
import { describe, expect, it } from "vitest";
import { literal, shihyoExpecting, shihyoJson, tempDir, writeFiles } from "./cli.js";
import { articleYaml, RULE_IDS } from "./fixtures.js";

interface CheckDocument {
  ok: boolean;
  errors: {
    message: string;
    path: string;
    line: number | null;
    column: number | null;
    /** Data-file errors also name the file and the cell's text. */
    file?: string;
    value?: string;
  }[];
  findings: {
    rule: string;
    severity: string;
    node: string | null;
    period: string | null;
    message: string;
  }[];
  consistency: {
    node: string;
    period: string;
    target: number;
    implied: number;
    gap: number;
    gapRatio: number;
  }[];
}

// Line numbers matter below: line 8 holds the formula, line 14 the misspelt key.
const INVALID_YAML = `version: 1
name: Invalid
nodes:
  - id: revenue
    role: kgi
    unit: JPY
    cadence: quarter
    formula: leads * win_rat
    targets: { FY2026-Q1: 30000000 }
  - id: leads
    role: kpi
    parent: revenue
    unit: count
    cadense: month
  - id: win_rate
    role: kpi
    parent: revenue
    unit: percent
    cadence: month
`;

const dir = await tempDir();
const files = await writeFiles(dir, {
  "article.yaml": articleYaml(250000),
  "consistent.yaml": articleYaml(500000),
  "r2-error.yaml": articleYaml(250000, "lint:\n  rules: { R2: error }\n"),
  "r2-off.yaml": articleYaml(250000, "lint:\n  rules: { R2: off }\n"),
  "invalid.yaml": INVALID_YAML,
  "unknown-key.yaml": INVALID_YAML.replace("leads * win_rat", "leads * win_rate"),
  "unknown-id.yaml": INVALID_YAML.replace("cadense", "cadence"),
  // Line 3: a value that is no number; line 4: a node that does not exist; line 5: a month 13.
  "bad-rows.csv":
    "node,period,value\nvisitors,2026-04,1200\nvisitors,2026-05,lots\nvisiters,2026-05,5\ncvr,2026-13,1%\n",
});

const AS_OF = ["--as-of", "2026-05-15"];
/** The revenue row of the article tree with a deal size of 250,000 (SEMANTICS §5). */
const REVENUE_GAP = {
  node: "revenue",
  period: "FY2026-Q1",
  target: 30000000,
  implied: 15000000,
  gap: 15000000,
  gapRatio: 0.5,
};

describe("check on a valid file", () => {
  it("--json: exactly {ok, errors, findings, consistency}, with the article's gap and an R2 finding", async () => {
    const { json } = await shihyoJson<CheckDocument>(["check", files["article.yaml"], ...AS_OF]);
    expect(Object.keys(json).sort()).toEqual(["consistency", "errors", "findings", "ok"]);
    expect(json.ok).toBe(true);
    expect(json.errors).toEqual([]);
    // leads 300 × win rate 20 % × deal size 250,000 = 15,000,000 against 30,000,000.
    expect(json.consistency).toContainEqual(expect.objectContaining(REVENUE_GAP));
    // The monthly formulas add up: leads 10,000 × 1 % = 100, win rate 50 % × 40 % = 20 %.
    for (const row of json.consistency.filter((r) => r.node !== "revenue")) {
      expect(row.gap).toBe(0);
      expect(row.gapRatio).toBe(0);
    }
    expect(json.consistency.map((r) => `${r.node} ${r.period}`).sort()).toEqual([
      "leads 2026-04",
      "leads 2026-05",
      "leads 2026-06",
      "revenue FY2026-Q1",
      "win_rate 2026-04",
      "win_rate 2026-05",
      "win_rate 2026-06",
    ]);
    expect(json.findings).toContainEqual(
      expect.objectContaining({ rule: "R2", severity: "warning", node: "revenue", period: "FY2026-Q1" }),
    );
    const r2 = json.findings.find((f) => f.rule === "R2")!;
    expect(r2.message).toContain("30,000,000");
    expect(r2.message).toContain("15,000,000");
    for (const finding of json.findings) {
      expect(Object.keys(finding)).toEqual(
        expect.arrayContaining(["rule", "severity", "node", "period", "message"]),
      );
      expect(["error", "warning", "info"]).toContain(finding.severity);
    }
  });

  it("human output: the finding, the gap and the summary; exit 0 with warnings only", async () => {
    const result = await shihyoExpecting(0, ["check", files["article.yaml"], ...AS_OF]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/^warning R2 revenue FY2026-Q1: /m);
    expect(result.stdout).toContain("6 of 7 targets add up.");
    expect(result.stdout).toMatch(/^revenue +FY2026-Q1 +¥30,000,000 +¥15,000,000 +50% +does not add up$/m);
    expect(result.stdout).toMatch(/^0 error\(s\), \d+ warning\(s\), \d+ info$/m);
  });

  it("a tree that adds up (deal size 500,000): no R2, gap 0", async () => {
    const { json } = await shihyoJson<CheckDocument>(["check", files["consistent.yaml"], ...AS_OF]);
    expect(json.ok).toBe(true);
    expect(json.findings.filter((f) => f.rule === "R2")).toEqual([]);
    expect(json.consistency).toContainEqual(
      expect.objectContaining({ ...REVENUE_GAP, implied: 30000000, gap: 0, gapRatio: 0 }),
    );
  });

  it("a rule re-graded to error in the file makes check exit 1 (human and --json)", async () => {
    const human = await shihyoExpecting(1, ["check", files["r2-error.yaml"], ...AS_OF]);
    expect(human.stdout).toMatch(/^error R2 revenue FY2026-Q1: /m);
    expect(human.stdout).toMatch(/^1 error\(s\), /m);
    const { json } = await shihyoJson<CheckDocument>(["check", files["r2-error.yaml"], ...AS_OF], {
      code: 1,
    });
    expect(json.ok).toBe(false);
    expect(json.errors).toEqual([]);
    expect(json.findings).toContainEqual(
      expect.objectContaining({ rule: "R2", severity: "error", node: "revenue", period: "FY2026-Q1" }),
    );
  });

  it("a rule turned off in the file is not reported", async () => {
    const { json } = await shihyoJson<CheckDocument>(["check", files["r2-off.yaml"], ...AS_OF]);
    expect(json.findings.filter((f) => f.rule === "R2")).toEqual([]);
    // The consistency table is still computed: it is data, not a finding.
    expect(json.consistency).toContainEqual(expect.objectContaining(REVENUE_GAP));
  });

  it("findings speak Japanese with --lang ja", async () => {
    const { json } = await shihyoJson<CheckDocument>([
      "check",
      files["article.yaml"],
      ...AS_OF,
      "--lang",
      "ja",
    ]);
    const r2 = json.findings.find((f) => f.rule === "R2")!;
    expect(r2.message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    const human = await shihyoExpecting(0, ["check", files["article.yaml"], ...AS_OF, "--lang", "ja"]);
    expect(human.stdout).toMatch(/^警告 R2 revenue FY2026-Q1: /m);
    expect(human.stdout).toMatch(/^エラー 0 件、警告 \d+ 件、情報 \d+ 件$/m);
  });
});

describe("check on an invalid file: exit 2, every error located", () => {
  it("an unknown key: path, line and column of the key, with the closest key suggested", async () => {
    const { json } = await shihyoJson<CheckDocument>(["check", files["unknown-key.yaml"]], { code: 2 });
    expect(json.ok).toBe(false);
    expect(json.findings).toEqual([]);
    expect(json.consistency).toEqual([]);
    expect(json.errors).toEqual([
      expect.objectContaining({
        path: "nodes[1].cadense",
        line: 14,
        column: 5,
        message: 'Unknown key "cadense" — did you mean "cadence"?',
      }),
    ]);
  });

  it("a formula naming an unknown node: located at the name in the formula, closest id suggested", async () => {
    const { json } = await shihyoJson<CheckDocument>(["check", files["unknown-id.yaml"]], { code: 2 });
    expect(json.ok).toBe(false);
    expect(json.errors).toEqual([
      expect.objectContaining({
        path: "nodes[0].formula",
        line: 8,
        // "    formula: leads * " is 21 characters: win_rat starts in column 22.
        column: 22,
        message:
          'The formula refers to "win_rat", which is not a node of this plan. Did you mean "win_rate"?',
      }),
    ]);
  });

  it("both mistakes in one file: exit 2, the misspelt key reported with its location", async () => {
    const { json } = await shihyoJson<CheckDocument>(["check", files["invalid.yaml"]], { code: 2 });
    expect(json.ok).toBe(false);
    expect(json.errors).toContainEqual(
      expect.objectContaining({ path: "nodes[1].cadense", line: 14, column: 5 }),
    );
    for (const error of json.errors) {
      expect(typeof error.message).toBe("string");
      expect(typeof error.path).toBe("string");
      expect(typeof error.line).toBe("number");
      expect(typeof error.column).toBe("number");
    }
  });

  it("human output: file:line:column: path: message on stderr, nothing on stdout", async () => {
    const file = files["unknown-key.yaml"];
    const result = await shihyoExpecting(2, ["check", file]);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      `${file}:14:5: nodes[1].cadense: Unknown key "cadense" — did you mean "cadence"?\n` +
        "The file has 1 error(s); nothing was evaluated.\n",
    );
    const ja = await shihyoExpecting(2, ["check", file, "--lang", "ja"]);
    expect(ja.stderr).toBe(
      `${file}:14:5: nodes[1].cadense: 「cadense」というキーはありません。「cadence」の誤りではありませんか？\n` +
        "ファイルに 1 件のエラーがあるため、評価していません。\n",
    );
  });

  it("other commands refuse an invalid file the same way (exit 2, located)", async () => {
    const file = files["unknown-id.yaml"];
    for (const args of [
      ["eval", file, "--period", "FY2026-Q1"],
      ["tree", file],
      ["solve", file, "--node", "revenue", "--for", "leads", "--period", "FY2026-Q1"],
    ]) {
      const result = await shihyoExpecting(2, args);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(new RegExp(`^${literal(file)}:8:22: `));
    }
  });
});

describe("check with a bad data file: exit 2, every bad row named", () => {
  it("names line and column of each bad cell; nothing is evaluated", async () => {
    const data = files["bad-rows.csv"];
    const result = await shihyoExpecting(2, ["check", files["consistent.yaml"], ...AS_OF, "--data", data]);
    expect(result.stdout).toBe("");
    const lines = result.stderr.trimEnd().split("\n");
    expect(lines[0]).toMatch(new RegExp(`^${literal(data)}:3:3 \\(value\\): .*"lots"`));
    expect(lines[1]).toMatch(new RegExp(`^${literal(data)}:4:1 \\(node\\): .*"visiters".*"visitors"`));
    expect(lines[2]).toMatch(new RegExp(`^${literal(data)}:5:2 \\(period\\): .*"2026-13"`));
    expect(lines[3]).toBe("The data has 3 bad row(s); nothing was read.");
    expect(lines).toHaveLength(4);
  });

  it("--json: the bad rows are the errors of the check document", async () => {
    const data = files["bad-rows.csv"];
    const { json } = await shihyoJson<CheckDocument>(
      ["check", files["consistent.yaml"], ...AS_OF, "--data", data],
      { code: 2 },
    );
    expect(json.ok).toBe(false);
    expect(json.findings).toEqual([]);
    expect(json.errors.map((e) => [e.line, e.column, e.path, e.value, e.file])).toEqual([
      [3, 3, "value", "lots", data],
      [4, 1, "node", "visiters", data],
      [5, 2, "period", "2026-13", data],
    ]);
  });
});

describe("check --rules", () => {
  it("lists every rule id with its severity", async () => {
    const result = await shihyoExpecting(0, ["check", "--rules"]);
    for (const id of RULE_IDS)
      expect(result.stdout).toMatch(new RegExp(`^${id} +(error|warning|info) +\\S`, "m"));
    const { json } = await shihyoJson<{ id: string; severity: string }[]>(["check", "--rules"]);
    expect(json.map((r) => r.id)).toEqual(expect.arrayContaining([...RULE_IDS]));
  });
});
