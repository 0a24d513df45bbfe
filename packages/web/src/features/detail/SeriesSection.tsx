import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Empty } from "../../components/StateMessage";
import { StatusBadge } from "../../components/StatusBadge";
import { formatProgress, formatValue } from "../../format/formatValue";
import type { Lang } from "../../i18n/catalog";
import type { DetailNode, SeriesPoint } from "./api";
import { chartOption, chartRows, chartSummary } from "./chartOption";
import { periodText } from "./labels";
import { SeriesChart } from "./SeriesChart";

/** The fiscal year month by month: the chart, and the same numbers as a table (its text alternative). */
export function SeriesSection({
  node,
  points,
  selected,
  range,
  lang,
}: {
  node: DetailNode;
  points: SeriesPoint[];
  selected: string;
  range: { from: string; to: string };
  lang: Lang;
}) {
  const { t } = useTranslation();
  const name = node.name ?? node.id;
  const option = useMemo(() => chartOption(chartRows(points), node.unit, lang), [points, node.unit, lang]);
  const summary = chartSummary(name, points, node.unit, lang);
  const hasNumbers = points.some((p) => p.actual !== null || p.target !== null);
  const value = (v: number | null) => formatValue(v, node.unit, lang);

  return (
    <section className="detail-section" aria-labelledby="detail-chart-heading">
      <h2 id="detail-chart-heading">
        {t("detail.chart.heading")}{" "}
        <span className="muted detail-range">
          {t("detail.chart.range", { from: periodText(range.from, lang), to: periodText(range.to, lang) })}
        </span>
      </h2>
      {!hasNumbers ? (
        <Empty title={t("detail.table.noData")} />
      ) : (
        <>
          <SeriesChart option={option} summary={summary} />
          <div className="table-scroll">
            <table className="detail-table">
              <caption>{t("detail.table.caption", { name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("detail.table.period")}</th>
                  <th scope="col">{t("detail.table.actual")}</th>
                  <th scope="col">{t("detail.table.target")}</th>
                  <th scope="col">{t("detail.table.progress")}</th>
                  <th scope="col">{t("detail.table.forecast")}</th>
                  <th scope="col">{t("detail.table.status")}</th>
                </tr>
              </thead>
              <tbody>
                {points.map((point) => (
                  <tr
                    key={point.period}
                    className={point.period === selected ? "selected" : undefined}
                    aria-current={point.period === selected ? "true" : undefined}
                  >
                    <th scope="row">{periodText(point.period, lang)}</th>
                    <td>{value(point.actual)}</td>
                    <td>
                      {value(point.target)}
                      {point.derivedTarget && point.target !== null && (
                        <span className="derived">{t("detail.table.derived")}</span>
                      )}
                    </td>
                    <td>{formatProgress(point.progress, lang)}</td>
                    <td>{value(point.forecast)}</td>
                    <td>
                      <StatusBadge status={point.status} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
