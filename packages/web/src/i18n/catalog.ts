import type * as detail from "../features/detail/texts";
import type * as editor from "../features/editor/texts";
import type * as entry from "../features/entry/texts";
import type * as settings from "../features/settings/texts";
import type * as tree from "../features/tree/texts";
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
 * `ja` and `en`) under its own key. A key missing in a language fails to compile. The core is
 * in the first download; a part's texts come with its page's chunk (`registerTexts`).
 */
export type Catalog = Texts<
  typeof jaCore & {
    detail: typeof detail.ja;
    entry: typeof entry.ja;
    tree: typeof tree.ja;
    editor: typeof editor.ja;
    settings: typeof settings.ja;
  }
>;

/** A part of the app with texts of its own. */
export type TextPart = Exclude<keyof Catalog, keyof CoreCatalog>;

/** The core texts (the dashboard, the header, periods, statuses), in memory from the start. */
export const catalogs: Record<Lang, CoreCatalog> = { ja: jaCore, en: enCore };

/** `{{name}}` placeholders filled from params (the same syntax i18next uses). */
export function fillText(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
