import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { type Catalog, catalogs, LANGS, type Lang, type TextPart } from "./catalog";
import { LANGUAGE_STORAGE_KEY, pickLanguage } from "./pickLanguage";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: Catalog };
  }
}

function storedLanguage(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null;
  }
}

/**
 * Starts i18next with both core catalogs (they are small) in the language the user chose or the
 * browser prefers. The parts' texts are added by `registerTexts`.
 */
export function setupI18n(): void {
  const lang = pickLanguage(storedLanguage(), navigator.languages ?? [navigator.language]);
  void i18n.use(initReactI18next).init({
    resources: { ja: { translation: { ...catalogs.ja } }, en: { translation: { ...catalogs.en } } },
    lng: lang,
    fallbackLng: "en",
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
    // Both catalogs are in memory: ready at once, so the first render never waits a tick for it.
    initAsync: false,
  });
  document.documentElement.lang = lang;
}

/**
 * Adds a part's texts in both languages (`t("<part>.…")`). Each page of a lazily loaded part
 * calls it when its chunk loads, before anything of the part renders.
 */
export function registerTexts<P extends TextPart>(part: P, texts: Readonly<Record<Lang, Catalog[P]>>): void {
  for (const lang of LANGS) i18n.addResourceBundle(lang, "translation", { [part]: texts[lang] }, true, false);
}

/** Switches the language and remembers the choice in this browser. */
export function changeLanguage(lang: Lang): void {
  void i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

/** The current UI language. */
export const currentLang = (language: string): Lang => (language === "ja" ? "ja" : "en");
