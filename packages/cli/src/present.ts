import { roundForDisplay } from "@shihyo/engine";

/**
 * A difference for output, taken between the numbers as they are shown. Rounding the raw
 * difference keeps the binary noise of its operands (30,000,000 − 29,999,999.999999993 would
 * print as -7e-9); the difference of the rounded operands is what a reader would compute.
 */
export function roundedDifference(a: number | null, b: number | null, raw: number | null): number | null {
  if (a === null || b === null || raw === null) return roundForDisplay(raw);
  return roundForDisplay(roundForDisplay(a) - roundForDisplay(b));
}

/** A ratio for output, of a rounded difference to the rounded whole it is a share of. */
export function roundedRatio(part: number | null, whole: number | null, raw: number | null): number | null {
  if (part === null || whole === null || raw === null || whole === 0) return roundForDisplay(raw);
  return roundForDisplay(part / Math.abs(roundForDisplay(whole)));
}
