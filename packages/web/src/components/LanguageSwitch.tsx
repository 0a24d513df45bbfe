import { useTranslation } from "react-i18next";
import { LANGS } from "../i18n/catalog";
import { changeLanguage, currentLang } from "../i18n/setupI18n";

/** 日本語 / English, as a pair of toggle buttons; the choice is remembered in this browser. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.language);
  return (
    <fieldset className="segmented language-switch">
      <legend className="visually-hidden">{t("header.language")}</legend>
      {LANGS.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={lang === l} onClick={() => changeLanguage(l)}>
          {t(`language.${l}`)}
        </button>
      ))}
    </fieldset>
  );
}
