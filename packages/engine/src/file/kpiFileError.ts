import type { Lang } from "../i18n/lang.js";
import { type FileMessage, renderFileMessage } from "./messages.js";

/** A problem in a KPI file, located so that an editor or a CI log can point at it. */
export interface KpiFileError {
  code: string;
  /** Where in the plan, e.g. `nodes[3].cadence`; empty when the file could not be read at all. */
  path: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units of the line (what JavaScript and most editors count). */
  column: number;
  file?: string;
  text(lang: Lang): string;
}

export interface SourcePosition {
  line: number;
  column: number;
}

export function kpiFileError(options: {
  code: string;
  path: string;
  at: SourcePosition;
  file: string | undefined;
  text: (lang: Lang) => string;
}): KpiFileError {
  const { code, path, at, file, text } = options;
  const error: KpiFileError = { code, path, line: at.line, column: at.column, text };
  if (file !== undefined) error.file = file;
  return error;
}

export function fileMessageError(
  message: FileMessage,
  where: { path: string; at: SourcePosition; file: string | undefined },
): KpiFileError {
  return kpiFileError({ code: message.code, ...where, text: (lang) => renderFileMessage(message, lang) });
}

/** In reading order; errors at one place keep the order they were found in. */
export function sortKpiFileErrors(errors: readonly KpiFileError[]): KpiFileError[] {
  return [...errors].sort((a, b) => a.line - b.line || a.column - b.column);
}

/** `plan.yaml:12:5: nodes[3].cadense: Unknown key "cadense" — did you mean "cadence"?` */
export function formatKpiFileError(error: KpiFileError, lang: Lang): string {
  const where = `${error.file === undefined ? "" : `${error.file}:`}${error.line}:${error.column}`;
  return error.path === "" ? `${where}: ${error.text(lang)}` : `${where}: ${error.path}: ${error.text(lang)}`;
}
