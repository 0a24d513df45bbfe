/** The languages Shihyo speaks. Every user-facing text exists in both. */
export type Lang = "ja" | "en";

export const LANGS: readonly Lang[] = ["ja", "en"];

export function isLang(value: unknown): value is Lang {
  return value === "ja" || value === "en";
}
