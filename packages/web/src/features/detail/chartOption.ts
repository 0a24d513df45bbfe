import { formatValue } from "../../format/formatValue";
import { fillText, type Lang } from "../../i18n/catalog";
import type { SeriesPoint } from "./api";
import { periodText } from "./labels";
import { detailTexts } from "./texts";

/**
 * What the chart draws for each period. The forecast is drawn only where it is a forecast
 * (not for periods already over, where it is the actual), and the expected-to-date mark only
 * for the period under way (over: it is the target; not begun: zero).
 */
export interface ChartRows {
  periods: string[];
  actual: (number | null)[];
  target: (number | null)[];
  forecast: (number | null)[];
  expected: (number | null)[];
}

export function chartRows(points: readonly SeriesPoint[]): ChartRows {
  const underWay = (p: SeriesPoint) =>
    p.expectedMethod !== "final" && p.elapsedShare !== null && p.elapsedShare > 0 && p.elapsedShare < 1;
  return {
    periods: points.map((p) => p.period),
    actual: points.map((p) => p.actual),
    target: points.map((p) => p.target),
    forecast: points.map((p) => (p.forecastMethod === "actual" ? null : p.forecast)),
    expected: points.map((p) => (underWay(p) ? p.expectedToDate : null)),
  };
}

/** The latest period with an actual: the one the chart's text alternative names. */
export function latestWithActual(points: readonly SeriesPoint[]): SeriesPoint | null {
  for (let i = points.length - 1; i >= 0; i--) if (points[i]!.actual !== null) return points[i]!;
  return null;
}

/** The chart in words (its aria-label): what it shows, the latest numbers, and where the rest is. */
export function chartSummary(
  name: string,
  points: readonly SeriesPoint[],
  unit: string | undefined,
  lang: Lang,
) {
  const texts = detailTexts[lang].chart;
  const latest = latestWithActual(points);
  const value = (v: number | null) => formatValue(v, unit, lang);
  return fillText(texts.summary, {
    name,
    from: periodText(points[0]?.period ?? "", lang),
    to: periodText(points[points.length - 1]?.period ?? "", lang),
    latest: latest
      ? fillText(texts.latest, {
          period: periodText(latest.period, lang),
          actual: value(latest.actual),
          target: value(latest.target),
          forecast: value(latest.forecast),
        })
      : texts.noLatest,
  });
}

/** Colours with AA contrast on white; the series also differ by line style and symbol. */
const COLOURS = { actual: "#1f4fb8", target: "#1b1f24", forecast: "#a05a00", expected: "#1b6e3a" };

/**
 * The ECharts option: actual as bars, target as a dashed line, forecast as a dotted line with
 * triangles, expected-to-date as diamonds. Plain data (and two formatters), tested without a DOM.
 */
export function chartOption(rows: ChartRows, unit: string | undefined, lang: Lang) {
  const texts = detailTexts[lang].chart;
  const value = (v: number) => formatValue(v, unit, lang, { compact: true });
  return {
    animation: false,
    grid: { left: 16, right: 16, top: 48, bottom: 8, containLabel: true },
    legend: { top: 0, itemGap: 20, textStyle: { color: "#1b1f24" } },
    tooltip: {
      trigger: "axis",
      valueFormatter: (v: unknown) => (typeof v === "number" ? formatValue(v, unit, lang) : "—"),
    },
    xAxis: {
      type: "category",
      data: rows.periods.map((id) => periodText(id, lang)),
      axisLabel: { color: "#555d68" },
    },
    yAxis: { type: "value", axisLabel: { color: "#555d68", formatter: value } },
    series: [
      {
        name: texts.actual,
        type: "bar",
        data: rows.actual,
        itemStyle: { color: COLOURS.actual },
        barMaxWidth: 28,
      },
      {
        name: texts.target,
        type: "line",
        data: rows.target,
        lineStyle: { type: "dashed", width: 2, color: COLOURS.target },
        itemStyle: { color: COLOURS.target },
        symbol: "rect",
        symbolSize: 6,
      },
      {
        name: texts.forecast,
        type: "line",
        data: rows.forecast,
        lineStyle: { type: "dotted", width: 2, color: COLOURS.forecast },
        itemStyle: { color: COLOURS.forecast },
        symbol: "triangle",
        symbolSize: 10,
      },
      {
        name: texts.expected,
        type: "line",
        data: rows.expected,
        lineStyle: { width: 0 },
        itemStyle: { color: COLOURS.expected },
        symbol: "diamond",
        symbolSize: 12,
      },
    ],
  };
}
