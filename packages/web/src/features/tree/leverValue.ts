/**
 * A lever's value as typed in the what-if panel and back: percent units are typed as
 * percentages (20 for 0.2), everything else as the number itself; commas, spaces and
 * full-width digits are accepted.
 */

const FULL_WIDTH = /[０-９．，－＋]/g;
const toHalfWidth = (text: string) =>
  text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** Removes binary noise (0.2 × 100 = 20.000000000000004). */
const clean = (value: number) => Number(value.toPrecision(12));

/** The text an input starts with for a value (empty for none). */
export function leverInputText(value: number | null, unit: string | undefined): string {
  if (value === null) return "";
  return String(clean(unit === "percent" ? value * 100 : value));
}

/** The value typed, in the node's unit (a fraction for percent); null when it is not a finite number. */
export function parseLeverInput(text: string, unit: string | undefined): number | null {
  const plain = toHalfWidth(text).replace(/[,\s]/g, "").replace(/%$/, "");
  if (plain === "" || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(plain)) return null;
  const number = Number(plain);
  if (!Number.isFinite(number)) return null;
  return unit === "percent" ? clean(number / 100) : number;
}
