import type { ComparisonOperator } from "./ast.js";

/**
 * The numeric rules every evaluator shares, so the compiled, explaining and derivative
 * paths cannot disagree. NaN is "no value". `x - x === 0` is the finiteness test: it is
 * false for NaN and ±Infinity and cheaper than a call.
 *
 * Infinity is never a value, but +, -, *, negation and abs keep a non-finite operand
 * non-finite, so those need no test: the final result is tested once. The operations
 * below can turn a non-finite operand into a finite answer (1/∞ = 0, ∞^0 = 1,
 * min(∞, 1) = 1, ∞ > 1), so they test their operands themselves.
 */

export function isFiniteNumber(x: number): boolean {
  return x - x === 0;
}

/** Division, with division by zero (or a quotient too large for a number) giving no value. */
export function divide(numerator: number, denominator: number): number {
  if (denominator === 0 || denominator - denominator !== 0 || numerator - numerator !== 0) return Number.NaN;
  const quotient = numerator / denominator;
  return quotient - quotient === 0 ? quotient : Number.NaN;
}

/** Exponentiation; a negative base with a fractional exponent has no (real) value. */
export function power(base: number, exponent: number): number {
  if (base - base !== 0 || exponent - exponent !== 0) return Number.NaN;
  const result = base ** exponent;
  return result - result === 0 ? result : Number.NaN;
}

export const COMPARATORS: Readonly<Record<ComparisonOperator, (a: number, b: number) => boolean>> = {
  "<": (a, b) => a < b,
  "<=": (a, b) => a <= b,
  ">": (a, b) => a > b,
  ">=": (a, b) => a >= b,
  "==": (a, b) => a === b,
  "!=": (a, b) => a !== b,
};

/** A comparison as a number: 1 true, 0 false; exact, so 0.1 + 0.2 == 0.3 is 0 (use round). */
export function compare(op: ComparisonOperator, a: number, b: number): number {
  if (a - a !== 0 || b - b !== 0) return Number.NaN;
  return COMPARATORS[op](a, b) ? 1 : 0;
}

/** Largest digit count that still scales by a finite power of ten. */
const MAX_DIGITS = 308;

/**
 * Rounds half away from zero to `digits` decimal places (negative: to tens, hundreds...),
 * as a spreadsheet's ROUND does, so round(2.5) = 3 and round(-2.5) = -3. `digits` is
 * truncated to an integer. The scaled value is read at 15 significant digits first so that
 * binary noise does not decide the half: round(1.005, 2) is 1.01 as written, not 1.00.
 */
export function roundTo(x: number, digits: number): number {
  if (x - x !== 0 || digits - digits !== 0) return Number.NaN;
  const places = Math.max(-MAX_DIGITS, Math.min(MAX_DIGITS, Math.trunc(digits)));
  const scale = 10 ** Math.abs(places);
  const magnitude = Math.abs(x);
  const scaled = places >= 0 ? magnitude * scale : magnitude / scale;
  // Beyond 2^52 every double is already a whole number at this scale.
  if (scaled >= 2 ** 52) return x;
  // Above 1e15 the 15-digit reading would drop integer digits, and there is no noise left to remove.
  const cleaned = scaled < 1e15 ? Number(scaled.toPrecision(15)) : scaled;
  const whole = Math.floor(cleaned + 0.5);
  const rounded = places >= 0 ? whole / scale : whole * scale;
  const signed = x < 0 ? -rounded : rounded;
  return signed - signed === 0 ? signed + 0 : Number.NaN;
}

/** The smallest value; on a tie the first, which is the argument whose derivative counts. */
export function minimum(values: readonly number[]): number {
  let best = Number.POSITIVE_INFINITY;
  for (const value of values) {
    if (value - value !== 0) return Number.NaN;
    if (value < best) best = value;
  }
  return values.length === 0 ? Number.NaN : best;
}

/** The largest value; on a tie the first. */
export function maximum(values: readonly number[]): number {
  let best = Number.NEGATIVE_INFINITY;
  for (const value of values) {
    if (value - value !== 0) return Number.NaN;
    if (value > best) best = value;
  }
  return values.length === 0 ? Number.NaN : best;
}
