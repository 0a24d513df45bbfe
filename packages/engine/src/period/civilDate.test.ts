import { describe, expect, it } from "vitest";
import { civilFromDay, dayFromYmd, isLeapYear, isoWeekday } from "./civilDate.js";
import { dayFromIso, isoFromDay } from "./index.js";
import { isoWeekMonday, isoWeeksInYear } from "./isoWeek.js";

describe("dayFromIso", () => {
  it.each([
    ["1970-01-01", 0],
    ["1970-01-02", 1],
    ["1969-12-31", -1],
    ["2000-01-01", 10957],
    ["2026-01-01", 20454],
    ["2026-04-15", 20558],
    ["2024-02-29", 19782],
    ["2000-02-29", 11016],
    ["1000-01-01", -354285],
    ["9999-12-31", 2932896],
  ])("%s is day %i", (text, day) => {
    expect(dayFromIso(text)).toBe(day);
  });

  it.each([
    ["2026-02-29", "not a leap year"],
    ["2026-02-30", "February has no 30th"],
    ["1900-02-29", "century years are leap only when divisible by 400"],
    ["2026-04-31", "April has 30 days"],
    ["2026-04-00", "day zero"],
    ["2026-13-01", "month 13"],
    ["2026-00-10", "month zero"],
    ["2026-4-15", "unpadded month"],
    ["2026/04/15", "slashes"],
    ["2026-04-15 ", "trailing space"],
    ["2026-04-15T00:00", "a timestamp"],
    ["０２６-04-15", "full-width digits"],
    ["0999-12-31", "a year before 1000"],
    ["", "empty"],
    ["2026-04", "a month"],
  ])("rejects %s (%s)", (text) => {
    expect(dayFromIso(text)).toBeNull();
  });
});

describe("isoFromDay", () => {
  it.each([
    [0, "1970-01-01"],
    [-1, "1969-12-31"],
    [20454, "2026-01-01"],
    [20558, "2026-04-15"],
    [19782, "2024-02-29"],
    [2932896, "9999-12-31"],
    [2932897, "+010000-01-01"],
    [-719528, "0000-01-01"],
    [-719529, "-000001-12-31"],
  ])("day %i is %s", (day, text) => {
    expect(isoFromDay(day)).toBe(text);
  });
});

describe("civil arithmetic", () => {
  it.each([
    [2024, true],
    [2026, false],
    [2000, true],
    [1900, false],
    [2100, false],
    [2400, true],
  ])("leap year %i: %s", (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
  });

  it.each([
    ["1970-01-01", 4],
    ["2026-01-01", 4],
    ["2026-04-01", 3],
    ["2026-04-13", 1],
    ["2026-04-12", 7],
    ["2027-01-01", 5],
  ])("%s has ISO weekday %i", (text, weekday) => {
    expect(isoWeekday(dayFromIso(text)!)).toBe(weekday);
  });

  it("agrees with civilFromDay around the Gregorian edge cases", () => {
    for (const [y, m, d] of [
      [1600, 2, 29],
      [1700, 3, 1],
      [2000, 2, 29],
      [2100, 2, 28],
      [2100, 3, 1],
    ] as const) {
      expect(civilFromDay(dayFromYmd(y, m, d))).toEqual({ year: y, month: m, day: d });
    }
  });

  it.each([
    [2015, 53],
    [2020, 53],
    [2025, 52],
    [2026, 53],
    [2027, 52],
    [2032, 53],
    [2037, 53],
  ])("ISO year %i has %i weeks", (year, weeks) => {
    expect(isoWeeksInYear(year)).toBe(weeks);
  });

  it.each([
    [2026, 1, "2025-12-29"],
    [2026, 16, "2026-04-13"],
    [2026, 53, "2026-12-28"],
    [2020, 53, "2020-12-28"],
    [2021, 1, "2021-01-04"],
    [2027, 1, "2027-01-04"],
  ])("ISO %i-W%i starts on Monday %s", (year, week, monday) => {
    expect(isoFromDay(isoWeekMonday(year, week))).toBe(monday);
  });
});
