import { describe, expect, it } from "vitest";
import {
  changeGrain,
  currentPeriod,
  DEFAULT_CALENDAR,
  type FiscalCalendar,
  monthsEndingWith,
  type Period,
  parsePeriodId,
  periodId,
  periodLabel,
  periodRangeLabel,
  shiftPeriod,
  trendRange,
} from "./fiscalPeriod";

const april = DEFAULT_CALENDAR;
const january: FiscalCalendar = { fiscalYearStart: 1, timezone: "UTC" };
const q = (fiscalYear: number, quarter: number): Period => ({ grain: "quarter", fiscalYear, quarter });

describe("current period in the plan's time zone", () => {
  it.each([
    ["2026-11-23T23:30:00Z", "quarter", "FY2026-Q3"], // already the 24th in Tokyo
    ["2027-01-15T00:00:00Z", "quarter", "FY2026-Q4"],
    ["2027-03-31T14:59:00Z", "quarter", "FY2026-Q4"],
    ["2027-03-31T15:00:00Z", "quarter", "FY2027-Q1"], // 1 April 00:00 in Tokyo
    ["2026-04-01T00:00:00Z", "year", "FY2026"],
    ["2026-03-31T12:00:00Z", "year", "FY2025"],
    ["2026-11-30T16:00:00Z", "month", "2026-12"],
  ] as const)("%s, %s → %s", (instant, grain, id) => {
    expect(periodId(currentPeriod(grain, april, new Date(instant)))).toBe(id);
  });

  it("follows the calendar's fiscal year start", () => {
    expect(periodId(currentPeriod("quarter", january, new Date("2026-11-23T12:00:00Z")))).toBe("FY2026-Q4");
  });
});

describe("navigating periods", () => {
  it.each([
    ["FY2026-Q3", 1, "FY2026-Q4"],
    ["FY2026-Q4", 1, "FY2027-Q1"],
    ["FY2026-Q1", -1, "FY2025-Q4"],
    ["FY2026", -1, "FY2025"],
    ["2026-12", 1, "2027-01"],
    ["2026-01", -1, "2025-12"],
  ])("%s %+d → %s", (id, steps, expected) => {
    expect(periodId(shiftPeriod(parsePeriodId(id)!, steps, april))).toBe(expected);
  });

  it("changes grain around today when today is inside the period, else its start", () => {
    const now = new Date("2026-11-23T12:00:00Z");
    expect(periodId(changeGrain(q(2026, 3), "month", april, now))).toBe("2026-11");
    expect(periodId(changeGrain(q(2026, 1), "month", april, now))).toBe("2026-04");
    expect(periodId(changeGrain(parsePeriodId("2027-02")!, "quarter", april, now))).toBe("FY2026-Q4");
    expect(periodId(changeGrain(q(2026, 4), "year", april, now))).toBe("FY2026");
  });

  it.each(["2026-W16", "2026-04-15", "FY2026-H1", "FY2026-Q5", "2026-13", "soon"])(
    "does not navigate %s",
    (id) => {
      expect(parsePeriodId(id)).toBeNull();
    },
  );
});

describe("period labels", () => {
  it.each([
    ["FY2026-Q3", "2026年度 第3四半期", "FY2026 Q3", "2026年10月〜12月", "Oct – Dec 2026"],
    ["FY2026-Q4", "2026年度 第4四半期", "FY2026 Q4", "2027年1月〜3月", "Jan – Mar 2027"],
    ["FY2026", "2026年度", "FY2026", "2026年4月〜2027年3月", "Apr 2026 – Mar 2027"],
    ["2026-10", "2026年10月", "Oct 2026", null, null],
  ])("%s", (id, ja, en, rangeJa, rangeEn) => {
    const period = parsePeriodId(id)!;
    expect(periodLabel(period, "ja")).toBe(ja);
    expect(periodLabel(period, "en")).toBe(en);
    expect(periodRangeLabel(period, april, "ja")).toBe(rangeJa);
    expect(periodRangeLabel(period, april, "en")).toBe(rangeEn);
  });
});

describe("monthsEndingWith", () => {
  it("ends with the period's last month, across calendar years", () => {
    // FY2026-Q3 with an April fiscal year is Oct–Dec 2026: six months back from December.
    expect(monthsEndingWith({ grain: "quarter", fiscalYear: 2026, quarter: 3 }, 6, april)).toEqual({
      from: "2026-07",
      to: "2026-12",
    });
    // FY2026 (April 2026 – March 2027), twelve months.
    expect(monthsEndingWith({ grain: "year", fiscalYear: 2026 }, 12, april)).toEqual({
      from: "2026-04",
      to: "2027-03",
    });
    expect(monthsEndingWith({ grain: "month", year: 2026, month: 2 }, 3, april)).toEqual({
      from: "2025-12",
      to: "2026-02",
    });
  });
});

describe("trendRange", () => {
  it("covers a fiscal year's twelve months, else the six months ending with the period", () => {
    expect(trendRange({ grain: "year", fiscalYear: 2026 }, april)).toEqual({
      from: "2026-04",
      to: "2027-03",
    });
    expect(trendRange({ grain: "quarter", fiscalYear: 2026, quarter: 1 }, april)).toEqual({
      from: "2026-01",
      to: "2026-06",
    });
    expect(trendRange({ grain: "month", year: 2026, month: 11 }, april)).toEqual({
      from: "2026-06",
      to: "2026-11",
    });
  });
});
