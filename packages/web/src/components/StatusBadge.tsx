import { useTranslation } from "react-i18next";
import { statusLabel } from "../format/statusLabel";
import type { Lang } from "../i18n/catalog";
import { currentLang } from "../i18n/setupI18n";

/** A status as icon + word + colour: never colour alone. */
export function StatusBadge({ status }: { status: string }) {
  const { i18n } = useTranslation();
  return <StatusWord status={status} lang={currentLang(i18n.language)} />;
}

/** The badge without a hook of its own, for lists that already know the language (the dashboard's cards). */
export function StatusWord({ status, lang }: { status: string; lang: Lang }) {
  const label = statusLabel(status, lang);
  return (
    <span className={`status status-${label.tone}`} data-status={status}>
      <span aria-hidden="true" className="status-icon">
        {label.icon}
      </span>{" "}
      {label.text}
    </span>
  );
}
