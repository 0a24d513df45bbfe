/**
 * A target as typed and as stored: percentages are typed as percent ("44" for 44 %) and stored
 * as fractions (0.44), as the KPI file writes them; everything else as it is.
 */

const FULL_WIDTH = /[０-９．，－]/g;
const toHalfWidth = (text: string) =>
  text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** Twelve significant digits: 0.44 × 100 is 44.00000000000001. */
const clean = (value: number) => Number(value.toPrecision(12));

/** The number typed (thousands separators, full-width digits and a trailing % allowed), stored form; null if not a number. */
export function parseTargetInput(text: string, unit: string | undefined): number | null {
  const normalized = toHalfWidth(text)
    .replace(/[,\s]/g, "")
    .replace(/[%％]$/, "");
  if (!/^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(normalized)) return null;
  const value = Number(normalized);
  if (!Number.isFinite(value)) return null;
  return unit === "percent" ? clean(value / 100) : value;
}

/** A stored target as the input shows it. */
export function targetInputText(value: number | null, unit: string | undefined): string {
  if (value === null) return "";
  return String(unit === "percent" ? clean(value * 100) : value);
}
