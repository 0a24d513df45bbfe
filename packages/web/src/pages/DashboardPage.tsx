import { type MouseEvent, memo, useId, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useSearch } from "wouter";
import { useEvaluation, useFindings, usePlanNodes, useSeries } from "../api/queries";
import type { Finding } from "../api/types";
import type { PlanAndPeriod } from "../app/usePlanAndPeriod";
import { PeriodPicker } from "../components/PeriodPicker";
import { ProgressBarView } from "../components/ProgressBar";
import { Sparkline } from "../components/Sparkline";
import { Empty, LoadError, Loading } from "../components/StateMessage";
import { StatusWord } from "../components/StatusBadge";
import { periodId, trendRange } from "../format/fiscalPeriod";
import { formatProgress, formatValue } from "../format/formatValue";
import { statusLabel } from "../format/statusLabel";
import { type CoreCatalog, catalogs, fillText, type Lang } from "../i18n/catalog";
import { currentLang } from "../i18n/setupI18n";
import {
  type DashboardFilter,
  filterChoices,
  filterFromSearch,
  matchesFilter,
  searchWithFilter,
} from "../view/dashboardFilter";
import { departmentName, groupByDepartment, joinNumbers, type NodeView } from "../view/planView";
import { topFindings } from "../view/topFindings";

/** How many findings the dashboard lists before "and N more". */
const FINDINGS_SHOWN = 5;

