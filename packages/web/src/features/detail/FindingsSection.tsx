import { useTranslation } from "react-i18next";
import { Empty, LoadError, Loading } from "../../components/StateMessage";
import { currentLang } from "../../i18n/setupI18n";
import { useFindings } from "./api";
import { periodText } from "./labels";

const SEVERITY_ICON = { error: "✕", warning: "▲", info: "ℹ" } as const;

/** The linter's findings about this node, each with its suggested fix. */
export function FindingsSection({ planId, nodeId }: { planId: string; nodeId: string }) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.language);
  const findings = useFindings(planId);
  const mine = (findings.data?.findings ?? []).filter((f) => f.node === nodeId);
  return (
    <section className="detail-section" aria-labelledby="detail-findings-heading">
      <h2 id="detail-findings-heading">{t("detail.findings.heading")}</h2>
      {findings.error ? (
        <LoadError error={findings.error} onRetry={() => void findings.refetch()} />
      ) : findings.isPending ? (
        <Loading />
      ) : mine.length === 0 ? (
        <Empty title={t("detail.findings.empty")} />
      ) : (
        <ul className="finding-list">
          {mine.map((f) => (
            <li key={`${f.rule}|${f.period}|${f.message}`} className={`finding finding-${f.severity}`}>
              <p className="finding-head">
                <span className="finding-severity">
                  <span aria-hidden="true">{SEVERITY_ICON[f.severity]} </span>
                  {t(`detail.findings.severity.${f.severity}`)}
                </span>
                <code className="finding-rule">{f.rule}</code>
                {f.period && (
                  <span className="muted">
                    {t("detail.findings.period", { period: periodText(f.period, lang) })}
                  </span>
                )}
              </p>
              <p>{f.message}</p>
              {f.fix && <p className="finding-fix">{t("detail.findings.fix", { fix: f.fix })}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
