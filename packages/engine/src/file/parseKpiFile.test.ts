import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatKpiFileError, type KpiFileError, parseKpiFile } from "./index.js";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");
const lines = (...rows: string[]) => `${rows.join("\n")}\n`;

function errorsOf(text: string, options: Parameters<typeof parseKpiFile>[1] = {}): KpiFileError[] {
  const result = parseKpiFile(text, options);
  if (result.ok) throw new Error("expected the file to be rejected");
  return result.errors;
}

/** The part of an error a test pins down exactly. */
const where = (errors: KpiFileError[]) =>
  errors.map(({ code, path, line, column }) => ({ code, path, line, column }));

// Lines 1–13 of a small valid plan; cases below change one line each.
const BASE = [
  "version: 1",
  "name: テスト計画",
  "nodes:",
  "  - id: revenue",
  "    role: kgi",
  "    cadence: month",
  "    formula: leads * price",
  "  - id: leads",
  "    role: kpi",
  "    parent: revenue",
  "  - id: price",
  "    role: kpi",
  "    parent: revenue",
];
const withLine = (line: number, text: string) =>
  lines(...BASE.map((row, i) => (i + 1 === line ? text : row)));
const withLines = (...extra: string[]) => lines(...BASE, ...extra);

describe("parseKpiFile: valid files", () => {
  it("reads the complete example plan", () => {
    const result = parseKpiFile(fixture("complete-plan.yaml"));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { plan, prepared } = result;
    expect(plan.name).toBe("SaaS事業 FY2026 上期");
    expect(plan.calendar).toEqual({
      fiscalYearStart: 4,
      timezone: "Asia/Tokyo",
      weekStart: "monday",
      locale: "ja",
    });
    expect(plan.nodes.map((n) => n.id)).toEqual([
      "revenue",
      "new_leads",
      "leads",
      "visitors",
      "cvr",
      "win_rate",
      "deal_size",
    ]);
    expect(plan.nodes[0]!.targets).toEqual({
      "FY2026-Q1": { value: 30000000 },
      "FY2026-Q2": { value: 33000000, baseline: 30000000, basis: "past", note: "前年同期比+10%" },
    });
    expect(plan.nodes[2]!.targets).toEqual({
      "2026-04": { value: 100 },
      "2026-05": { value: 100 },
      "2026-06": { value: 100 },
    });
    expect(plan.nodes[1]).toEqual({
      id: "new_leads",
      role: "ksf",
      parent: "revenue",
      name: "新規リードの獲得",
    });
    expect(plan.nodes[3]!.tolerance).toBe(0.05);
    expect(plan.lint).toEqual({ rules: { K1: "off", A1: { stretch: 0.3 } } });
    expect("data" in plan).toBe(false);
    expect(prepared.byId.get("revenue")!.inputs).toEqual(["leads", "win_rate", "deal_size"]);
  });

  it("reports the three ids the INTERFACES example uses without defining them, at their columns", () => {
    const errors = errorsOf(fixture("interfaces-example.yaml"), { fileName: "kpi.yaml" });
    expect(where(errors)).toEqual([
      { code: "plan.unknownReference", path: "nodes[0].formula", line: 17, column: 22 },
      { code: "plan.unknownReference", path: "nodes[0].formula", line: 17, column: 33 },
      { code: "plan.unknownReference", path: "nodes[2].formula", line: 33, column: 25 },
    ]);
    expect(formatKpiFileError(errors[0]!, "en")).toBe(
      'kpi.yaml:17:22: nodes[0].formula: The formula refers to "win_rate", which is not a node of this plan.',
    );
  });

  it("keeps date-looking periods as text and target keys as written", () => {
    const text = withLines(
      "    cadence: day",
      "    targets: { 2026-04-01: 5 }",
      "data:",
      "  - { node: price, period: 2026-04-15, value: 1200, segment: web }",
      "  - node: price",
      "    period: 2026-04-16",
      "    value: -0.5",
    );
    const result = parseKpiFile(text);
    expect(result.ok && result.plan.data).toEqual([
      { node: "price", period: "2026-04-15", value: 1200, segment: "web" },
      { node: "price", period: "2026-04-16", value: -0.5 },
    ]);
    expect(result.ok && result.plan.nodes[2]!.targets).toEqual({ "2026-04-01": { value: 5 } });
  });

  it("accepts a byte order mark", () => {
    const result = parseKpiFile(`\uFEFF${lines(...BASE)}`);
    expect(result.ok).toBe(true);
  });

  it("accepts a BOM and still counts columns from the first visible character", () => {
    const errors = errorsOf(`\uFEFF${withLine(1, "version: 2")}`);
    expect(where(errors)).toEqual([
      { code: "file.unsupportedVersion", path: "version", line: 1, column: 10 },
    ]);
  });

  it("reads JSON, and says nothing about where the file came from unless told", () => {
    const json = JSON.stringify({
      version: 1,
      name: "j",
      nodes: [{ id: "a", role: "kpi", targets: { "2026-04": 3 } }],
    });
    const result = parseKpiFile(json, { format: "json" });
    expect(result.ok && result.plan.nodes).toEqual([
      { id: "a", role: "kpi", targets: { "2026-04": { value: 3 } } },
    ]);
  });
});

