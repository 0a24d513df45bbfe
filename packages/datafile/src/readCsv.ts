import { Buffer } from "node:buffer";
import { CsvError, parse } from "csv-parse/sync";
import { reasonOf } from "./dataRowError.js";
import { detectEncoding, stripBom, type TextEncodingName } from "./decodeText.js";
import { isBlankRow, type MeasurementCollector } from "./measurementCollector.js";

const LF = 10;
const CR = 13;
const QUOTE = 34;
const COMMA = 44;
const TAB = 9;
const SEMICOLON = 59;
const REPLACEMENT_CHARACTER = "\uFFFD";

/** Bytes handed to csv-parse at a time: bounds the records held in memory at once. */
export const CSV_CHUNK_BYTES = 1 << 20;

/**
 * The delimiter the header line uses: a comma when it has one, else a tab, else a
 * semicolon (what Excel writes where the decimal separator is a comma).
 */
function detectDelimiter(bytes: Uint8Array): string {
  let end = bytes.indexOf(LF);
  if (end < 0) end = bytes.length;
  const header = bytes.subarray(0, end);
  if (header.includes(COMMA)) return ",";
  if (header.includes(TAB)) return "\t";
  if (header.includes(SEMICOLON)) return ";";
  return ",";
}

/**
 * Where the chunk that starts at `from` should end: just after the first line feed at or
 * beyond `from + size` that lies outside quotes. In RFC 4180 CSV a line feed is outside
 * quotes exactly when an even number of quote characters precedes it ("" inside a quoted
 * field counts twice), so the cut never splits a record.
 */
export function chunkEnd(bytes: Uint8Array, from: number, size: number): number {
  const target = from + size;
  if (target >= bytes.length) return bytes.length;
  let quotes = 0;
  for (let q = bytes.indexOf(QUOTE, from); q >= 0 && q < target; q = bytes.indexOf(QUOTE, q + 1)) quotes++;
  let at = target;
  for (;;) {
    const lf = bytes.indexOf(LF, at);
    if (lf < 0) return bytes.length;
    for (let q = bytes.indexOf(QUOTE, at); q >= 0 && q < lf; q = bytes.indexOf(QUOTE, q + 1)) quotes++;
    if (quotes % 2 === 0) return lf + 1;
    at = lf + 1;
  }
}

/** How many line breaks a field holds (only quoted fields can hold any). */
function lineBreaksIn(field: string, lineBreak: string): number {
  let count = 0;
  for (let at = field.indexOf(lineBreak); at >= 0; at = field.indexOf(lineBreak, at + 1)) count++;
  return count;
}

/**
 * Reads a CSV file into the collector and returns its encoding. Lines are counted here
 * rather than taken from csv-parse, so that a record whose quoted field spans lines is
 * reported at the line it starts on, and later records keep their real line numbers.
 */
export function readCsv(bytes: Uint8Array, collector: MeasurementCollector): TextEncodingName {
  const body = stripBom(bytes);
  const encoding = detectEncoding(body);
  let utf8: Buffer;
  if (encoding === "utf-8") {
    utf8 = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  } else {
    const text = new TextDecoder("shift_jis").decode(body);
    const bad = text.indexOf(REPLACEMENT_CHARACTER);
    if (bad >= 0) {
      const line = lineOfOffset(text, bad);
      collector.fatal(line, null, "data.badEncoding", reasonOf("data.badEncoding"));
      return encoding;
    }
    utf8 = Buffer.from(text, "utf8");
  }

  const delimiter = detectDelimiter(utf8);
  // A file that uses CR alone to end lines (old Mac) has no LF at all.
  const lineBreak = utf8.includes(LF) || !utf8.includes(CR) ? "\n" : "\r";
  const options = { delimiter, relax_column_count: true, skip_empty_lines: false } as const;
  let line = 1;
  for (let from = 0; from < utf8.length && collector.reading; ) {
    const end = chunkEnd(utf8, from, CSV_CHUNK_BYTES);
    const chunk = utf8.subarray(from, end);
    let records: string[][];
    try {
      records = parse(chunk, options);
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      reportSyntaxError(error, chunk, line, collector);
      return encoding;
    }
    for (let r = 0; r < records.length; r++) {
      const cells = records[r]!;
      if (!collector.hasHeader) {
        if (!isBlankRow(cells) && !collector.header(cells, line)) return encoding;
      } else if (!collector.row(cells, line)) {
        return encoding;
      }
      line++;
      for (let c = 0; c < cells.length; c++) {
        if (cells[c]!.length > 1) line += lineBreaksIn(cells[c]!, lineBreak);
      }
    }
    from = end;
  }
  return encoding;
}

function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf("\n"); at >= 0 && at < offset; at = text.indexOf("\n", at + 1)) line++;
  return line;
}

/**
 * Reports what csv-parse could not read, at the line of the record it was reading: its
 * `bytes` points into that record (its own line count is off after CRLFs inside quotes).
 * Its messages are English only, so the common cases get messages of our own.
 */
function reportSyntaxError(
  error: CsvError,
  chunk: Uint8Array,
  chunkLine: number,
  collector: MeasurementCollector,
): void {
  const bytes = typeof error.bytes === "number" ? Math.min(Math.max(error.bytes - 1, 0), chunk.length) : 0;
  let line = chunkLine;
  for (let at = chunk.indexOf(LF); at >= 0 && at < bytes; at = chunk.indexOf(LF, at + 1)) line++;
  switch (error.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      collector.fatal(line, null, "data.quoteNotClosed", reasonOf("data.quoteNotClosed"));
      return;
    case "INVALID_OPENING_QUOTE":
    case "CSV_INVALID_CLOSING_QUOTE":
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
      collector.fatal(line, null, "data.badQuote", reasonOf("data.badQuote"));
      return;
    default:
      collector.fatal(line, null, "data.csvSyntax", reasonOf("data.csvSyntax", { detail: error.message }));
  }
}
