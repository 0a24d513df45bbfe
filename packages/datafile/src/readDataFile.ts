import type { Measurement, PreparedPlan } from "@shihyo/engine";
import type { DataRowError } from "./dataRowError.js";
import { reasonOf } from "./dataRowError.js";
import { type DataShape, MeasurementCollector } from "./measurementCollector.js";
import { readCsv } from "./readCsv.js";
import { isOleWorkbook, isZip, readXlsx } from "./readXlsx.js";

export interface DataFileInput {
  bytes: Uint8Array;
  /** Names the file in errors; its extension picks the format (with the bytes). */
  fileName: string;
}

export interface ReadDataFileOptions {
  /** Errors kept in the result; all are counted in `totalErrors`. Default 100. */
  maxErrors?: number;
  /** Most values a file may hold (rows in the long shape, filled cells in the wide one). */
  maxRows?: number;
}

export type DataFileResult =
  | {
      ok: true;
      rows: Measurement[];
      shape: DataShape;
      /** CSV only: the encoding the bytes were read in. */
      encoding?: "utf-8" | "shift_jis";
      /** XLSX only: the name of the sheet read (the first). */
      sheet?: string;
    }
  | { ok: false; errors: DataRowError[]; totalErrors: number };

export const DEFAULT_MAX_ERRORS = 100;

/**
 * Reads a data file of actuals (CSV in UTF-8 or Shift_JIS, or XLSX; long or wide shape) and
 * checks every row against the plan. All or nothing: either every row is good and all are
 * returned, or none are and the errors say where and why, up to `maxErrors`.
 */
export async function readDataFile(
  input: DataFileInput,
  prepared: PreparedPlan,
  options: ReadDataFileOptions = {},
): Promise<DataFileResult> {
  const { bytes, fileName } = input;
  const extension = fileName.slice(fileName.lastIndexOf(".") + 1).toLowerCase();
  const sheet = extension === "xlsx" || isZip(bytes);
  const collector = new MeasurementCollector(prepared, {
    file: fileName,
    sheet,
    maxErrors: Math.max(0, options.maxErrors ?? DEFAULT_MAX_ERRORS),
    maxRows: options.maxRows ?? Number.POSITIVE_INFINITY,
  });

  if (sheet) {
    const sheetName = await readXlsx(bytes, collector);
    const result = collector.finish();
    return result.ok && sheetName !== null ? { ...result, sheet: sheetName } : result;
  }
  if (extension === "xls" || isOleWorkbook(bytes)) {
    collector.fatal(null, null, "data.xlsNotSupported", reasonOf("data.xlsNotSupported"));
    return collector.finish();
  }
  const encoding = readCsv(bytes, collector);
  const result = collector.finish();
  return result.ok ? { ...result, encoding } : result;
}
