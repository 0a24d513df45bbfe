import pc from "picocolors";
import type { CliMessages, Lang } from "./messages.js";

export type Colors = ReturnType<typeof pc.createColors>;

/**
 * Text from a file made safe for a terminal: control characters (an escape sequence in a
 * node's name, the bytes of a binary file given as a KPI file) become "\uFFFD", so that only
 * our own colours ever reach the terminal. Line breaks and tabs stay.
 */
export function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finds control characters to replace
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "\ufffd");
}

export function colors(enabled: boolean): Colors {
  return pc.createColors(enabled);
}

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: Lang, digits: number): Intl.NumberFormat {
  const key = `${lang}|${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    // signDisplay "negative" keeps a value that rounds to zero from showing as "-0".
    format = new Intl.NumberFormat(lang === "ja" ? "ja-JP" : "en-US", {
      maximumFractionDigits: digits,
      signDisplay: "negative",
    });
    numberFormats.set(key, format);
  }
  return format;
}

/** A value in its unit, for people: 20 % for a percent stored as 0.2, ¥ / 円 for yen. */
export function formatValue(value: number | null, unit: string | undefined, lang: Lang): string {
  if (value === null) return "—";
  switch (unit) {
    case "percent":
    case "%":
      return `${numberFormat(lang, 2).format(value * 100)}%`;
    case "JPY":
      return lang === "ja"
        ? `${numberFormat(lang, 0).format(value)}円`
        : `¥${numberFormat(lang, 0).format(value)}`;
    case "USD":
      return `$${numberFormat(lang, 2).format(value)}`;
    case "ratio":
      return numberFormat(lang, 4).format(value);
    case undefined:
    case "count":
      return numberFormat(lang, 2).format(value);
    default:
      return `${numberFormat(lang, 2).format(value)} ${unit}`;
  }
}

export function formatNumber(value: number | null, lang: Lang, digits = 2): string {
  return value === null ? "—" : numberFormat(lang, digits).format(value);
}

export function formatShare(value: number | null, lang: Lang): string {
  return value === null ? "—" : `${numberFormat(lang, 1).format(value * 100)}%`;
}

const STATUS_ICONS: Record<string, string> = {
  achieved: "◎",
  on_track: "●",
  at_risk: "▲",
  off_track: "✕",
  no_target: "○",
  no_data: "·",
};

/** Status as an icon and a word (never colour alone), coloured on a terminal. */
export function formatStatus(status: string, messages: CliMessages, c: Colors): string {
  const text = `${STATUS_ICONS[status] ?? ""} ${messages.statusNames[status] ?? status}`;
  switch (status) {
    case "achieved":
    case "on_track":
      return c.green(text);
    case "at_risk":
      return c.yellow(text);
    case "off_track":
      return c.red(text);
    default:
      return c.dim(text);
  }
}

/** Columns on a terminal: East Asian wide characters take two cells. */
export function displayWidth(text: string): number {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips ANSI colour codes
  const plain = text.replace(/\u001b\[[0-9;]*m/g, "");
  let width = 0;
  for (const ch of plain) {
    const code = ch.codePointAt(0)!;
    width +=
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x20000 && code <= 0x3fffd)
        ? 2
        : 1;
  }
  return width;
}

/** A plain table: first row is the header; numeric-looking columns align right. */
export function table(rows: string[][], alignRight: readonly boolean[] = []): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, displayWidth(cell));
    });
  }
  return rows
    .map((row) =>
      row
        .map((cell, i) => {
          const pad = " ".repeat(widths[i]! - displayWidth(cell));
          return alignRight[i] ? pad + cell : cell + pad;
        })
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}
