import { useTranslation } from "react-i18next";
import { useEvaluation, usePlanNodes } from "../api/queries";
import type { PlanAndPeriod } from "../app/usePlanAndPeriod";
import { PeriodPicker } from "../components/PeriodPicker";
import { ProgressBar } from "../components/ProgressBar";
import { Empty, LoadError, Loading } from "../components/StateMessage";
import { StatusBadge } from "../components/StatusBadge";
import { periodId } from "../format/fiscalPeriod";
import { formatProgress, formatValue } from "../format/formatValue";
import { statusLabel } from "../format/statusLabel";
import type { Lang } from "../i18n/catalog";
import { currentLang } from "../i18n/setupI18n";
import { departmentName, groupByDepartment, joinNumbers, type NodeView } from "../view/planView";

export function DashboardPage({ selection }: { selection: PlanAndPeriod }) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.language);
  const { plan, period, calendar } = selection;
  const id = period && periodId(period);
  const nodes = usePlanNodes(plan?.id);
  const evaluation = useEvaluation(plan?.id, id);

  if (selection.error) return <LoadError error={selection.error} onRetry={selection.refetch} />;
  if (selection.isPending) return <Loading />;
  if (!plan || !period || !calendar)
    return <Empty title={t("common.noPlans")}>{t("common.noPlansHint")}</Empty>;

  const views = joinNumbers(nodes.data ?? [], evaluation.data);
  const kgis = views.filter((v) => v.node.role === "kgi");
  const kpis = views.filter((v) => v.node.role === "kpi");
  const error = nodes.error ?? evaluation.error;
  const loading = nodes.isPending || evaluation.isPending;

  return (
    <>
      <div className="page-head">
        <h1>{t("dashboard.title")}</h1>
        {evaluation.data && <p className="muted as-of">{t("period.asOf", { date: evaluation.data.asOf })}</p>}
      </div>
      <PeriodPicker period={period} calendar={calendar} onChange={selection.selectPeriod} />
      {error ? (
        <LoadError
          error={error}
          onRetry={() => {
            void nodes.refetch();
            void evaluation.refetch();
          }}
        />
      ) : loading ? (
        <Loading />
      ) : (
        <div aria-busy={evaluation.isFetching} className={evaluation.isPlaceholderData ? "stale" : undefined}>
          <section aria-labelledby="kgi-heading" className="dashboard-section">
            <h2 id="kgi-heading">{t("dashboard.kgis")}</h2>
            {kgis.length === 0 ? (
              <Empty title={t("dashboard.noKgis")} />
            ) : (
              <ul className="kgi-grid">
                {kgis.map((view) => (
                  <li key={view.node.id}>
                    <KgiCard view={view} lang={lang} />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="kpi-heading" className="dashboard-section">
            <h2 id="kpi-heading">{t("dashboard.kpis")}</h2>
            {kpis.length === 0 && <Empty title={t("dashboard.noKpis")} />}
            {groupByDepartment(kpis).map(({ department, views: members }) => (
              <section key={department ?? ""} className="department" aria-label={departmentLabel(department)}>
                <h3>{departmentLabel(department)}</h3>
                <ul className="kpi-grid">
                  {members.map((view) => (
                    <li key={view.node.id}>
                      <KpiCard view={view} lang={lang} />
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </section>
        </div>
      )}
    </>
  );

  function departmentLabel(department: string | null) {
    return department === null ? t("dashboard.noDepartment") : departmentName(department, lang);
  }
}

/** A value on a card: short (万/億, K/M), with the full number as a tooltip. */
function Amount({ value, unit, lang }: { value: number | null; unit: string | undefined; lang: Lang }) {
  const full = formatValue(value, unit, lang);
  const short = formatValue(value, unit, lang, { compact: true });
  return <span title={full === short ? undefined : full}>{short}</span>;
}

function TargetAmount({ view, lang }: { view: NodeView; lang: Lang }) {
  const { t } = useTranslation();
  const numbers = view.numbers;
  return (
    <>
      <Amount value={numbers?.target ?? null} unit={view.node.unit} lang={lang} />
      {numbers?.derivedTarget && numbers.target !== null && (
        <span className="derived" title={t("dashboard.derivedTargetHint")}>
          {" "}
          ({t("dashboard.derivedTarget")})
        </span>
      )}
    </>
  );
}

function NodeProgress({ view, lang }: { view: NodeView; lang: Lang }) {
  const { t } = useTranslation();
  const numbers = view.numbers;
  const name = view.node.name ?? view.node.id;
  const target = numbers?.target ?? null;
  // The pace mark is expected ÷ target; for `down` and `range` nodes progress is not actual ÷ target.
  const paced = view.node.direction === undefined || view.node.direction === "up";
  const expected =
    paced && numbers?.expectedToDate != null && target ? numbers.expectedToDate / target : null;
  return (
    <ProgressBar
      progress={numbers?.progress ?? null}
      expected={expected}
      tone={statusLabel(numbers?.status ?? "no_data", lang).tone}
      label={t("dashboard.progressOf", { name })}
      valueText={formatProgress(numbers?.progress ?? null, lang)}
      expectedText={
        numbers?.expectedToDate != null
          ? formatValue(numbers.expectedToDate, view.node.unit, lang, { compact: true })
          : null
      }
    />
  );
}

function KgiCard({ view, lang }: { view: NodeView; lang: Lang }) {
  const { t } = useTranslation();
  const numbers = view.numbers;
  const unit = view.node.unit;
  return (
    <article className="card kgi-card" aria-labelledby={`kgi-${view.node.id}`}>
      <div className="card-head">
        <h3 id={`kgi-${view.node.id}`}>{view.node.name ?? view.node.id}</h3>
        <StatusBadge status={numbers?.status ?? "no_data"} />
      </div>
      <dl className="figures">
        <div>
          <dt>{t("dashboard.actual")}</dt>
          <dd className="figure-main">
            <Amount value={numbers?.actual ?? null} unit={unit} lang={lang} />
          </dd>
        </div>
        <div>
          <dt>{t("dashboard.target")}</dt>
          <dd>
            <TargetAmount view={view} lang={lang} />
          </dd>
        </div>
        <div>
          <dt>{t("dashboard.progress")}</dt>
          <dd>{formatProgress(numbers?.progress ?? null, lang)}</dd>
        </div>
        <div>
          <dt>{t("dashboard.forecast")}</dt>
          <dd>
            <Amount value={numbers?.forecast ?? null} unit={unit} lang={lang} />
          </dd>
        </div>
      </dl>
      <NodeProgress view={view} lang={lang} />
    </article>
  );
}

function KpiCard({ view, lang }: { view: NodeView; lang: Lang }) {
  const { t } = useTranslation();
  const numbers = view.numbers;
  return (
    <article className="card kpi-card" aria-labelledby={`kpi-${view.node.id}`}>
      <div className="card-head">
        <h4 id={`kpi-${view.node.id}`}>{view.node.name ?? view.node.id}</h4>
        <StatusBadge status={numbers?.status ?? "no_data"} />
      </div>
      <p className="actual-vs-target">
        <span className="visually-hidden">{t("dashboard.actual")} </span>
        <span className="figure-main">
          <Amount value={numbers?.actual ?? null} unit={view.node.unit} lang={lang} />
        </span>
        <span className="muted">
          {" / "}
          <span className="visually-hidden">{t("dashboard.target")} </span>
          <TargetAmount view={view} lang={lang} />
        </span>
      </p>
      <div className="progress-row">
        <NodeProgress view={view} lang={lang} />
        <span className="progress-text">{formatProgress(numbers?.progress ?? null, lang)}</span>
      </div>
    </article>
  );
}
