import { useTranslation } from "react-i18next";
import { LANGS } from "../../i18n/catalog";
import { changeLanguage, currentLang } from "../../i18n/setupI18n";

/** The UI language as a radio group: the same setting as the header's switch. */
export function LanguageSection({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.language);
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="settings-section">
      <h2 id={`${id}-title`}>{t("settings.language.title")}</h2>
      <fieldset className="settings-radios" aria-describedby={`${id}-lead`}>
        <legend className="visually-hidden">{t("settings.language.title")}</legend>
        <p id={`${id}-lead`} className="muted">
          {t("settings.language.lead")}
        </p>
        {LANGS.map((l) => (
          <label key={l} lang={l} className="settings-check">
            <input
              type="radio"
              name={`${id}-lang`}
              value={l}
              checked={lang === l}
              onChange={() => changeLanguage(l)}
            />
            {t(`language.${l}`)}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
