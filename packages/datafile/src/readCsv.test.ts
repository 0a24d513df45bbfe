import { describe, expect, it } from "vitest";
import { prepareTestPlan, utf8 } from "../test/plan.js";
import type { DataRowError } from "./dataRowError.js";
import { formatDataErrors, readDataFile } from "./index.js";
import { CSV_CHUNK_BYTES, chunkEnd } from "./readCsv.js";

const prepared = prepareTestPlan();

async function read(text: string, options?: { maxErrors?: number; maxRows?: number }) {
  return readDataFile({ bytes: utf8(text), fileName: "data.csv" }, prepared, options);
}

async function errorsOf(text: string, options?: { maxErrors?: number; maxRows?: number }) {
  const result = await read(text, options);
  if (result.ok) throw new Error("expected the file to be rejected");
  return result;
}

/** Line, column and code of each error: what a user needs to find and fix it. */
function places(errors: readonly DataRowError[]) {
  return errors.map((e) => [e.line, e.column, e.code]);
}

describe("readDataFile: CSV, long shape", () => {
  it("reads node, period, value and segment", async () => {
    const result = await read(
      [
        "node,period,value,segment",
        "visitors,2026-04-15,1200,web",
        "visitors,2026-04-15,300,",
        'revenue,2026-04,"12,500,000",',
        "deals,FY2026-Q1,42,",
        "cvr,2026-04,2.5%,",
      ].join("\n"),
    );
    expect(result).toEqual({
      ok: true,
      shape: "long",
      encoding: "utf-8",
      rows: [
        { node: "visitors", period: "2026-04-15", value: 1200, segment: "web" },
        { node: "visitors", period: "2026-04-15", value: 300 },
        { node: "revenue", period: "2026-04", value: 12500000 },
        { node: "deals", period: "FY2026-Q1", value: 42 },
        { node: "cvr", period: "2026-04", value: 0.025 },
      ],
    });
  });

  it("finds the columns by name in any order and any case, and without segment", async () => {
    const result = await read(" Value ,PERIOD,Node\r\n10,2026-04-01,visitors\r\n");
    expect(result).toMatchObject({ ok: true, rows: [{ node: "visitors", period: "2026-04-01", value: 10 }] });
  });

  it("reads thousands separators, percentages and yen", async () => {
    const result = await read(
      'node,period,value\nrevenue,2026-04,"1,234,567"\nrevenue,2026-05,"1,000円"\nrevenue,2026-06,¥980\ncvr,2026-04,12.5%\n',
    );
    expect(result.ok && result.rows.map((r) => r.value)).toEqual([1234567, 1000, 980, 0.125]);
  });

  it("strips a UTF-8 byte order mark", async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("node,period,value\nnps,2026-04,42\n")]);
    const result = await readDataFile({ bytes, fileName: "data.csv" }, prepared);
    expect(result).toMatchObject({ ok: true, encoding: "utf-8", rows: [{ node: "nps", value: 42 }] });
  });

  it("reads Shift_JIS, as Japanese Excel saves CSV", async () => {
    // "node,period,value,segment\nrevenue,2026-04,1,000円,Web広告\n" with the value quoted.
    const header = utf8('node,period,value,segment\nrevenue,2026-04,"1,000');
    const yen = [0x89, 0x7e]; // 円
    const webAd = [0x57, 0x65, 0x62, 0x8d, 0x4c, 0x8d, 0x90]; // Web広告
    const bytes = new Uint8Array([...header, ...yen, 0x22, 0x2c, ...webAd, 0x0a]);
    const result = await readDataFile({ bytes, fileName: "売上.csv" }, prepared);
    expect(result).toEqual({
      ok: true,
      shape: "long",
      encoding: "shift_jis",
      rows: [{ node: "revenue", period: "2026-04", value: 1000, segment: "Web広告" }],
    });
  });

  it("rejects bytes that are neither UTF-8 nor Shift_JIS, at the line where they are", async () => {
    const bytes = new Uint8Array([
      ...utf8("node,period,value\nnps,2026-04,1\nnps,2026-05,"),
      0xff,
      0xfe,
      0x0a,
    ]);
    const result = await readDataFile({ bytes, fileName: "data.csv" }, prepared);
    expect(result.ok || places(result.errors)).toEqual([[3, null, "data.badEncoding"]]);
  });

  it("detects a semicolon or a tab as the delimiter", async () => {
    const semicolon = await read("node;period;value\nrevenue;2026-04;1,5\n");
    // With ";" as delimiter "1,5" is one cell: a bad number, not two cells.
    expect(semicolon.ok || places(semicolon.errors)).toEqual([[2, 3, "data.notANumber"]]);
    const tab = await read('node\tperiod\tvalue\nrevenue\t2026-04\t"1,500"\n');
    expect(tab).toMatchObject({ ok: true, rows: [{ value: 1500 }] });
  });

  it("skips blank lines and keeps counting them", async () => {
    const { errors } = await errorsOf("\nnode,period,value\n\nnps,2026-04,1\n,,\n\nnps,2026-05,x\n");
    expect(places(errors)).toEqual([[7, 3, "data.notANumber"]]);
  });

  it("reads lines ended by CR alone, and skips rows of empty cells before the header", async () => {
    const { errors } = await errorsOf(",,\rnode,period,value\rnps,2026-04,1\rnps,2026-05,x\r");
    expect(places(errors)).toEqual([[4, 3, "data.notANumber"]]);
  });

  it("accepts a file with a header and no rows", async () => {
    expect(await read("node,period,value\n")).toEqual({
      ok: true,
      rows: [],
      shape: "long",
      encoding: "utf-8",
    });
  });
});

