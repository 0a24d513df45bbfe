import * as detail from "../features/detail/texts";
import * as editor from "../features/editor/texts";
import * as entry from "../features/entry/texts";
import * as settings from "../features/settings/texts";
import * as tree from "../features/tree/texts";
import { en as enCore } from "./en";
import { ja as jaCore } from "./ja";
import type { Texts } from "./texts";

/** The languages of the UI. */
export type Lang = "ja" | "en";
export const LANGS: readonly Lang[] = ["ja", "en"];

/** The shape of the core catalog (`ja.ts`): the Japanese one's keys, any text. */
export type CoreCatalog = Texts<typeof jaCore>;

/**
 * Each part of the app keeps its texts beside its code (`features/<part>/texts.ts`, exporting
 * `ja` and `en`) under its own key. A key missing in a language fails to compile.
 */
const ja = {
  ...jaCore,
  detail: detail.ja,
  entry: entry.ja,
  tree: tree.ja,
  editor: editor.ja,
  settings: settings.ja,
};
export type Catalog = Texts<typeof ja>;

const en: Catalog = {
  ...enCore,
  detail: detail.en,
  entry: entry.en,
  tree: tree.en,
  editor: editor.en,
  settings: settings.en,
};

export const catalogs: Record<Lang, Catalog> = { ja, en };

/** `{{name}}` placeholders filled from params (the same syntax i18next uses). */
export function fillText(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
