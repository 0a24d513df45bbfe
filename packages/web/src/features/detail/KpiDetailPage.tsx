import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "wouter";
import { useEvaluation, useSession } from "../../api/queries";
import type { PlanAndPeriod } from "../../app/usePlanAndPeriod";
import { PeriodPicker } from "../../components/PeriodPicker";
import { Empty, LoadError, Loading } from "../../components/StateMessage";
import { StatusBadge } from "../../components/StatusBadge";
import { periodId, periodLabel } from "../../format/fiscalPeriod";
import { formatProgress, formatValue } from "../../format/formatValue";
import { currentLang, registerTexts } from "../../i18n/setupI18n";
import { departmentName } from "../../view/planView";
import { type DetailNode, useDetailNodes, useSeries } from "./api";
import { CommentsSection } from "./CommentsSection";
import { ExplanationSection } from "./ExplanationSection";
import { FindingsSection } from "./FindingsSection";
import { nameIn } from "./labels";
import { fiscalYearMonths } from "./periodSpan";
import { SeriesSection } from "./SeriesSection";
import { TargetsSection } from "./TargetsSection";
import "./detail.css";
import { detailTexts } from "./texts";

registerTexts("detail", detailTexts);

/** One KPI (or KGI): what it is, its numbers over the fiscal year and why, its targets and talk. */
export default function KpiDetailPage({ selection, nodeId }: { selection: PlanAndPeriod; nodeId?: string }) {
  const { t } = useTranslation();
  const { plan, period, calendar } = selection;
  const nodes = useDetailNodes(plan?.id);

  if (selection.error) return <LoadError error={selection.error} onRetry={selection.refetch} />;
  if (selection.isPending || nodes.isPending) return <Loading />;
  if (nodes.error) return <LoadError error={nodes.error} onRetry={() => void nodes.refetch()} />;
  if (!plan || !period || !calendar || !nodeId)
    return <Empty title={t("common.noPlans")}>{t("common.noPlansHint")}</Empty>;
  const node = nodes.data.find((n) => n.id === nodeId);
  if (!node)
    return (
      <Empty title={t("detail.notFound", { id: nodeId })}>
        <Link href={`/${selection.search}`}>{t("detail.back")}</Link>
      </Empty>
    );
  return <KpiDetail selection={selection} node={node} nodes={nodes.data} />;
}

function KpiDetail({
  selection,
  node,
  nodes,
}: {
  selection: PlanAndPeriod;
  node: DetailNode;
  nodes: DetailNode[];
}) {
  const { t, i18n } = useTranslation();
  const lang = currentLang(i18n.language);
  const session = useSession();
  const plan = selection.plan!;
  const period = selection.period!;
  const calendar = selection.calendar!;
  const selectedId = periodId(period);
  const range = useMemo(() => fiscalYearMonths(period, calendar), [period, calendar]);
  const series = useSeries(plan.id, node.id, range);
  const evaluation = useEvaluation(plan.id, selectedId);
  const numbers = evaluation.data?.nodes.find((n) => n.id === node.id) ?? null;
  const name = node.name ?? node.id;
  const canEdit = session.data ? session.data.role !== "viewer" : false;
  const points = series.data?.nodes.find((n) => n.id === node.id)?.points ?? [];

  return (
    <article className="kpi-detail" aria-labelledby="kpi-detail-title">
      <p className="detail-back">
        <Link href={`/${selection.search}`}>← {t("detail.back")}</Link>
      </p>
      <header className="detail-head">
        <div className="detail-title">
          <span className="role-tag">{t(`detail.role.${node.role}`)}</span>
          <h1 id="kpi-detail-title">{name}</h1>
          {numbers && <StatusBadge status={numbers.status} />}
        </div>
        <p className={node.definition ? "detail-definition" : "detail-definition muted"}>
          <span className="visually-hidden">{t("detail.definition")}: </span>
          {node.definition ?? t("detail.noDefinition")}
        </p>
        <dl className="detail-facts">
          <Fact label={t("detail.unit")} value={unitName(node.unit)} />
          <Fact label={t("detail.owner")} value={node.owner ?? t("detail.none")} />
          <Fact
            label={t("detail.department")}
            value={node.department ? departmentName(node.department, lang) : t("detail.none")}
          />
          <Fact label={t("detail.cadence")} value={grainName(node.cadence)} />
          {node.formula && (
            <div className="detail-formula">
              <dt>{t("detail.formula")}</dt>
              <dd>
                <code className="formula">= {node.formula}</code>
              </dd>
            </div>
          )}
        </dl>
      </header>

      {node.role === "ksf" ? (
        <p className="muted">{t("detail.ksfHint")}</p>
      ) : (
        <>
          <PeriodPicker period={period} calendar={calendar} onChange={selection.selectPeriod} />

          <section className="detail-section" aria-labelledby="detail-summary-heading">
            <h2 id="detail-summary-heading">
              {t("detail.summary.heading", { period: periodLabel(period, lang) })}
            </h2>
            {evaluation.error ? (
              <LoadError error={evaluation.error} onRetry={() => void evaluation.refetch()} />
            ) : evaluation.isPending ? (
              <Loading />
            ) : (
              <dl className="figures detail-figures">
                <div>
                  <dt>{t("dashboard.actual")}</dt>
                  <dd className="figure-main">{formatValue(numbers?.actual ?? null, node.unit, lang)}</dd>
                </div>
                <div>
                  <dt>{t("dashboard.target")}</dt>
                  <dd>
                    {formatValue(numbers?.target ?? null, node.unit, lang)}
                    {numbers?.derivedTarget && numbers.target !== null && (
                      <span className="derived">{t("detail.table.derived")}</span>
                    )}
                  </dd>
                </div>
                <div>
                  <dt>{t("dashboard.progress")}</dt>
                  <dd>{formatProgress(numbers?.progress ?? null, lang)}</dd>
                </div>
                <div>
                  <dt>{t("dashboard.forecast")}</dt>
                  <dd>{formatValue(numbers?.forecast ?? null, node.unit, lang)}</dd>
                </div>
              </dl>
            )}
          </section>

          {series.error ? (
            <LoadError error={series.error} onRetry={() => void series.refetch()} />
          ) : series.isPending ? (
            <Loading />
          ) : (
            <SeriesSection node={node} points={points} selected={selectedId} range={range} lang={lang} />
          )}

          <ExplanationSection
            planId={plan.id}
            node={node}
            nodes={nodes}
            period={selectedId}
            search={selection.search}
          />

          <TargetsSection
            plan={plan}
            node={node}
            nodes={nodes}
            calendar={calendar}
            period={period}
            range={range}
            canEdit={canEdit}
            csrfToken={session.data?.csrfToken ?? null}
          />
        </>
      )}

      <FindingsSection planId={plan.id} nodeId={node.id} />

      <CommentsSection
        planId={plan.id}
        nodeId={node.id}
        canEdit={canEdit}
        csrfToken={session.data?.csrfToken ?? null}
      />
    </article>
  );

  function unitName(unit: string | undefined): string {
    return unit ? nameIn(detailTexts[lang].units, unit) : t("detail.none");
  }

  function grainName(grain: string | null): string {
    return grain ? nameIn(detailTexts[lang].grains, grain) : t("detail.none");
  }
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