describe("readDataFile: CSV, wide shape", () => {
  it("reads one column per node and skips empty cells as no data", async () => {
    const result = await read(
      ["period,revenue,nps,cvr", '2026-04,"3,000,000",41,', "2026-05,,,1.5%", "2026-06, ,45,2%"].join("\r\n"),
    );
    expect(result).toEqual({
      ok: true,
      shape: "wide",
      encoding: "utf-8",
      rows: [
        { node: "revenue", period: "2026-04", value: 3000000 },
        { node: "nps", period: "2026-04", value: 41 },
        { node: "cvr", period: "2026-05", value: 0.015 },
        { node: "nps", period: "2026-06", value: 45 },
        { node: "cvr", period: "2026-06", value: 0.02 },
      ],
    });
  });

  it("reports a bad node column once, at the header", async () => {
    const { errors } = await errorsOf("period,nps,npss,leads,growth\n2026-04,1,2,3,4\n2026-05,1,2,3,4\n");
    expect(places(errors)).toEqual([
      [1, 3, "data.unknownNode"],
      [1, 4, "data.computedOnly"],
      [1, 5, "data.notNumeric"],
    ]);
    expect(errors[0]!.text("en")).toBe(
      'Line 1, column 3 (npss): "npss" is not a node of this plan. Did you mean "nps"?',
    );
  });

  it("needs a period on a row that has values", async () => {
    const { errors } = await errorsOf("period,nps\n,40\n2026-05,\n");
    expect(places(errors)).toEqual([[2, 1, "data.emptyPeriod"]]);
  });

  it("checks each node's grain against the row's period", async () => {
    const { errors } = await errorsOf("period,nps,visitors\n2026-04,40,1000\n");
    expect(places(errors)).toEqual([[2, 3, "data.periodGrain"]]);
    expect(errors[0]!.reason("en")).toBe(
      '"2026-04" is a month, but "visitors" records data per day: write a period such as 2026-04-15.',
    );
  });

  it("rejects the same node twice and a value in a column without a header", async () => {
    const { errors } = await errorsOf("period,nps,nps,\n2026-04,40,41,oops\n");
    expect(places(errors)).toEqual([
      [1, 3, "data.duplicateColumn"],
      [2, 4, "data.unnamedColumn"],
    ]);
  });
});

