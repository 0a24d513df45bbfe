import type { Lang } from "./catalog";

export const LANGUAGE_STORAGE_KEY = "shihyo.lang";

/**
 * The UI language: the user's stored choice, else the first of the browser's languages we
 * have (Japanese for any `ja-*`), else English.
 */
export function pickLanguage(stored: string | null, browserLanguages: readonly string[]): Lang {
  if (stored === "ja" || stored === "en") return stored;
  for (const tag of browserLanguages) {
    const primary = tag.toLowerCase().split("-")[0];
    if (primary === "ja" || primary === "en") return primary;
  }
  return "en";
}
