import type { Lang } from "../i18n/catalog";

const LOCALES: Record<Lang, string> = { ja: "ja-JP", en: "en-US" };
/** Shown where a number does not exist (the API's `null`). */
export const NO_VALUE = "—";

/** Number formats are costly to create and a dashboard formats hundreds of numbers: made once each. */
const formats = new Map<string, Intl.NumberFormat>();

function decimal(
  value: number,
  lang: Lang,
  maximumFractionDigits: number,
  minimumFractionDigits = 0,
): string {
  const key = `${lang}|${maximumFractionDigits}|${minimumFractionDigits}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits, minimumFractionDigits });
    formats.set(key, format);
  }
  return format.format(value);
}

/** Yen with 万/億 in Japanese ("3,000万円", "1.52億円"), with K/M/B in English ("¥30.0M"). */
export function formatYenCompact(value: number, lang: Lang): string {
  const sign = value < 0 ? "-" : "";
  const abs = Math.abs(value);
  if (lang === "ja") {
    if (abs >= 1e8) return `${sign}${decimal(abs / 1e8, lang, abs >= 1e10 ? 0 : 2)}億円`;
    if (abs >= 1e4) return `${sign}${decimal(abs / 1e4, lang, abs >= 1e5 ? 0 : 1)}万円`;
    return `${sign}${decimal(abs, lang, 0)}円`;
  }
  if (abs >= 1e9) return `${sign}¥${decimal(abs / 1e9, lang, 1, 1)}B`;
  if (abs >= 1e6) return `${sign}¥${decimal(abs / 1e6, lang, 1, 1)}M`;
  if (abs >= 1e3) return `${sign}¥${decimal(abs / 1e3, lang, 1, 1)}K`;
  return `${sign}¥${decimal(abs, lang, 0)}`;
}

/** Yen in full: "39,600,000円" / "¥39,600,000". */
export function formatYen(value: number, lang: Lang): string {
  const sign = value < 0 ? "-" : "";
  const digits = decimal(Math.abs(value), lang, 0);
  return lang === "ja" ? `${sign}${digits}円` : `${sign}¥${digits}`;
}

/** A fraction as a percentage (percent units are stored as fractions: 0.2 → "20%"). */
export function formatPercent(fraction: number, lang: Lang, maximumFractionDigits = 2): string {
  // Rounding away binary noise first: 0.0102 × 100 is 1.0200000000000002.
  const percent = Number((fraction * 100).toPrecision(12));
  return `${decimal(percent, lang, maximumFractionDigits)}%`;
}

/** Progress (A / T, not clamped) as a whole percentage: 0.3837 → "38%", 1.25 → "125%". */
export function formatProgress(progress: number | null, lang: Lang): string {
  return progress === null ? NO_VALUE : formatPercent(progress, lang, 0);
}

export interface FormatOptions {
  /** Short amounts for cards (万/億, K/M/B); the full number otherwise. */
  compact?: boolean;
}

/** A node's value in its unit and the user's language; `null` (no value) as a dash. */
export function formatValue(
  value: number | null,
  unit: string | undefined,
  lang: Lang,
  { compact = false }: FormatOptions = {},
): string {
  if (value === null || !Number.isFinite(value)) return NO_VALUE;
  switch (unit) {
    case "JPY":
      return compact ? formatYenCompact(value, lang) : formatYen(value, lang);
    case "USD":
      return `${value < 0 ? "-" : ""}$${decimal(Math.abs(value), lang, 2)}`;
    case "percent":
      return formatPercent(value, lang);
    case "ratio":
      return decimal(value, lang, 3);
    case "count":
      return decimal(value, lang, 1);
    case "score":
      return decimal(value, lang, 1);
    case "hours":
      return lang === "ja" ? `${decimal(value, lang, 1)}時間` : `${decimal(value, lang, 1)} h`;
    case "days":
      return lang === "ja" ? `${decimal(value, lang, 1)}日` : `${decimal(value, lang, 1)} d`;
    case undefined:
      return decimal(value, lang, 2);
    default:
      return `${decimal(value, lang, 2)} ${unit}`;
  }
}
