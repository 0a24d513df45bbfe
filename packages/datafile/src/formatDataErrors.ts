import type { Lang } from "@shihyo/engine";
import type { DataRowError } from "./dataRowError.js";
import { dataFileMessages } from "./messages.js";

/**
 * The errors as lines a terminal shows, each led by `file:line:column (column name)` as
 * compilers write it, and a last line saying how many more there are when the list was cut.
 */
export function formatDataErrors(
  errors: readonly DataRowError[],
  lang: Lang,
  totalErrors = errors.length,
): string {
  const lines = errors.map((error) => {
    let place = error.file;
    if (error.line !== null) place += `:${error.line}`;
    if (error.line !== null && error.column !== null) place += `:${error.column}`;
    if (error.columnName !== undefined) place += ` (${error.columnName})`;
    return `${place}: ${error.reason(lang)}`;
  });
  const more = totalErrors - errors.length;
  if (more > 0) lines.push(dataFileMessages[lang].more({ count: more }));
  return lines.join("\n");
}
