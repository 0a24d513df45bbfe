/**
 * Rounds a number for JSON and screens: to 10 significant digits, but never to fewer than
 * 2 decimals. It removes binary noise (0.30000000000000004 → 0.3, 14835164.835164835 →
 * 14835164.84) while keeping small rates (0.0123456789) and whole yen amounts intact.
 */
export function roundForDisplay(value: number): number;
export function roundForDisplay(value: number | null): number | null;
export function roundForDisplay(value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  if (value === 0) return 0;
  const integerDigits = Math.max(1, Math.floor(Math.log10(Math.abs(value))) + 1);
  const decimals = Math.min(100, Math.max(2, 10 - integerDigits));
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return Number.isFinite(rounded) ? rounded : value;
}