describe("readDataFile: CSV errors", () => {
  it("lists every bad row with its line and column, and returns no rows", async () => {
    const result = await read(
      [
        "node,period,value", // 1
        "nps,2026-04,40", // 2
        "nps,2026-05,abc", // 3
        "nps,2026-06,41", // 4
        "visitorz,2026-04-01,10", // 5
        "visitors,2026-04-01,10", // 6
        "visitors,2026-04-02,10", // 7
        "visitors,2026-04-03,10", // 8
        "visitors,2026-04,10", // 9
        "visitors,2026-04-04,10", // 10
      ].join("\n"),
    );
    expect(result.ok).toBe(false);
    expect("rows" in result).toBe(false);
    if (result.ok) return;
    expect(result.totalErrors).toBe(3);
    expect(places(result.errors)).toEqual([
      [3, 3, "data.notANumber"],
      [5, 1, "data.unknownNode"],
      [9, 2, "data.periodGrain"],
    ]);
    expect(result.errors.map((e) => [e.columnName, e.value])).toEqual([
      ["value", "abc"],
      ["node", "visitorz"],
      ["period", "2026-04"],
    ]);
  });

  it("keeps line numbers right after a quoted field that spans lines", async () => {
    for (const lineBreak of ["\n", "\r\n"]) {
      const text = [
        "node,period,value,segment", // 1
        'nps,2026-04,40,"two', // 2
        'lines"', // 3
        'nps,2026-05,41,"three', // 4
        "", // 5
        'lines"', // 6
        "nps,2026-06,x,", // 7
        'nps,2026-07,"4', // 8
        '2",', // 9 (a line break inside the value)
      ].join(lineBreak);
      const { errors } = await errorsOf(text);
      expect(places(errors)).toEqual([
        [7, 3, "data.notANumber"],
        [8, 3, "data.notANumber"],
      ]);
    }
  });

  it("suggests the closest node for an unknown one", async () => {
    const { errors } = await errorsOf("node,period,value\nrevenu,2026-04,1\n");
    expect(errors[0]!.text("en")).toBe(
      'Line 2, column 1 (node): "revenu" is not a node of this plan. Did you mean "revenue"?',
    );
    expect(errors[0]!.text("ja")).toBe(
      "2行目、1列目（node）: 「revenu」はこのプランのノードではありません。「revenue」の誤りではありませんか？",
    );
  });

  it("names both grains when a period does not fit the node", async () => {
    const { errors } = await errorsOf("node,period,value\nrevenue,2026-04-15,1\n");
    expect(errors.map((e) => e.code)).toEqual(["data.periodGrain"]);
    expect(errors[0]!.reason("en")).toContain('"2026-04-15" is a day, but "revenue" records data per month');
    expect(errors[0]!.reason("ja")).toContain("日単位");
    expect(errors[0]!.reason("ja")).toContain("月単位");
  });

  it("passes on the period module's reason for a bad period", async () => {
    const { errors } = await errorsOf("node,period,value\nrevenue,2026/4,1\nrevenue,2026-13,1\n");
    expect(places(errors)).toEqual([
      [2, 2, "data.badPeriod"],
      [3, 2, "data.badPeriod"],
    ]);
    expect(errors[0]!.text("en")).toMatch(/^Line 2, column 2 \(period\): "2026\/4" is not a period\./);
  });

  it("rejects data for a computed-only node and for a KSF", async () => {
    const { errors } = await errorsOf("node,period,value\nleads,2026-04,10\ngrowth,2026-04,1\n");
    expect(places(errors)).toEqual([
      [2, 1, "data.computedOnly"],
      [3, 1, "data.notNumeric"],
    ]);
  });

  it("rejects a second value for the same node, period and segment, naming the first line", async () => {
    const { errors } = await errorsOf(
      [
        "node,period,value,segment",
        "nps,2026-04,40,",
        "nps,2026-04,40,web",
        "nps,2026-05,40,",
        "nps,2026-04,41,",
        "nps,2026-04,42,web",
      ].join("\n"),
    );
    expect(places(errors)).toEqual([
      [5, 3, "data.duplicate"],
      [6, 3, "data.duplicate"],
    ]);
    expect(errors[0]!.reason("en")).toBe(
      '"nps" for 2026-04 already has a value on line 2: give each node, period and segment one value per file.',
    );
    expect(errors[1]!.reason("ja")).toContain("3行目");
  });

  it("needs a node, a period and a value on every long row", async () => {
    const { errors } = await errorsOf("node,period,value\n,2026-04,1\nnps,,1\nnps,2026-04,\n");
    expect(places(errors)).toEqual([
      [2, 1, "data.emptyCell"],
      [3, 2, "data.emptyCell"],
      [4, 3, "data.emptyCell"],
    ]);
  });

  it("rejects a header that fits neither shape, naming both", async () => {
    const { errors, totalErrors } = await errorsOf("date,amount\n2026-04,1\n");
    expect(totalErrors).toBe(1);
    expect(places(errors)).toEqual([[1, null, "data.badHeader"]]);
    expect(errors[0]!.reason("en")).toContain('"date,amount"');
    expect(errors[0]!.reason("en")).toContain("Long: the columns node, period and value");
    expect(errors[0]!.reason("en")).toContain("Wide: period in the first column");
  });

  it("rejects an unknown column in the long shape, with a suggestion", async () => {
    const { errors } = await errorsOf("node,period,value,segmnet\nnps,2026-04,1,web\n");
    expect(places(errors)).toEqual([[1, 4, "data.unknownColumn"]]);
    expect(errors[0]!.reason("en")).toContain('Did you mean "segment"?');
  });

  it("reports an unclosed quote at the line of its record", async () => {
    const { errors } = await errorsOf('node,period,value\nnps,2026-04,1\nnps,2026-05,"2\nnps,2026-06,3\n');
    expect(places(errors)).toEqual([[3, null, "data.quoteNotClosed"]]);
  });

  it("reports an empty file", async () => {
    for (const text of ["", "\n\n", "\uFEFF"]) {
      const { errors } = await errorsOf(text);
      expect(places(errors)).toEqual([[null, null, "data.empty"]]);
    }
  });

  it("rejects the whole file for one bad row among a thousand good ones", async () => {
    const lines = ["node,period,value"];
    for (let day = 0; day < 1000; day++) {
      const date = new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10);
      lines.push(`visitors,${date},${day === 700 ? '"12,3,4"' : day}`);
    }
    const result = await read(lines.join("\n"));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(places(result.errors)).toEqual([[702, 3, "data.notANumber"]]);
  });

  it("keeps maxErrors errors and counts the rest", async () => {
    const lines = ["node,period,value"];
    for (let day = 1; day <= 28; day++) lines.push(`visitors,2026-02-${String(day).padStart(2, "0")},x`);
    const result = await errorsOf(lines.join("\n"), { maxErrors: 5 });
    expect(result.errors).toHaveLength(5);
    expect(result.totalErrors).toBe(28);
    const listing = formatDataErrors(result.errors, "en", result.totalErrors).split("\n");
    expect(listing).toHaveLength(6);
    expect(listing[0]).toBe(
      'data.csv:2:3 (value): "x" is not a number. Write digits, optionally with thousands separators, a decimal point and a trailing % or 円, e.g. 1,234.5, 12.5% or 1,000円.',
    );
    expect(listing[5]).toBe("… and 23 more errors.");
    expect(formatDataErrors(result.errors, "ja", result.totalErrors).split("\n")[5]).toBe(
      "…ほかに 23 件のエラーがあります。",
    );
  });

  it("stops at maxRows values", async () => {
    const { errors } = await errorsOf("node,period,value\nnps,2026-04,1\nnps,2026-05,2\nnps,2026-06,3\n", {
      maxRows: 2,
    });
    expect(places(errors)).toEqual([[4, null, "data.tooManyRows"]]);
  });

  it("rejects an old binary Excel workbook", async () => {
    const result = await readDataFile(
      { bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), fileName: "a.xls" },
      prepared,
    );
    expect(result.ok || places(result.errors)).toEqual([[null, null, "data.xlsNotSupported"]]);
    expect(result.ok || formatDataErrors(result.errors, "en", result.totalErrors)).toBe(
      "a.xls: Old Excel workbooks (.xls) cannot be read: save the file as an Excel workbook (.xlsx) or as CSV.",
    );
  });
});

