import { Buffer } from "node:buffer";
import readXlsxFile from "read-excel-file/node";
import { reasonOf } from "./dataRowError.js";
import { type Cell, isBlankRow, type MeasurementCollector } from "./measurementCollector.js";

/** The first bytes of a zip archive, which an .xlsx workbook is. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The first bytes of an OLE compound file: an old binary .xls workbook. */
export function isOleWorkbook(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

/**
 * Reads the first sheet of a workbook into the collector and returns the sheet's name, or
 * null when the workbook cannot be read. The sheet's row numbers are the lines and its
 * column numbers the columns; the first row with anything in it is the header.
 */
export async function readXlsx(bytes: Uint8Array, collector: MeasurementCollector): Promise<string | null> {
  let sheets: Awaited<ReturnType<typeof readXlsxFile>>;
  try {
    sheets = await readXlsxFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    collector.fatal(null, null, "data.badWorkbook", reasonOf("data.badWorkbook", { detail: error.message }));
    return null;
  }
  const first = sheets[0];
  if (first === undefined) return null;
  // The library types a date cell as `typeof Date`; the value is a Date instance.
  const rows = first.data as unknown as readonly (readonly Cell[])[];
  for (let i = 0; i < rows.length && collector.reading; i++) {
    const cells = rows[i]!;
    const line = i + 1;
    if (!collector.hasHeader) {
      if (!isBlankRow(cells) && !collector.header(cells, line)) break;
    } else {
      collector.row(cells, line);
    }
  }
  return first.sheet;
}
