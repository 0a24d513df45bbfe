import { useTranslation } from "react-i18next";
import { statusLabel } from "../format/statusLabel";
import { currentLang } from "../i18n/setupI18n";

/** A status as icon + word + colour: never colour alone. */
export function StatusBadge({ status }: { status: string }) {
  const { i18n } = useTranslation();
  const label = statusLabel(status, currentLang(i18n.language));
  return (
    <span className={`status status-${label.tone}`} data-status={status}>
      <span aria-hidden="true" className="status-icon">
        {label.icon}
      </span>{" "}
      {label.text}
    </span>
  );
}
