import { describe, expect, it } from "vitest";
import { ShihyoError } from "../errors.js";
import {
  type Calendar,
  DEFAULT_CALENDAR,
  dayFromIso,
  elapsedDays,
  elapsedShare,
  isoFromDay,
  nextPeriod,
  parsePeriod,
  periodLength,
  previousPeriod,
  samePeriodLastYear,
  shiftPeriod,
} from "./index.js";

const april: Calendar = DEFAULT_CALENDAR;
const january: Calendar = { ...DEFAULT_CALENDAR, fiscalYearStart: 1 };
const sunday: Calendar = { ...DEFAULT_CALENDAR, weekStart: "sunday" };

const day = (iso: string) => dayFromIso(iso)!;

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ShihyoError) return error.code;
    throw error;
  }
  return "no error";
}

describe("periodLength", () => {
  it.each<[string, Calendar, number]>([
    ["2026-04-15", april, 1],
    ["2026-W16", april, 7],
    ["2026-W53", sunday, 7],
    ["2026-02", april, 28],
    ["2024-02", april, 29],
    ["2026-04", april, 30],
    ["FY2026-Q1", april, 91],
    ["FY2026-Q4", april, 90],
    ["FY2027-Q4", april, 91],
    ["FY2026-H1", april, 183],
    ["FY2026-H2", april, 182],
    ["FY2026", april, 365],
    ["FY2027", april, 366],
    ["FY2028", april, 365],
    ["FY2024", january, 366],
  ])("%s lasts %i days", (id, calendar, days) => {
    expect(periodLength(parsePeriod(id, calendar))).toBe(days);
  });
});

describe("next, previous and shift", () => {
  it.each<[string, Calendar, string]>([
    ["2026-12-31", april, "2027-01-01"],
    ["2024-02-28", april, "2024-02-29"],
    ["2026-W52", april, "2026-W53"],
    ["2026-W53", april, "2027-W01"],
    ["2025-W52", april, "2026-W01"],
    ["2026-W53", sunday, "2027-W01"],
    ["2026-12", april, "2027-01"],
    ["FY2026-Q3", april, "FY2026-Q4"],
    ["FY2026-Q4", april, "FY2027-Q1"],
    ["FY2026-H2", april, "FY2027-H1"],
    ["FY2026", april, "FY2027"],
    ["FY2026-Q4", january, "FY2027-Q1"],
  ])("after %s comes %s", (id, calendar, next) => {
    const p = parsePeriod(id, calendar);
    const n = parsePeriod(next, calendar);
    expect(nextPeriod(p, calendar)).toEqual(n);
    expect(previousPeriod(n, calendar)).toEqual(p);
    expect(n.start).toBe(p.end + 1);
  });

  it.each<[string, number, string]>([
    ["2026-04-15", 365, "2027-04-15"],
    ["2026-04-15", -365, "2025-04-15"],
    ["2026-04", 12, "2027-04"],
    ["2026-04", -16, "2024-12"],
    ["FY2026-Q1", 5, "FY2027-Q2"],
    ["FY2026-Q1", -1, "FY2025-Q4"],
    ["FY2026-H1", -3, "FY2024-H2"],
    ["FY2026", 10, "FY2036"],
    // W16 + 37 = W53, then three weeks into 2027.
    ["2026-W16", 40, "2027-W03"],
    ["2026-W16", -16, "2025-W52"],
  ])("%s shifted by %i is %s", (id, steps, expected) => {
    expect(shiftPeriod(parsePeriod(id, april), steps, april).id).toBe(expected);
  });

  it("returns the period itself for a shift of 0", () => {
    const p = parsePeriod("2026-04", april);
    expect(shiftPeriod(p, 0, april)).toBe(p);
  });

  it("keeps a Sunday week Sunday-based", () => {
    const next = nextPeriod(parsePeriod("2026-W53", sunday), sunday);
    expect(isoFromDay(next.start)).toBe("2027-01-03");
  });

  it.each([1.5, Number.NaN, Number.POSITIVE_INFINITY])("refuses a shift of %s", (steps) => {
    expect(codeOf(() => shiftPeriod(parsePeriod("2026-04", april), steps, april))).toBe("period.badShift");
  });

  it.each<[string, number]>([
    ["FY9999", 1],
    ["9999-12", 1],
    ["9999-12-31", 1],
    ["1000-01", -1],
    ["1000-01-01", -1],
    ["FY1000-Q1", -1],
  ])("stops at the edge of the supported years: %s by %i", (id, steps) => {
    expect(codeOf(() => shiftPeriod(parsePeriod(id, april), steps, april))).toBe("period.outOfRange");
  });
});

describe("samePeriodLastYear", () => {
  it.each<[string, Calendar, string | null]>([
    ["2026-04-15", april, "2025-04-15"],
    ["2024-02-29", april, "2023-02-28"],
    ["2025-03-01", april, "2024-03-01"],
    ["2026-W16", april, "2025-W16"],
    ["2026-W01", april, "2025-W01"],
    ["2026-W53", april, "2025-W52"],
    ["2021-W10", april, "2020-W10"],
    ["2021-W01", april, "2020-W01"],
    ["2026-W53", sunday, "2025-W52"],
    ["2026-W16", sunday, "2025-W16"],
    ["2026-04", april, "2025-04"],
    ["2026-01", april, "2025-01"],
    ["FY2026-Q4", april, "FY2025-Q4"],
    ["FY2026-Q1", january, "FY2025-Q1"],
    ["FY2026-H2", april, "FY2025-H2"],
    ["FY2026", april, "FY2025"],
    ["1000-05-05", april, null],
    ["1000-05", april, null],
    ["1000-W10", april, null],
    ["FY1000-Q2", april, null],
    ["FY1000-H1", april, null],
    ["FY1000", april, null],
    ["FY1001", april, "FY1000"],
  ])("%s → %s", (id, calendar, expected) => {
    const previous = samePeriodLastYear(parsePeriod(id, calendar), calendar);
    expect(previous).toEqual(expected === null ? null : parsePeriod(expected, calendar));
  });
});

describe("elapsedDays and elapsedShare", () => {
  it.each<[string, string, number, number]>([
    ["2026-04", "2026-03-31", 0, 0],
    ["2026-04", "2020-01-01", 0, 0],
    ["2026-04", "2026-04-01", 1, 1 / 30],
    ["2026-04", "2026-04-15", 15, 0.5],
    ["2026-04", "2026-04-30", 30, 1],
    ["2026-04", "2026-05-10", 30, 1],
    ["FY2026-Q1", "2026-05-15", 45, 45 / 91],
    ["FY2026", "2026-09-30", 183, 183 / 365],
    ["FY2026", "2027-03-31", 365, 1],
    ["2026-W16", "2026-04-16", 4, 4 / 7],
    ["2026-04-15", "2026-04-15", 1, 1],
    ["2026-04-15", "2026-04-14", 0, 0],
  ])("%s as of %s: %i days", (id, asOf, days, share) => {
    const p = parsePeriod(id, april);
    expect(elapsedDays(p, day(asOf))).toBe(days);
    expect(elapsedShare(p, day(asOf))).toBeCloseTo(share, 12);
  });
});
