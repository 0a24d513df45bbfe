import { formatValue } from "../../format/formatValue";
import type { Lang } from "../../i18n/catalog";

/** A difference with its sign: "+1,000万円", "-2.5%", "±0". */
export function signedValue(value: number, unit: string | undefined, lang: Lang, compact = false): string {
  if (value === 0) return `±${formatValue(0, unit, lang, { compact })}`;
  const magnitude = formatValue(Math.abs(value), unit, lang, { compact });
  return `${value > 0 ? "+" : "-"}${magnitude}`;
}
