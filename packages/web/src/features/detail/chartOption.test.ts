import { describe, expect, it } from "vitest";
import type { SeriesPoint } from "./api";
import { chartOption, chartRows, chartSummary, latestWithActual } from "./chartOption";

const point = (period: string, fields: Partial<SeriesPoint>): SeriesPoint => ({
  period,
  actual: null,
  target: null,
  derivedTarget: false,
  progress: null,
  expectedToDate: null,
  forecast: null,
  forecastMethod: null,
  status: "no_data",
  coverage: null,
  expectedMethod: null,
  elapsedShare: null,
  reason: null,
  ...fields,
});

/** October over, November under way (24 of 30 days), December not begun. */
const POINTS = [
  point("2026-10", {
    actual: 12_000_000,
    target: 13_200_000,
    forecast: 12_000_000,
    forecastMethod: "actual",
    expectedToDate: 13_200_000,
    expectedMethod: "final",
    elapsedShare: 1,
    status: "at_risk",
  }),
  point("2026-11", {
    actual: 9_000_000,
    target: 13_200_000,
    forecast: 11_250_000,
    forecastMethod: "pace",
    expectedToDate: 10_560_000,
    expectedMethod: "linear",
    elapsedShare: 0.8,
    status: "at_risk",
  }),
  point("2026-12", { target: 13_200_000, expectedToDate: 0, expectedMethod: "linear", elapsedShare: 0 }),
];

describe("chartRows", () => {
  it("draws forecasts only where they forecast, and the expected mark only for the period under way", () => {
    expect(chartRows(POINTS)).toEqual({
      periods: ["2026-10", "2026-11", "2026-12"],
      actual: [12_000_000, 9_000_000, null],
      target: [13_200_000, 13_200_000, 13_200_000],
      forecast: [null, 11_250_000, null],
      expected: [null, 10_560_000, null],
    });
  });
});

describe("chartOption", () => {
  it("labels the axis with periods and the series in the user's language", () => {
    const ja = chartOption(chartRows(POINTS), "JPY", "ja");
    expect(ja.xAxis.data).toEqual(["2026年10月", "2026年11月", "2026年12月"]);
    expect(ja.series.map((s) => s.name)).toEqual(["実績", "目標", "着地見込み", "今日までの期待値"]);
    expect(ja.yAxis.axisLabel.formatter(13_200_000)).toBe("1,320万円");
    const en = chartOption(chartRows(POINTS), "JPY", "en");
    expect(en.xAxis.data[0]).toBe("Oct 2026");
    expect(en.series.map((s) => s.name)).toEqual(["Actual", "Target", "Forecast", "Expected by today"]);
    expect(en.tooltip.valueFormatter(11_250_000)).toBe("¥11,250,000");
  });

  it("tells the series apart by more than colour", () => {
    const [actual, target, forecast, expected] = chartOption(chartRows(POINTS), "JPY", "ja").series;
    expect(actual!.type).toBe("bar");
    expect([target!.lineStyle?.type, forecast!.lineStyle?.type]).toEqual(["dashed", "dotted"]);
    expect(new Set([target!.symbol, forecast!.symbol, expected!.symbol]).size).toBe(3);
  });
});

describe("chartSummary", () => {
  it("names the range and the latest actual, and points at the table", () => {
    expect(chartSummary("四半期新規売上", POINTS, "JPY", "ja")).toBe(
      "四半期新規売上 の 2026年10月〜2026年12月 の推移のグラフ。2026年11月 は実績 9,000,000円、目標 13,200,000円、着地見込み 11,250,000円。各月の数字は下の表のとおりです。",
    );
    expect(chartSummary("Revenue", POINTS, "JPY", "en")).toBe(
      "Chart of Revenue from Oct 2026 to Dec 2026. Nov 2026: actual ¥9,000,000, target ¥13,200,000, forecast ¥11,250,000. The table below lists every month's numbers.",
    );
  });

  it("says so when there is no actual yet", () => {
    expect(latestWithActual([POINTS[2]!])).toBeNull();
    expect(chartSummary("Revenue", [POINTS[2]!], "JPY", "en")).toContain("No actuals yet");
  });
});