describe("readDataFile: large CSV", () => {
  it("cuts chunks only between records", () => {
    const bytes = utf8('a,b\n"x\ny",1\n"p""\nq",2\n3,4\n');
    const ends: number[] = [];
    for (let from = 0; from < bytes.length; ) {
      from = chunkEnd(bytes, from, 1);
      ends.push(from);
    }
    // After "a,b\n", after the record that holds "x\ny", after the one with "p""\nq", then 3,4.
    expect(ends).toEqual([4, 12, 22, 26]);
  });

  it("keeps line numbers across chunks, with quoted line breaks near the cuts", async () => {
    const lines = ["node,period,value,segment"];
    let line = 1;
    const start = Date.UTC(2026, 0, 1);
    const grouped = new Intl.NumberFormat("en-US");
    let size = 0;
    for (let i = 0; size < 2.5 * CSV_CHUNK_BYTES; i++) {
      const date = new Date(start + (i % 300) * 86_400_000).toISOString().slice(0, 10);
      const segment = i % 7 === 0 ? `"seg ""${i}""\nsecond line"` : `seg${i}`;
      const record = `visitors,${date},"${grouped.format(i * 1000)}",${segment}`;
      lines.push(record);
      line += i % 7 === 0 ? 2 : 1;
      size += record.length + 1;
    }
    lines.push("visitors,2026-01-01,oops,late");
    const badLine = line + 1;
    const result = await read(lines.join("\n"));
    expect(result.ok || places(result.errors)).toEqual([[badLine, 3, "data.notANumber"]]);
  });
});
