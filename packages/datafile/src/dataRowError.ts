import type { Lang } from "@shihyo/engine";
import { columnLetter, type DataFileMessageCode, dataFileMessages } from "./messages.js";

/**
 * One problem in a data file. `line` is the 1-based line of a CSV record (where the record
 * starts) or the row number of a sheet, null only when the file cannot be read at all;
 * `column` is 1-based, null when the problem concerns the whole line.
 */
export interface DataRowError {
  readonly file: string;
  readonly line: number | null;
  readonly column: number | null;
  /** The column's header, when it has one. */
  readonly columnName?: string;
  /** The cell's text as the file has it. */
  readonly value?: string;
  /** Stable: `data.notANumber`, `data.unknownNode`, `data.periodGrain`, ... */
  readonly code: string;
  /** What is wrong and how to fix it, without the location. */
  reason(lang: Lang): string;
  /** Where and what: "Line 14, column 3 (value): "12,3,4" is not a number. …". */
  text(lang: Lang): string;
}

export type Reason = (lang: Lang) => string;

type Params<K extends DataFileMessageCode> = Parameters<(typeof dataFileMessages.en)[K]>;

/** A reason from the catalogue. */
export function reasonOf<K extends DataFileMessageCode>(code: K, ...params: Params<K>): Reason {
  return (lang) => (dataFileMessages[lang][code] as (...p: Params<K>) => string)(...params);
}

export interface ErrorPlace {
  file: string;
  line: number | null;
  column: number | null;
  columnName?: string;
  value?: string;
  /** Sheets name their rows "rows" and their columns by letter. */
  sheet: boolean;
}

function whereText(place: ErrorPlace, lang: Lang): string | null {
  const messages = dataFileMessages[lang];
  const { line, column } = place;
  if (line === null) return null;
  if (column === null)
    return place.sheet ? messages["where.sheetRow"]({ line }) : messages["where.line"]({ line });
  const name = place.columnName ?? "";
  return place.sheet
    ? messages["where.sheetCell"]({ line, column: columnLetter(column), name })
    : messages["where.cell"]({ line, column: String(column), name });
}

export function dataRowError(place: ErrorPlace, code: string, reason: Reason): DataRowError {
  const error: DataRowError = {
    file: place.file,
    line: place.line,
    column: place.column,
    ...(place.columnName !== undefined ? { columnName: place.columnName } : {}),
    ...(place.value !== undefined ? { value: place.value } : {}),
    code,
    reason,
    text(lang) {
      const where = whereText(place, lang);
      return where === null ? reason(lang) : dataFileMessages[lang].located({ where, reason: reason(lang) });
    },
  };
  return error;
}
