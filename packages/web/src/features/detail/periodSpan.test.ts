import { describe, expect, it } from "vitest";
import { DEFAULT_CALENDAR, type Period } from "../../format/fiscalPeriod";
import { cadencePeriods, defaultPeriod, fiscalYearMonths, overlaps, periodSpan } from "./periodSpan";

const april = DEFAULT_CALENDAR;
const january = { ...DEFAULT_CALENDAR, fiscalYearStart: 1 };
const m = (year: number, month: number) => year * 12 + month - 1;

describe("periodSpan", () => {
  it.each([
    ["2026-11", [m(2026, 11), m(2026, 11)]],
    ["FY2026", [m(2026, 4), m(2027, 3)]],
    ["FY2026-Q1", [m(2026, 4), m(2026, 6)]],
    ["FY2026-Q4", [m(2027, 1), m(2027, 3)]],
    ["FY2026-H2", [m(2026, 10), m(2027, 3)]],
    ["2026-13", null],
    ["FY2026-H3", null],
    ["2026-W47", null],
    ["2026-11-24", null],
  ])("%s (April start)", (id, span) => {
    expect(periodSpan(id, april)).toEqual(span);
  });

  it("follows the fiscal year start", () => {
    expect(periodSpan("FY2026-Q1", january)).toEqual([m(2026, 1), m(2026, 3)]);
  });

  it("tells overlapping spans", () => {
    expect(overlaps(periodSpan("2026-11", april)!, periodSpan("FY2026-Q3", april)!)).toBe(true);
    expect(overlaps(periodSpan("2027-01", april)!, periodSpan("FY2026-Q3", april)!)).toBe(false);
  });
});

describe("fiscalYearMonths", () => {
  it.each<[Period, { from: string; to: string }]>([
    [
      { grain: "month", year: 2026, month: 11 },
      { from: "2026-04", to: "2027-03" },
    ],
    [
      { grain: "month", year: 2027, month: 2 },
      { from: "2026-04", to: "2027-03" },
    ],
    [
      { grain: "month", year: 2026, month: 4 },
      { from: "2026-04", to: "2027-03" },
    ],
    [
      { grain: "quarter", fiscalYear: 2026, quarter: 4 },
      { from: "2026-04", to: "2027-03" },
    ],
    [
      { grain: "year", fiscalYear: 2025 },
      { from: "2025-04", to: "2026-03" },
    ],
  ])("%o → %o", (period, months) => {
    expect(fiscalYearMonths(period, april)).toEqual(months);
  });

  it("is the calendar year when the fiscal year starts in January", () => {
    expect(fiscalYearMonths({ grain: "month", year: 2026, month: 2 }, january)).toEqual({
      from: "2026-01",
      to: "2026-12",
    });
  });
});

describe("cadencePeriods and defaultPeriod", () => {
  it("lists the periods a target can be set for", () => {
    expect(cadencePeriods("month", 2026, april)).toEqual([
      "2026-04",
      "2026-05",
      "2026-06",
      "2026-07",
      "2026-08",
      "2026-09",
      "2026-10",
      "2026-11",
      "2026-12",
      "2027-01",
      "2027-02",
      "2027-03",
    ]);
    expect(cadencePeriods("quarter", 2026, april)).toEqual([
      "FY2026-Q1",
      "FY2026-Q2",
      "FY2026-Q3",
      "FY2026-Q4",
    ]);
    expect(cadencePeriods("half", 2026, april)).toEqual(["FY2026-H1", "FY2026-H2"]);
    expect(cadencePeriods("year", 2026, april)).toEqual(["FY2026"]);
    expect(cadencePeriods("week", 2026, april)).toBeNull();
    expect(cadencePeriods(null, 2026, april)).toBeNull();
  });

  it("picks the period holding today, else the one at the start of the range shown", () => {
    const months = cadencePeriods("month", 2026, april)!;
    const quarters = cadencePeriods("quarter", 2026, april)!;
    expect(defaultPeriod(months, { year: 2026, month: 11 }, "2026-04", april)).toBe("2026-11");
    expect(defaultPeriod(quarters, { year: 2026, month: 11 }, "2026-04", april)).toBe("FY2026-Q3");
    // Looking at last year: today is not in it.
    const lastYear = cadencePeriods("month", 2025, april)!;
    expect(defaultPeriod(lastYear, { year: 2026, month: 11 }, "2025-07", april)).toBe("2025-07");
  });
});
