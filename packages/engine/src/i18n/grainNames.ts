import type { Grain } from "../period/types.js";
import type { Lang } from "./lang.js";

const NAMES: Record<Lang, Record<Grain, string>> = {
  en: {
    day: "day",
    week: "week",
    month: "month",
    quarter: "quarter",
    half: "half-year",
    year: "fiscal year",
  },
  ja: { day: "日", week: "週", month: "月", quarter: "四半期", half: "半期", year: "年度" },
};

export function grainName(grain: string, lang: Lang): string {
  return NAMES[lang][grain as Grain] ?? grain;
}
