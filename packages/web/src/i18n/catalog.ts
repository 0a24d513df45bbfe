import { en } from "./en";
import { ja } from "./ja";

/** The languages of the UI. */
export type Lang = "ja" | "en";
export const LANGS: readonly Lang[] = ["ja", "en"];

type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };
/** The shape of a catalog: the Japanese one's keys, any text. A key missing in a language fails to compile. */
export type Catalog = Texts<typeof ja>;

export const catalogs: Record<Lang, Catalog> = { ja, en };

/** `{{name}}` placeholders filled from params (the same syntax i18next uses). */
export function fillText(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
