import { describe, expect, it } from "vitest";
import { type Calendar, DEFAULT_CALENDAR, parsePeriod, periodLabel } from "./index.js";

const april: Calendar = DEFAULT_CALENDAR;
const january: Calendar = { ...DEFAULT_CALENDAR, fiscalYearStart: 1 };
const sunday: Calendar = { ...DEFAULT_CALENDAR, weekStart: "sunday" };

describe("periodLabel", () => {
  it.each<[string, Calendar, string, string]>([
    ["FY2026-Q1", april, "2026年度 第1四半期", "FY2026 Q1"],
    ["FY2026-Q4", april, "2026年度 第4四半期", "FY2026 Q4"],
    ["FY2026-H1", april, "2026年度 上期", "FY2026 H1"],
    ["FY2026-H2", april, "2026年度 下期", "FY2026 H2"],
    ["FY2026", april, "2026年度", "FY2026"],
    ["FY2026", january, "2026年度", "FY2026"],
    ["FY2026-Q4", january, "2026年度 第4四半期", "FY2026 Q4"],
    ["2026-04", april, "2026年4月", "Apr 2026"],
    ["2026-12", april, "2026年12月", "Dec 2026"],
    ["2027-01", april, "2027年1月", "Jan 2027"],
    ["2026-W16", april, "2026年 第16週", "2026 W16"],
    ["2026-W01", april, "2026年 第1週", "2026 W01"],
    ["2026-W53", april, "2026年 第53週", "2026 W53"],
    ["2026-W01", sunday, "2026年 第1週", "2026 W01"],
    ["2026-W53", sunday, "2026年 第53週", "2026 W53"],
    ["2026-04-15", april, "2026年4月15日", "2026-04-15"],
    ["2026-01-05", april, "2026年1月5日", "2026-01-05"],
  ])("%s", (id, calendar, ja, en) => {
    const p = parsePeriod(id, calendar);
    expect(periodLabel(p, "ja", calendar)).toBe(ja);
    expect(periodLabel(p, "en", calendar)).toBe(en);
  });

  it.each([
    [1, "Jan"],
    [2, "Feb"],
    [3, "Mar"],
    [4, "Apr"],
    [5, "May"],
    [6, "Jun"],
    [7, "Jul"],
    [8, "Aug"],
    [9, "Sep"],
    [10, "Oct"],
    [11, "Nov"],
    [12, "Dec"],
  ])("month %i is %s in English", (month, name) => {
    const id = `2026-${String(month).padStart(2, "0")}`;
    expect(periodLabel(parsePeriod(id, april), "en", april)).toBe(`${name} 2026`);
  });
});