describe("parseKpiFile: errors are located", () => {
  it.each([
    {
      label: "unknown key, with the closest known key",
      text: withLine(6, "    cadense: month"),
      expected: [{ code: "file.unknownKey", path: "nodes[0].cadense", line: 6, column: 5 }],
      en: 'Unknown key "cadense" — did you mean "cadence"?',
      ja: "「cadense」というキーはありません。「cadence」の誤りではありませんか？",
    },
    {
      label: "unknown key with nothing close lists the keys allowed",
      text: withLines("colour: red"),
      expected: [{ code: "file.unknownKey", path: "colour", line: 14, column: 1 }],
      en: 'Unknown key "colour". The keys allowed here are: version, name, calendar, nodes, lint, data.',
      ja: "「colour」というキーはありません。ここで使えるキーは version, name, calendar, nodes, lint, data です。",
    },
    {
      label: "wrong enum value, with the closest allowed value",
      text: withLine(6, "    cadence: quartr"),
      expected: [{ code: "file.notAllowed", path: "nodes[0].cadence", line: 6, column: 14 }],
      en: 'Expected one of "day", "week", "month", "quarter", "half" or "year", but found the text "quartr". Did you mean "quarter"?',
      ja: "ここには「day」、「week」、「month」、「quarter」、「half」、「year」のいずれかを書いてください（書かれているのは文字列「quartr」）。「quarter」の誤りではありませんか？",
    },
    {
      label: "text where a number belongs",
      text: withLines("    tolerance: 5%"),
      expected: [{ code: "file.wrongType", path: "nodes[2].tolerance", line: 14, column: 16 }],
      en: 'Expected a number, but found the text "5%".',
      ja: "ここには数値を書いてください（書かれているのは文字列「5%」）。",
    },
    {
      label: "an empty value points at its key",
      text: withLine(10, "    parent:"),
      expected: [{ code: "file.wrongType", path: "nodes[1].parent", line: 10, column: 5 }],
      en: "Expected text, but found an empty value.",
      ja: "ここには文字列を書いてください（書かれているのは空の値）。",
    },
    {
      label: "a missing required key points at its node",
      text: withLine(9, "    name: リード"),
      expected: [{ code: "file.missingKey", path: "nodes[1].role", line: 8, column: 5 }],
      en: 'The required key "role" is missing.',
      ja: "必須のキー「role」がありません。",
    },
    {
      label: "another version",
      text: withLine(1, "version: 2"),
      expected: [{ code: "file.unsupportedVersion", path: "version", line: 1, column: 10 }],
      en: "This file is version 2, but this version of Shihyo reads version 1 only.",
      ja: "このファイルはバージョン 2 ですが、このバージョンの Shihyo が読めるのはバージョン 1 だけです。",
    },
    {
      label: "a number out of range",
      text: withLines("calendar:", "  fiscalYearStart: 13"),
      expected: [{ code: "file.tooBig", path: "calendar.fiscalYearStart", line: 15, column: 20 }],
      en: "The value must be at most 12, but it is the number 13.",
      ja: "値は 12 以下にしてください（書かれているのは数値 13）。",
    },
    {
      label: "a fraction where a whole number belongs",
      text: withLines("calendar: { fiscalYearStart: 4.5 }"),
      expected: [{ code: "file.wrongType", path: "calendar.fiscalYearStart", line: 14, column: 30 }],
      en: "Expected a whole number, but found the number 4.5.",
      ja: "ここには整数を書いてください（書かれているのは数値 4.5）。",
    },
    {
      label: "a range with one bound",
      text: withLines("    direction: range", "    range: [1]"),
      expected: [{ code: "file.tooFewItems", path: "nodes[2].range", line: 15, column: 12 }],
      en: "The list needs at least 2 items, but has 1.",
      ja: "要素は少なくとも 2 個必要ですが、1 個しかありません。",
    },
    {
      label: "a lint setting that is neither a severity nor options",
      text: withLines("lint:", "  rules: { K1: of }"),
      expected: [{ code: "file.notAllowed", path: "lint.rules.K1", line: 15, column: 16 }],
      en: 'Expected one of "off", "error", "warning", "info" or a mapping (key: value), but found the text "of". Did you mean "off"?',
      ja: "ここには「off」、「error」、「warning」、「info」、マッピング（キー: 値）のいずれかを書いてください（書かれているのは文字列「of」）。「off」の誤りではありませんか？",
    },
    {
      label: "a target that is neither a number nor a target",
      text: withLines("    targets:", "      2026-04: lots"),
      expected: [{ code: "file.wrongType", path: "nodes[2].targets.2026-04", line: 15, column: 16 }],
      en: 'Expected a number or a mapping (key: value), but found the text "lots".',
      ja: "ここには数値、マッピング（キー: 値）のいずれかを書いてください（書かれているのは文字列「lots」）。",
    },
    {
      label: "a misspelt key inside a target",
      text: withLines("    targets:", "      2026-04: { valu: 3 }"),
      expected: [
        { code: "file.missingKey", path: "nodes[2].targets.2026-04.value", line: 15, column: 16 },
        { code: "file.unknownKey", path: "nodes[2].targets.2026-04.valu", line: 15, column: 18 },
      ],
      en: 'The required key "value" is missing.',
      ja: "必須のキー「value」がありません。",
    },
    {
      label: "a YAML syntax error",
      text: withLine(6, "    cadence: [month"),
      expected: [{ code: "file.syntax", path: "", line: 7, column: 5 }],
      en: "The file is not valid YAML. The parser says: Flow sequence in block collection must be sufficiently indented and end with a ]",
      ja: "YAML として正しく読めません（パーサーのメッセージ: Flow sequence in block collection must be sufficiently indented and end with a ]）。",
    },
    {
      label: "tab indentation",
      text: withLine(6, "\tcadence: month"),
      expected: [{ code: "file.tabIndent", path: "", line: 6, column: 1 }],
      en: "YAML does not allow tabs for indentation. Indent with spaces instead.",
      ja: "YAMLではタブで字下げできません。スペースで字下げしてください。",
    },
    {
      label: "a key twice in one mapping",
      text: withLine(7, "    cadence: year"),
      expected: [{ code: "file.duplicateKey", path: "nodes[0].cadence", line: 7, column: 5 }],
      en: 'The key "cadence" appears more than once in the same mapping. Keep only one.',
      ja: "キー「cadence」が同じマッピングの中に複数あります。1つにしてください。",
    },
    {
      label: "two documents",
      text: withLines("---", "version: 1"),
      expected: [{ code: "file.multipleDocuments", path: "", line: 14, column: 1 }],
      en: 'The file holds more than one YAML document (separated by "---"). A KPI file is a single document.',
      ja: "ファイルに複数のYAMLドキュメント（「---」で区切られたもの）があります。KPIファイルは1つのドキュメントにしてください。",
    },
    {
      label: "an alias to no anchor",
      text: withLines("    owner: *boss"),
      expected: [{ code: "file.unknownAlias", path: "nodes[2].owner", line: 14, column: 12 }],
      en: 'The alias "*boss" refers to no anchor "&boss" written before it.',
      ja: "エイリアス「*boss」が参照するアンカー「&boss」が、それより前にありません。",
    },
    {
      label: "a duplicate id, on the second one",
      text: withLine(11, "  - id: leads"),
      expected: [
        { code: "plan.unknownReference", path: "nodes[0].formula", line: 7, column: 22 },
        { code: "plan.duplicateId", path: "nodes[2].id", line: 11, column: 9 },
      ],
      en: 'The formula refers to "price", which is not a node of this plan.',
      ja: "計算式が参照する「price」はこのプランにありません。",
    },
    {
      label: "an unknown parent, with the closest id",
      text: withLine(10, "    parent: revenu"),
      expected: [{ code: "plan.unknownParent", path: "nodes[1].parent", line: 10, column: 13 }],
      en: 'The parent "revenu" is not a node of this plan. Did you mean "revenue"?',
      ja: "親「revenu」はこのプランにありません。「revenue」の誤りではありませんか？",
    },
    {
      label: "an unknown reference in a quoted formula, at its column",
      text: withLine(7, '    formula: "leads * prise"'),
      expected: [{ code: "plan.unknownReference", path: "nodes[0].formula", line: 7, column: 23 }],
      en: 'The formula refers to "prise", which is not a node of this plan. Did you mean "price"?',
      ja: "計算式が参照する「prise」はこのプランにありません。「price」の誤りではありませんか？",
    },
    {
      label: "an unknown time zone, on its line",
      text: withLines("calendar:", "  fiscalYearStart: 4", "  timezone: Asia/Tokio"),
      expected: [{ code: "calendar.badTimezone", path: "calendar.timezone", line: 16, column: 13 }],
      en: '"Asia/Tokio" is not a known IANA time zone (such as Asia/Tokyo or America/New_York). Did you mean "Asia/Tokyo"?',
      ja: '"Asia/Tokio"はIANAのタイムゾーン名として認識できません（例: Asia/Tokyo、America/New_York）。「Asia/Tokyo」のことではありませんか。',
    },
    {
      label: "Windows line endings",
      text: withLine(6, "    cadense: month").replaceAll("\n", "\r\n"),
      expected: [{ code: "file.unknownKey", path: "nodes[0].cadense", line: 6, column: 5 }],
      en: 'Unknown key "cadense" — did you mean "cadence"?',
      ja: "「cadense」というキーはありません。「cadence」の誤りではありませんか？",
    },
    {
      label: "a bad target period, at the period id",
      text: withLines("    targets:", "      FY2026-Q1: 5", "      FY2026-Q5: 6"),
      expected: [{ code: "plan.badTargetPeriod", path: "nodes[2].targets.FY2026-Q5", line: 16, column: 7 }],
      en: 'The target period "FY2026-Q5" is not valid: "FY2026-Q5" names no quarter: a fiscal year has quarters Q1 to Q4.',
      ja: "目標の期間「FY2026-Q5」が正しくありません: 「FY2026-Q5」の四半期は正しくありません。年度の四半期はQ1〜Q4です。",
    },
  ])("$label", ({ text, expected, en, ja }) => {
    const errors = errorsOf(text);
    expect(where(errors)).toEqual(expected);
    expect(errors[0]!.text("en")).toBe(en);
    expect(errors[0]!.text("ja")).toBe(ja);
  });

  it("names a formula cycle and puts it on the first formula of the cycle", () => {
    const text = withLines("    formula: revenue / leads");
    const errors = errorsOf(text);
    expect(where(errors)).toEqual([
      { code: "plan.formulaCycle", path: "nodes[0].formula", line: 7, column: 14 },
    ]);
    expect(errors[0]!.text("en")).toBe(
      "The formulas refer to each other in a circle: revenue → price → revenue.",
    );
  });

  it("puts a formula syntax error at its column", () => {
    const errors = errorsOf(withLine(7, "    formula: leads * * price"));
    expect(where(errors)).toEqual([{ code: errors[0]!.code, path: "nodes[0].formula", line: 7, column: 22 }]);
    expect(errors[0]!.code).toMatch(/^formula\./);
  });

  it("locates every error of a JSON file by line and column", () => {
    const json = [
      "{",
      '  "version": 1,',
      '  "name": "json",',
      '  "nodes": [',
      '    { "id": "a", "role": "kpi", "cadence": "monthly" },',
      '    { "id": "b", "role": "kpi", "tolerance": "10%" }',
      "  ]",
      "}",
    ].join("\n");
    const errors = errorsOf(json, { fileName: "plan.json" });
    expect(errors.map((e) => formatKpiFileError(e, "en"))).toEqual([
      'plan.json:5:44: nodes[0].cadence: Expected one of "day", "week", "month", "quarter", "half" or "year", but found the text "monthly". Did you mean "month"?',
      'plan.json:6:46: nodes[1].tolerance: Expected a number, but found the text "10%".',
    ]);
    expect(errors[0]!.file).toBe("plan.json");
  });

  it("calls a JSON syntax error a JSON error", () => {
    const errors = errorsOf('{\n  "version": 1,\n  "name": "x"\n  "nodes": []\n}');
    expect(errors[0]!.text("en")).toMatch(/^The file is not valid JSON\. The parser says: /);
    expect(errors[0]!.line).toBe(4);
  });

  it.each([
    ["", "an empty text"],
    ["\n\n   \n", "blank lines"],
    ["# nothing yet\n", "only a comment"],
    ["\uFEFF", "only a BOM"],
    ["~\n", "null"],
  ])("rejects an empty file (%j: %s)", (text) => {
    const errors = errorsOf(text, { fileName: "empty.yaml" });
    expect(where(errors)).toEqual([{ code: "file.empty", path: "", line: 1, column: 1 }]);
    expect(errors[0]!.text("en")).toBe(
      'The file is empty. A KPI file needs at least "version: 1", "name" and "nodes".',
    );
  });

  it("names the file only when told its name", () => {
    const text = withLine(6, "    cadense: month");
    expect("file" in errorsOf(text)[0]!).toBe(false);
    expect(errorsOf(text, { fileName: "plans/kpi.yaml" })[0]!.file).toBe("plans/kpi.yaml");
  });

  it("rejects a file that is not a mapping", () => {
    expect(where(errorsOf("- version: 1\n"))).toEqual([
      { code: "file.wrongType", path: "", line: 1, column: 1 },
    ]);
  });

  it("sorts errors by line and column, with every error in both languages", () => {
    const text = lines(
      "version: 1",
      "name: 7",
      "nodes:",
      "  - id: a",
      "    role: kpi",
      "    cadence: weekly",
      "    tolerance: high",
      "    colour: red",
      "  - { id: b, role: boss }",
      "calendar: { weekStart: tuesday }",
    );
    const errors = errorsOf(text);
    expect(where(errors)).toEqual([
      { code: "file.wrongType", path: "name", line: 2, column: 7 },
      { code: "file.notAllowed", path: "nodes[0].cadence", line: 6, column: 14 },
      { code: "file.wrongType", path: "nodes[0].tolerance", line: 7, column: 16 },
      { code: "file.unknownKey", path: "nodes[0].colour", line: 8, column: 5 },
      { code: "file.notAllowed", path: "nodes[1].role", line: 9, column: 20 },
      { code: "file.notAllowed", path: "calendar.weekStart", line: 10, column: 24 },
    ]);
    for (const error of errors) {
      const ja = error.text("ja");
      const en = error.text("en");
      expect(ja.length).toBeGreaterThan(0);
      expect(en.length).toBeGreaterThan(0);
      expect(ja).not.toBe(en);
      expect(ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
  });
});

describe("parseKpiFile: never throws", () => {
  const tokens = fc.constantFrom(
    "version: 1\n",
    "name: x\n",
    "nodes:\n",
    "  - id: a\n",
    "    role: kpi\n",
    "    formula: a * b\n",
    "    targets: { 2026-04: 1 }\n",
    "\t",
    "  ",
    "- ",
    ": ",
    "{",
    "}",
    "[",
    "]",
    "&x ",
    "*x ",
    "!!str ",
    "? ",
    "'",
    '"',
    "#",
    "---\n",
    "%YAML 1.1\n",
    "\n",
    "\uFEFF",
    "__proto__: 1\n",
    "2026-04-15",
  );

  it("for arbitrary text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
        const result = parseKpiFile(text);
        if (result.ok) return;
        for (const e of result.errors) {
          expect(e.code).not.toBe("file.unexpected");
          expect(e.line).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("for text made of YAML pieces", () => {
    fc.assert(
      fc.property(fc.array(tokens, { maxLength: 40 }), (parts) => {
        const result = parseKpiFile(parts.join(""));
        if (!result.ok) {
          for (const e of result.errors) {
            expect(e.code).not.toBe("file.unexpected");
            expect(e.line).toBeGreaterThanOrEqual(1);
            expect(e.column).toBeGreaterThanOrEqual(1);
            expect(e.text("en").length).toBeGreaterThan(0);
            expect(e.text("ja").length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe("lint settings in the file", () => {
  it("locates an unknown rule id and a bad option", () => {
    const text = [
      "version: 1",
      "name: t",
      "nodes:",
      "  - id: a",
      "    role: kpi",
      "lint:",
      "  rules:",
      "    A3: off",
      "    A1: { stretch: -2 }",
      "",
    ].join("\n");
    const result = parseKpiFile(text, { fileName: "plan.yaml" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byPath = Object.fromEntries(result.errors.map((e) => [e.path, e]));
    expect(byPath["lint.rules.A3"]).toMatchObject({ line: 8, code: "lint.unknownRule" });
    expect(byPath["lint.rules.A1.stretch"]).toMatchObject({ line: 9, code: "lint.badOptionValue" });
  });
});