export function DashboardPage({ selection }: { selection: PlanAndPeriod }) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.language);
  const { plan, period, calendar } = selection;
  const id = period && periodId(period);
  const nodes = usePlanNodes(plan?.id);
  const evaluation = useEvaluation(plan?.id, id);
  const findings = useFindings(plan?.id);
  const range = useMemo(
    () => (period && calendar ? trendRange(period, calendar) : undefined),
    [period, calendar],
  );
  const series = useSeries(plan?.id, range);
  const trends = useMemo(
    () => new Map(series.data?.nodes.map((n) => [n.id, n.points.map((p) => p.actual)])),
    [series.data],
  );
  const search = useSearch();
  const [location, navigate] = useLocation();
  const params = useMemo(() => new URLSearchParams(search), [search]);
  const filter = filterFromSearch(params);
  const setFilter = (next: DashboardFilter) => navigate(`${location}?${searchWithFilter(params, next)}`);
  const env = useMemo<CardEnv>(
    () => ({ texts: catalogs[lang].dashboard, lang, search: search ? `?${search}` : "" }),
    [lang, search],
  );
  /** Follows the cards' links inside the app (a new tab or window is left to the browser). */
  const followCardLink = (event: MouseEvent<HTMLElement>) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = (event.target as Element).closest("a[data-route]");
    if (!link) return;
    event.preventDefault();
    navigate(link.getAttribute("href") ?? "/");
  };

  if (selection.error) return <LoadError error={selection.error} onRetry={selection.refetch} />;
  if (selection.isPending) return <Loading />;
  if (!plan || !period || !calendar)
    return (
      <>
        <div className="page-head">
          <h1>{t("dashboard.title")}</h1>
        </div>
        <Empty title={t("common.noPlans")}>
          <Link href="/plan">{t("dashboard.createPlan")}</Link> {t("common.noPlansHint")}
        </Empty>
      </>
    );

  const views = joinNumbers(nodes.data ?? [], evaluation.data);
  const kgis = views.filter((v) => v.node.role === "kgi");
  const allKpis = views.filter((v) => v.node.role === "kpi");
  const kpis = allKpis.filter((v) => matchesFilter(v, filter));
  const filtering = filter.department !== null || filter.owner !== null;
  const error = nodes.error ?? evaluation.error;
  const loading = nodes.isPending || evaluation.isPending;

  return (
    <>
      <div className="page-head">
        <h1>{t("dashboard.title")}</h1>
        {evaluation.data && <p className="muted as-of">{t("period.asOf", { date: evaluation.data.asOf })}</p>}
      </div>
      <PeriodPicker period={period} calendar={calendar} onChange={selection.selectPeriod} />
      <FilterBar views={allKpis} filter={filter} onChange={setFilter} lang={lang} />
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
        // biome-ignore lint/a11y/noStaticElementInteractions: not a control; it follows its links' clicks (keyboard activation of a link is a click)
        // biome-ignore lint/a11y/useKeyWithClickEvents: see above: the links themselves take the keyboard
        <div
          aria-busy={evaluation.isFetching}
          className={evaluation.isPlaceholderData ? "stale" : undefined}
          onClick={followCardLink}
        >
          <section aria-labelledby="kgi-heading" className="dashboard-section">
            <h2 id="kgi-heading">{t("dashboard.kgis")}</h2>
            {kgis.length === 0 ? (
              <Empty title={t("dashboard.noKgis")} />
            ) : (
              <ul className="kgi-grid">
                {kgis.map((view) => (
                  <li key={view.node.id}>
                    <KgiCard view={view} env={env} trend={trends.get(view.node.id)} />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <FindingsSection
            findings={findings.data?.findings}
            nodeIds={filtering ? new Set(kpis.map((v) => v.node.id)) : undefined}
            views={views}
            search={selection.search}
          />
          <section aria-labelledby="kpi-heading" className="dashboard-section">
            <h2 id="kpi-heading">{t("dashboard.kpis")}</h2>
            {kpis.length === 0 && (
              <Empty title={t(filtering ? "dashboard.noMatchingKpis" : "dashboard.noKpis")} />
            )}
            {groupByDepartment(kpis).map(({ department, views: members }) => (
              <section key={department ?? ""} className="department" aria-label={departmentLabel(department)}>
                <h3>{departmentLabel(department)}</h3>
                <ul className="kpi-grid">
                  {members.map((view) => (
                    <li key={view.node.id}>
                      <KpiCard view={view} env={env} trend={trends.get(view.node.id)} />
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

/** Department and owner choices for the KPI section, kept in the URL. */
function FilterBar({
  views,
  filter,
  onChange,
  lang,
}: {
  views: readonly NodeView[];
  filter: DashboardFilter;
  onChange: (filter: DashboardFilter) => void;
  lang: Lang;
}) {
  const { t } = useTranslation();
  const departmentId = useId();
  const ownerId = useId();
  const { departments, owners } = filterChoices(views);
  if (departments.length === 0 && owners.length === 0) return null;
  return (
    <fieldset className="filter-bar">
      <legend className="visually-hidden">{t("dashboard.filters")}</legend>
      {departments.length > 0 && (
        <span className="filter">
          <label htmlFor={departmentId}>{t("dashboard.department")}</label>
          <select
            id={departmentId}
            value={filter.department ?? ""}
            onChange={(e) => onChange({ ...filter, department: e.target.value || null })}
          >
            <option value="">{t("dashboard.all")}</option>
            {departments.map((d) => (
              <option key={d} value={d}>
                {departmentName(d, lang)}
              </option>
            ))}
          </select>
        </span>
      )}
      {owners.length > 0 && (
        <span className="filter">
          <label htmlFor={ownerId}>{t("dashboard.owner")}</label>
          <select
            id={ownerId}
            value={filter.owner ?? ""}
            onChange={(e) => onChange({ ...filter, owner: e.target.value || null })}
          >
            <option value="">{t("dashboard.all")}</option>
            {owners.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </span>
      )}
      {(filter.department !== null || filter.owner !== null) && (
        <button type="button" onClick={() => onChange({ department: null, owner: null })}>
          {t("dashboard.clearFilters")}
        </button>
      )}
    </fieldset>
  );
}

/** The linter's most important findings, errors first, each with its suggested fix. */
function FindingsSection({
  findings,
  nodeIds,
  views,
  search,
}: {
  findings: readonly Finding[] | undefined;
  nodeIds: ReadonlySet<string> | undefined;
  views: readonly NodeView[];
  search: string;
}) {
  const { t } = useTranslation();
  if (findings === undefined) return null;
  const { shown, total } = topFindings(findings, FINDINGS_SHOWN, nodeIds);
  const names = new Map(views.map((v) => [v.node.id, v.node.name ?? v.node.id]));
  return (
    <section aria-labelledby="findings-heading" className="dashboard-section findings">
      <h2 id="findings-heading">{t("dashboard.findings")}</h2>
      {shown.length === 0 ? (
        <p className="muted">{t("dashboard.noFindings")}</p>
      ) : (
        <ul className="finding-list">
          {shown.map((f) => (
            <li
              key={`${f.rule}-${f.node}-${f.period}-${f.message}`}
              className={`finding finding-${f.severity}`}
            >
              <span className="finding-severity">
                <span aria-hidden="true">
                  {f.severity === "error" ? "✖" : f.severity === "warning" ? "▲" : "ℹ"}
                </span>{" "}
                {t(`dashboard.severity_${f.severity}`)}
              </span>{" "}
              {f.node !== null && (
                <>
                  <Link href={`/kpi/${encodeURIComponent(f.node)}${search}`}>
                    {names.get(f.node) ?? f.node}
                  </Link>
                  {": "}
                </>
              )}
              <span>{f.message}</span>
              {f.fix && (
                <span className="finding-fix">
                  {" "}
                  {t("dashboard.fix")}: {f.fix}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {total > shown.length && (
        <p className="muted">{t("dashboard.findingsMore", { count: total - shown.length })}</p>
      )}
    </section>
  );
}

/**
 * What every card needs from the page, resolved once: 50 cards each asking for the translation
 * function, the language and the URL (a hook apiece, each with its subscription) cost more
 * than the cards themselves.
 */
interface CardEnv {
  /** The cards' texts, read from the catalog directly: 50 cards × 6 texts through i18next's `t` took ~80 ms. */
  texts: CoreCatalog["dashboard"];
  lang: Lang;
  /** The page's `?plan=…&period=…`, kept by the links to a KPI. */
  search: string;
}

interface CardProps {
  view: NodeView;
  env: CardEnv;
  /** Actuals of the recent months, oldest first. */
  trend: readonly (number | null)[] | undefined;
}

/**
 * Cards re-render only when their own numbers change: the dashboard's later answers (findings,
 * trends) then touch only what they change. The node and numbers objects come from the query
 * cache and keep their identity until refetched.
 */
function sameCard(a: CardProps, b: CardProps): boolean {
  return (
    a.view.node === b.view.node && a.view.numbers === b.view.numbers && a.env === b.env && a.trend === b.trend
  );
}

/**
 * The link to a KPI's detail page: a plain anchor, followed inside the app by the page's
 * `followCardLink` (one click handler for every card instead of a router subscription per link).
 */
function CardLink({ view, env }: { view: NodeView; env: CardEnv }) {
  return (
    <a href={`/kpi/${encodeURIComponent(view.node.id)}${env.search}`} data-route="">
      {view.node.name ?? view.node.id}
    </a>
  );
}

/** The card's trend line, labelled with what it shows. */
function Trend({ view, trend, env }: { view: NodeView; trend: CardProps["trend"]; env: CardEnv }) {
  if (!trend) return null;
  return (
    <Sparkline
      values={trend}
      label={fillText(env.texts.trend, { name: view.node.name ?? view.node.id, count: trend.length })}
    />
  );
}

/** A value on a card: short (万/億, K/M), with the full number as a tooltip. */
function Amount({ value, unit, lang }: { value: number | null; unit: string | undefined; lang: Lang }) {
  const full = formatValue(value, unit, lang);
  const short = formatValue(value, unit, lang, { compact: true });
  return <span title={full === short ? undefined : full}>{short}</span>;
}

function TargetAmount({ view, env }: { view: NodeView; env: CardEnv }) {
  const numbers = view.numbers;
  return (
    <>
      <Amount value={numbers?.target ?? null} unit={view.node.unit} lang={env.lang} />
      {numbers?.derivedTarget && numbers.target !== null && (
        <span className="derived" title={env.texts.derivedTargetHint}>
          {" "}
          ({env.texts.derivedTarget})
        </span>
      )}
    </>
  );
}

function NodeProgress({ view, env }: { view: NodeView; env: CardEnv }) {
  const { texts, lang } = env;
  const numbers = view.numbers;
  const name = view.node.name ?? view.node.id;
  const target = numbers?.target ?? null;
  // The pace mark is expected ÷ target; for `down` and `range` nodes progress is not actual ÷ target.
  const paced = view.node.direction === undefined || view.node.direction === "up";
  const expected =
    paced && numbers?.expectedToDate != null && target ? numbers.expectedToDate / target : null;
  return (
    <ProgressBarView
      progress={numbers?.progress ?? null}
      expected={expected}
      tone={statusLabel(numbers?.status ?? "no_data", lang).tone}
      label={fillText(texts.progressOf, { name })}
      valueText={formatProgress(numbers?.progress ?? null, lang)}
      expectedMark={
        numbers?.expectedToDate != null
          ? fillText(texts.expectedMark, {
              value: formatValue(numbers.expectedToDate, view.node.unit, lang, { compact: true }),
            })
          : null
      }
    />
  );
}

const KgiCard = memo(function KgiCard({ view, env, trend }: CardProps) {
  const { texts, lang } = env;
  const numbers = view.numbers;
  const unit = view.node.unit;
  return (
    <article className="card kgi-card" aria-labelledby={`kgi-${view.node.id}`}>
      <div className="card-head">
        <h3 id={`kgi-${view.node.id}`}>
          <CardLink view={view} env={env} />
        </h3>
        <StatusWord status={numbers?.status ?? "no_data"} lang={lang} />
      </div>
      <dl className="figures">
        <div>
          <dt>{texts.actual}</dt>
          <dd className="figure-main">
            <Amount value={numbers?.actual ?? null} unit={unit} lang={lang} />
          </dd>
        </div>
        <div>
          <dt>{texts.target}</dt>
          <dd>
            <TargetAmount view={view} env={env} />
          </dd>
        </div>
        <div>
          <dt>{texts.progress}</dt>
          <dd>{formatProgress(numbers?.progress ?? null, lang)}</dd>
        </div>
        <div>
          <dt>{texts.forecast}</dt>
          <dd>
            <Amount value={numbers?.forecast ?? null} unit={unit} lang={lang} />
          </dd>
        </div>
      </dl>
      <NodeProgress view={view} env={env} />
      <Trend view={view} trend={trend} env={env} />
    </article>
  );
}, sameCard);

const KpiCard = memo(function KpiCard({ view, env, trend }: CardProps) {
  const { texts, lang } = env;
  const numbers = view.numbers;
  return (
    <article className="card kpi-card" aria-labelledby={`kpi-${view.node.id}`}>
      <div className="card-head">
        <h4 id={`kpi-${view.node.id}`}>
          <CardLink view={view} env={env} />
        </h4>
        <StatusWord status={numbers?.status ?? "no_data"} lang={lang} />
      </div>
      <p className="actual-vs-target">
        <span className="visually-hidden">{texts.actual} </span>
        <span className="figure-main">
          <Amount value={numbers?.actual ?? null} unit={view.node.unit} lang={lang} />
        </span>
        <span className="muted">
          {" / "}
          <span className="visually-hidden">{texts.target} </span>
          <TargetAmount view={view} env={env} />
        </span>
      </p>
      <div className="progress-row">
        <NodeProgress view={view} env={env} />
        <span className="progress-text">{formatProgress(numbers?.progress ?? null, lang)}</span>
      </div>
      <Trend view={view} trend={trend} env={env} />
    </article>
  );
}, sameCard);
