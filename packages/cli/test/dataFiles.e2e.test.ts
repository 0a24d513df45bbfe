/**
 * Data files through `--data` (INTERFACES §2): Shift_JIS as Japanese Excel writes it, UTF-8
 * with a BOM, XLSX in both shapes, several files at once, and bad rows.
 */
import { describe, expect, it } from "vitest";
import writeExcelFile from "write-excel-file/node";
import { literal, shihyoExpecting, shihyoJson, tempDir, writeFiles } from "./cli.js";
import { DAILY_REVENUE_YAML, dailyRevenueCsv } from "./fixtures.js";

interface EvalDocument {
  segment?: string | null;
  nodes: { id: string; actual: number | null; coverage: number | null }[];
}

/** Shift_JIS text from ASCII and hand-written two-byte characters. */
function shiftJis(...parts: (string | number[])[]): Uint8Array {
  return Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "ascii") : Buffer.from(p))));
}
// Shift_JIS codes (JIS X 0208): 円 89 7E, 東 93 8C, 西 90 BC, 十 8F 5C (its second byte is
// "\", the classic trap for byte-wise parsers), 万 96 9C.
const EN = [0x89, 0x7e];
const EAST = [0x93, 0x8c];
const WEST = [0x90, 0xbc];
const JUU = [0x8f, 0x5c];
const MAN = [0x96, 0x9c];

type Cell = string | number | null | { value: Date; format: string };
const day = (iso: string): Cell => ({ value: new Date(`${iso}T00:00:00Z`), format: "yyyy-mm-dd" });
async function workbook(rows: Cell[][]): Promise<Uint8Array> {
  return new Uint8Array(await writeExcelFile(rows, { sheet: "実績" }).toBuffer());
}

const dir = await tempDir();
const files = await writeFiles(dir, {
  "plan.yaml": DAILY_REVENUE_YAML,
  // 東 1,000,000円 on 04-01, 西 500,000円 on 04-02; CRLF line ends as Excel writes them.
  "sjis.csv": shiftJis(
    "node,period,value,segment\r\n",
    'revenue,2026-04-01,"1,000,000',
    EN,
    '",',
    EAST,
    "\r\n",
    "revenue,2026-04-02,500000",
    EN,
    ",",
    WEST,
    "\r\n",
  ),
  // Line 3's value is 十万円 ("100,000 yen" in words): not a number.
  "sjis-bad.csv": shiftJis(
    "node,period,value,segment\r\n",
    "revenue,2026-04-01,1000,",
    EAST,
    "\r\n",
    "revenue,2026-04-02,",
    JUU,
    MAN,
    EN,
    ",",
    EAST,
    "\r\n",
  ),
  "daily.csv": dailyRevenueCsv(),
  // 2026-04-01 corrected from 200,000 to 300,000.
  "correction.csv": "node,period,value\nrevenue,2026-04-01,300000\n",
  "duplicate.csv": "node,period,value\nrevenue,2026-04-01,1\nrevenue,2026-04-01,2\n",
  "bom.csv": Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from('period,revenue\n2026-04-01,100000\n2026-04-02,"200,000円"\n', "utf8"),
  ]),
  "long.xlsx": await workbook([
    ["node", "period", "value", "segment"],
    ["revenue", day("2026-04-01"), 3000000, "東"],
    ["revenue", "2026-04-02", "1,000,000", "西"],
    ["revenue", day("2026-05-15"), 2000000, null],
  ]),
  "wide.xlsx": await workbook([
    ["period", "revenue"],
    [day("2026-04-01"), 100],
    [day("2026-04-02"), null],
    ["2026-04-03", 250],
  ]),
  "bad.xlsx": await workbook([
    ["node", "period", "value"],
    ["revenue", "2026-04-01", 100],
    ["revenue", "2026-04-02", "many"],
  ]),
});

const evalArgs = (...data: string[]) => [
  "eval",
  files["plan.yaml"],
  "--period",
  "FY2026-Q1",
  "--as-of",
  "2026-05-15",
  ...data.flatMap((d) => ["--data", d]),
];

describe("Shift_JIS CSV", () => {
  it("is decoded: 円 and thousands separators in values, Japanese segment names", async () => {
    const all = await shihyoJson<EvalDocument>(evalArgs(files["sjis.csv"]));
    expect(all.json.nodes[0]!.actual).toBe(1500000);
    const east = await shihyoJson<EvalDocument>([...evalArgs(files["sjis.csv"]), "--segment", "東"]);
    expect(east.json.segment).toBe("東");
    expect(east.json.nodes[0]!.actual).toBe(1000000);
    const west = await shihyoJson<EvalDocument>([...evalArgs(files["sjis.csv"]), "--segment", "西"]);
    expect(west.json.nodes[0]!.actual).toBe(500000);
  });

  it("a bad row is reported with its text decoded (十万円), line and column", async () => {
    const data = files["sjis-bad.csv"];
    const result = await shihyoExpecting(2, evalArgs(data));
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(new RegExp(`^${literal(data)}:3:3 \\(value\\): "十万円" `, "m"));
    expect(result.stderr).toMatch(/^The data has 1 bad row\(s\); nothing was read\.$/m);
  });
});

describe("UTF-8 with a BOM, wide shape", () => {
  it("reads the header despite the BOM (and a value written with 円)", async () => {
    const { json } = await shihyoJson<EvalDocument>(evalArgs(files["bom.csv"]));
    expect(json.nodes[0]!.actual).toBe(300000);
  });
});

describe("XLSX", () => {
  it("long shape with date cells, text numbers and segments", async () => {
    const all = await shihyoJson<EvalDocument>(evalArgs(files["long.xlsx"]));
    expect(all.json.nodes[0]!.actual).toBe(6000000);
    const east = await shihyoJson<EvalDocument>([...evalArgs(files["long.xlsx"]), "--segment", "東"]);
    expect(east.json.nodes[0]!.actual).toBe(3000000);
  });

  it("wide shape: 100 + 250, the empty cell skipped", async () => {
    const { json } = await shihyoJson<EvalDocument>(evalArgs(files["wide.xlsx"]));
    expect(json.nodes[0]!.actual).toBe(350);
  });

  it("a bad cell rejects the whole workbook, naming row and column (exit 2)", async () => {
    const result = await shihyoExpecting(2, evalArgs(files["bad.xlsx"]));
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(new RegExp(`^${literal(files["bad.xlsx"])}:3:3 \\(value\\): "many" `, "m"));
  });

  it("several --data files add up (CSV and XLSX together)", async () => {
    const { json } = await shihyoJson<EvalDocument>(evalArgs(files["sjis.csv"], files["wide.xlsx"]));
    expect(json.nodes[0]!.actual).toBe(1500350);
  });
});

describe("several files and repeated rows", () => {
  it("the same file twice counts once (import is idempotent)", async () => {
    const { json } = await shihyoJson<EvalDocument>(evalArgs(files["daily.csv"], files["daily.csv"]));
    expect(json.nodes[0]!.actual).toBe(12000000);
  });

  it("a later file's value for the same node, period and segment replaces the earlier one", async () => {
    const { json } = await shihyoJson<EvalDocument>(evalArgs(files["daily.csv"], files["correction.csv"]));
    expect(json.nodes[0]!.actual).toBe(12100000);
  });

  it("two values for one node, period and segment in one file are an error (exit 2, both lines named)", async () => {
    const data = files["duplicate.csv"];
    const result = await shihyoExpecting(2, evalArgs(data));
    expect(result.stderr).toMatch(new RegExp(`^${literal(data)}:3:3 \\(value\\): .*line 2`, "m"));
  });
});
