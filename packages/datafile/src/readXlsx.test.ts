import { describe, expect, it } from "vitest";
import writeExcelFile from "write-excel-file/node";
import { prepareTestPlan } from "../test/plan.js";
import { readDataFile } from "./index.js";

const prepared = prepareTestPlan();

type SheetCell = string | number | Date | null | { value: Date; format: string };

async function workbook(rows: SheetCell[][], sheet = "実績"): Promise<Uint8Array> {
  return new Uint8Array(await writeExcelFile(rows, { sheet }).toBuffer());
}

/** A date cell as Excel holds one: a day at midnight, with a date format. */
function day(year: number, month: number, date: number): { value: Date; format: string } {
  return { value: new Date(Date.UTC(year, month - 1, date)), format: "yyyy-mm-dd" };
}

describe("readDataFile: XLSX", () => {
  it("reads the long shape, with number, text and date cells", async () => {
    const bytes = await workbook([
      ["node", "period", "value", "segment"],
      ["visitors", day(2026, 4, 15), 1200, "Web広告"],
      ["revenue", "2026-04", "12,500,000", null],
      ["cvr", "2026-04", 0.025, null],
      ["deals", "FY2026-Q1", 42, 7],
    ]);
    const result = await readDataFile({ bytes, fileName: "actuals.xlsx" }, prepared);
    expect(result).toEqual({
      ok: true,
      shape: "long",
      sheet: "実績",
      rows: [
        { node: "visitors", period: "2026-04-15", value: 1200, segment: "Web広告" },
        { node: "revenue", period: "2026-04", value: 12500000 },
        { node: "cvr", period: "2026-04", value: 0.025 },
        { node: "deals", period: "FY2026-Q1", value: 42, segment: "7" },
      ],
    });
  });

  it("reads the wide shape with date periods and skips empty cells", async () => {
    const bytes = await workbook([
      ["period", "visitors"],
      [day(2026, 3, 31), 100],
      [day(2026, 4, 1), null],
      [day(2026, 4, 2), "1,250"],
    ]);
    const result = await readDataFile({ bytes, fileName: "daily.xlsx" }, prepared);
    expect(result).toEqual({
      ok: true,
      shape: "wide",
      sheet: "実績",
      rows: [
        { node: "visitors", period: "2026-03-31", value: 100 },
        { node: "visitors", period: "2026-04-02", value: 1250 },
      ],
    });
  });

  it("reads the day a date cell shows in any time zone of the machine", async () => {
    const bytes = await workbook([
      ["period", "visitors"],
      [day(2026, 1, 1), 1],
      [day(2026, 12, 31), 2],
    ]);
    const result = await readDataFile({ bytes, fileName: "d.xlsx" }, prepared);
    expect(result.ok && result.rows.map((r) => r.period)).toEqual(["2026-01-01", "2026-12-31"]);
  });

  it("reports a bad row at its sheet row and column", async () => {
    const bytes = await workbook([
      [null],
      ["node", "period", "value"],
      ["nps", "2026-04", 40],
      ["nps", "2026-05", "n/a"],
      ["revenue", day(2026, 4, 1), 100],
    ]);
    const result = await readDataFile({ bytes, fileName: "bad.xlsx" }, prepared);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.file, e.line, e.column, e.columnName, e.value, e.code])).toEqual([
      ["bad.xlsx", 4, 3, "value", "n/a", "data.notANumber"],
      ["bad.xlsx", 5, 2, "period", "2026-04-01", "data.periodGrain"],
    ]);
    expect(result.errors[0]!.text("en")).toMatch(/^Row 4, column C \(value\): "n\/a" is not a number\./);
    expect(result.errors[0]!.text("ja")).toMatch(/^4行目、C列（value）: 「n\/a」は数値として読めません。/);
    // A month typed into Excel becomes a date: the message says how to keep it text.
    expect(result.errors[1]!.reason("en")).toContain("Excel stored this cell as a date");
  });

  it("recognises a workbook by its bytes whatever the file is called", async () => {
    const bytes = await workbook([
      ["node", "period", "value"],
      ["nps", "2026-04", 40],
    ]);
    const result = await readDataFile({ bytes, fileName: "upload" }, prepared);
    expect(result).toMatchObject({ ok: true, shape: "long", rows: [{ node: "nps", value: 40 }] });
  });

  it("rejects a file that is not a workbook", async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    const result = await readDataFile({ bytes, fileName: "broken.xlsx" }, prepared);
    expect(result.ok || result.errors.map((e) => [e.line, e.code])).toEqual([[null, "data.badWorkbook"]]);
  });
});
