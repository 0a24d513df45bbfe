/*
 * Numbers typed or pasted into the data-entry grid. The rules are those of the data files
 * (packages/datafile's parseNumberCell), so a value typed here reads as it would in an
 * imported CSV: "1,234", "1234.5", "-12", "12.5%", "¥1,000", "1,000円", "$1,234.50", the
 * Japanese accounting minus "▲500" / "△500", full-width digits from a Japanese IME
 * ("１，２３４"), spaces around. Thousands separators only in groups of three; no "1.234,5".
 *
 * One difference, for what people see: a percent KPI is shown as "12.5%", so in its cells a
 * plain number is percentage points too ("12.5" and "12.5%" both store 0.125), as a
 * spreadsheet's percent-formatted cell reads it.
 */

/** What a cell's text means: a value, "no value" (empty text), or not a number. */
export type CellReading = { ok: true; value: number | null } | { ok: false };

const NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d*)?$/;
const EXPONENT = /^(?:\d+(?:\.\d*)?|\.\d+)[eE][+-]?\d+$/;

/**
 * The text with full-width and typographic forms made ASCII (NFKC maps the full-width block
 * and the ideographic space) and the minus signs people type made "-".
 */
function normalise(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\u2212\u25b2\u25b3\u2012\u2013]/g, "-")
    .trim();
}

/** Reads a number as the data files do; `unit` "percent" makes a plain number percentage points. */
export function readCellNumber(text: string, unit: string | undefined): CellReading {
  let rest = normalise(text);
  if (rest === "") return { ok: true, value: null };
  let percent = false;
  let currency = false;
  if (rest.endsWith("%")) {
    percent = true;
    rest = rest.slice(0, -1).trimEnd();
  } else if (rest.endsWith("円")) {
    currency = true;
    rest = rest.slice(0, -1).trimEnd();
  }
  let negative = false;
  let signed = false;
  // A sign and a currency mark before the digits, in either order ("-¥1,000", "¥-1,000").
  for (let k = 0; k < 2; k++) {
    const first = rest[0];
    if (!signed && (first === "-" || first === "+")) {
      signed = true;
      negative = first === "-";
    } else if (!currency && !percent && (first === "¥" || first === "$")) {
      currency = true;
    } else break;
    rest = rest.slice(1).trimStart();
  }
  if (rest === "" || rest === ".") return { ok: false };
  let value: number;
  if (NUMBER.test(rest)) value = Number(rest.replaceAll(",", ""));
  else if (EXPONENT.test(rest)) value = Number(rest);
  else return { ok: false };
  if (!Number.isFinite(value)) return { ok: false };
  // Divided as the data files divide, so a value typed here equals the same text imported.
  if (percent || unit === "percent") value /= 100;
  if (negative) value = -value;
  return { ok: true, value: value === 0 ? 0 : value };
}

/**
 * A stored value as the text to edit: the plain number, no separators ("1234567"), and a
 * percent KPI in percentage points with its sign ("12.5%"), so that reading it back gives
 * the same value.
 */
export function editText(value: number | null, unit: string | undefined): string {
  if (value === null) return "";
  if (unit === "percent") return `${Number((value * 100).toPrecision(12))}%`;
  return String(Number(value.toPrecision(15)));
}
