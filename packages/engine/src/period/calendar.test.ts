import { describe, expect, it } from "vitest";
import { ShihyoError } from "../errors.js";
import { type Calendar, DEFAULT_CALENDAR, validateCalendar } from "./index.js";

function errorOf(run: () => unknown): ShihyoError {
  try {
    run();
  } catch (error) {
    if (error instanceof ShihyoError) return error;
    throw error;
  }
  throw new Error("expected a ShihyoError");
}

describe("validateCalendar", () => {
  it("fills every default", () => {
    expect(validateCalendar({})).toEqual(DEFAULT_CALENDAR);
    expect(DEFAULT_CALENDAR).toEqual({
      fiscalYearStart: 4,
      timezone: "Asia/Tokyo",
      weekStart: "monday",
      locale: "ja",
    });
  });

  it.each<[Partial<Calendar>, Calendar]>([
    [{ fiscalYearStart: 1 }, { ...DEFAULT_CALENDAR, fiscalYearStart: 1 }],
    [{ fiscalYearStart: 12 }, { ...DEFAULT_CALENDAR, fiscalYearStart: 12 }],
    [
      { timezone: "America/New_York", weekStart: "sunday", locale: "en" },
      { fiscalYearStart: 4, timezone: "America/New_York", weekStart: "sunday", locale: "en" },
    ],
    [{ timezone: "UTC" }, { ...DEFAULT_CALENDAR, timezone: "UTC" }],
  ])("keeps %j", (input, expected) => {
    expect(validateCalendar(input)).toEqual(expected);
  });

  it("does not hand back the input object", () => {
    const input = { fiscalYearStart: 1 };
    expect(validateCalendar(input)).not.toBe(input);
  });

  it.each<[Record<string, unknown>, string, string]>([
    [{ fiscalYearStart: 0 }, "calendar.badFiscalYearStart", "0"],
    [{ fiscalYearStart: 13 }, "calendar.badFiscalYearStart", "13"],
    [{ fiscalYearStart: 4.5 }, "calendar.badFiscalYearStart", "4.5"],
    [{ fiscalYearStart: "4" }, "calendar.badFiscalYearStart", '"4"'],
    [{ fiscalYearStart: Number.NaN }, "calendar.badFiscalYearStart", "NaN"],
    [{ timezone: "Asia/Tokio" }, "calendar.badTimezone", '"Asia/Tokio"'],
    [{ timezone: "" }, "calendar.badTimezone", '""'],
    [{ timezone: 9 }, "calendar.badTimezone", "9"],
    [{ weekStart: "tuesday" }, "calendar.badWeekStart", '"tuesday"'],
    [{ weekStart: "Monday" }, "calendar.badWeekStart", '"Monday"'],
    [{ locale: "fr" }, "calendar.badLocale", '"fr"'],
    [{ locale: "ja-JP" }, "calendar.badLocale", '"ja-JP"'],
  ])("rejects %j", (input, code, shown) => {
    const error = errorOf(() => validateCalendar(input as Partial<Calendar>));
    expect(error.code).toBe(code);
    expect(error.params.value).toBe(shown);
    expect(error.text("en")).toContain(shown);
    expect(error.text("ja")).toContain(shown);
  });

  it("suggests the zone that was probably meant", () => {
    const error = errorOf(() => validateCalendar({ timezone: "America/NewYork" }));
    expect(error.params.suggestion).toBe("America/New_York");
    expect(error.text("en")).toBe(
      '"America/NewYork" is not a known IANA time zone (such as Asia/Tokyo or America/New_York). ' +
        'Did you mean "America/New_York"?',
    );
  });

  it("explains a bad fiscal start in both languages", () => {
    const error = errorOf(() => validateCalendar({ fiscalYearStart: 13 }));
    expect(error.text("en")).toBe(
      "fiscalYearStart must be the month a fiscal year starts in, a whole number from 1 to 12, not 13.",
    );
    expect(error.text("ja")).toBe(
      "fiscalYearStart（年度の開始月）は1〜12の整数で指定してください。指定された値: 13",
    );
  });
});
