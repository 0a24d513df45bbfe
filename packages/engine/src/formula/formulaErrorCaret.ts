import type { ErrorLocation } from "../errors.js";

/**
 * Two lines for a terminal or a code block: the formula, and `^` under the part the error
 * points at (at least one, so "the formula ends here" shows too). Line breaks and tabs in
 * the formula are shown as spaces to keep it on one line and the caret aligned; full-width
 * characters count two columns, as monospace fonts draw them.
 */
export function formulaErrorCaret(source: string, error: { readonly location: ErrorLocation }): string {
  const line = source.replace(/[\t\n\r]/g, " ");
  const { offset, length = 0 } = error.location;
  if (offset === undefined) return `${line}\n`;
  const start = Math.max(0, Math.min(offset, source.length));
  const end = Math.max(start, Math.min(start + length, source.length));
  const indent = " ".repeat(columns(source.slice(0, start)));
  return `${line}\n${indent}${"^".repeat(Math.max(1, columns(source.slice(start, end))))}`;
}

function columns(text: string): number {
  let width = 0;
  for (const char of text) width += isWide(char.codePointAt(0)!) ? 2 : 1;
  return width;
}

/** East Asian wide and full-width ranges (CJK, kana, hangul, full-width forms, emoji). */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}
