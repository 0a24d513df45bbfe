import { describe, expect, it } from "vitest";
import { ShihyoError } from "../errors.js";
import {
  type Calendar,
  childPeriods,
  compareGrains,
  contains,
  DEFAULT_CALENDAR,
  dayFromIso,
  GRAINS,
  type Grain,
  isFinerOrEqual,
  parentPeriod,
  parsePeriod,
  periodOfDay,
  periodsBetween,
} from "./index.js";

const april: Calendar = DEFAULT_CALENDAR;
const january: Calendar = { ...DEFAULT_CALENDAR, fiscalYearStart: 1 };
const october: Calendar = { ...DEFAULT_CALENDAR, fiscalYearStart: 10 };
const sunday: Calendar = { ...DEFAULT_CALENDAR, weekStart: "sunday" };
const sundayJanuary: Calendar = { ...sunday, fiscalYearStart: 1 };

const day = (iso: string) => dayFromIso(iso)!;
const ids = (periods: readonly { id: string }[]) => periods.map((p) => p.id);

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ShihyoError) return error.code;
    throw error;
  }
  return "no error";
}

describe("grain order", () => {
  it.each<[Grain, Grain, number]>([
    ["day", "week", -1],
    ["week", "month", -1],
    ["month", "quarter", -1],
    ["quarter", "half", -1],
    ["half", "year", -1],
    ["day", "year", -5],
    ["year", "day", 5],
    ["month", "month", 0],
  ])("compareGrains(%s, %s) = %i", (a, b, expected) => {
    expect(compareGrains(a, b)).toBe(expected);
    expect(isFinerOrEqual(a, b)).toBe(expected <= 0);
  });

  it("lists GRAINS from fine to coarse", () => {
    for (let i = 1; i < GRAINS.length; i++) expect(compareGrains(GRAINS[i - 1]!, GRAINS[i]!)).toBeLessThan(0);
  });

  it("rejects an unknown grain with a suggestion", () => {
    try {
      compareGrains("quater" as Grain, "day");
      expect.unreachable();
    } catch (error) {
      expect((error as ShihyoError).code).toBe("period.unknownGrain");
      expect((error as ShihyoError).params.suggestion).toBe("quarter");
      expect((error as ShihyoError).text("ja")).toContain("「quarter」のことではありませんか");
    }
    expect(codeOf(() => periodOfDay(0, "fortnight" as Grain, april))).toBe("period.unknownGrain");
  });
});

describe("periodOfDay", () => {
  it.each<[string, Grain, Calendar, string]>([
    ["2026-04-15", "day", april, "2026-04-15"],
    ["2026-04-15", "week", april, "2026-W16"],
    ["2026-04-15", "month", april, "2026-04"],
    ["2026-04-15", "quarter", april, "FY2026-Q1"],
    ["2026-04-15", "half", april, "FY2026-H1"],
    ["2026-04-15", "year", april, "FY2026"],
    ["2026-03-31", "quarter", april, "FY2025-Q4"],
    ["2026-03-31", "year", april, "FY2025"],
    ["2026-04-01", "year", april, "FY2026"],
    ["2027-01-01", "quarter", april, "FY2026-Q4"],
    ["2027-01-01", "half", april, "FY2026-H2"],
    ["2027-01-01", "year", april, "FY2026"],
    ["2027-01-01", "week", april, "2026-W53"],
    ["2026-01-01", "week", april, "2026-W01"],
    ["2025-12-29", "week", april, "2026-W01"],
    ["2025-12-28", "week", april, "2025-W52"],
    ["2021-01-03", "week", april, "2020-W53"],
    ["2026-01-01", "year", january, "FY2026"],
    ["2026-12-31", "quarter", january, "FY2026-Q4"],
    ["2026-09-30", "quarter", october, "FY2025-Q4"],
    ["2026-10-01", "quarter", october, "FY2026-Q1"],
    ["2027-04-01", "half", october, "FY2026-H2"],
    // Sunday weeks: the Sunday before ISO Monday 2026-04-13 opens 2026-W16.
    ["2026-04-12", "week", sunday, "2026-W16"],
    ["2026-04-12", "week", april, "2026-W15"],
    ["2026-04-18", "week", sunday, "2026-W16"],
    ["2026-04-19", "week", sunday, "2026-W17"],
    ["2026-04-19", "week", april, "2026-W16"],
    ["2027-01-02", "week", sunday, "2026-W53"],
    ["2027-01-03", "week", sunday, "2027-W01"],
    ["2027-01-03", "week", april, "2026-W53"],
  ])("%s at %s grain is %s", (iso, grain, calendar, id) => {
    expect(periodOfDay(day(iso), grain, calendar)).toEqual(parsePeriod(id, calendar));
  });

  it("refuses a day that is not a whole number", () => {
    expect(codeOf(() => periodOfDay(1.5, "day", april))).toBe("period.notADay");
    expect(codeOf(() => periodOfDay(Number.NaN, "month", april))).toBe("period.notADay");
  });

  it("refuses a day outside the supported years", () => {
    expect(codeOf(() => periodOfDay(day("1000-01-01") - 1, "day", april))).toBe("period.outOfRange");
    expect(codeOf(() => periodOfDay(day("9999-12-31") + 1, "month", april))).toBe("period.outOfRange");
  });
});

describe("parentPeriod", () => {
  it.each<[string, Grain, Calendar, string]>([
    ["2026-04-15", "day", april, "2026-04-15"],
    ["2026-04-15", "week", april, "2026-W16"],
    ["2026-04-15", "year", april, "FY2026"],
    ["2026-03-31", "half", april, "FY2025-H2"],
    // 2026-W53 runs 2026-12-28..2027-01-03; its Thursday 2026-12-31 decides.
    ["2026-W53", "month", april, "2026-12"],
    ["2026-W53", "quarter", april, "FY2026-Q3"],
    ["2026-W53", "half", april, "FY2026-H2"],
    ["2026-W53", "year", april, "FY2026"],
    ["2026-W53", "quarter", january, "FY2026-Q4"],
    ["2026-W53", "year", january, "FY2026"],
    // 2026-W01 runs 2025-12-29..2026-01-04; its Thursday is 2026-01-01.
    ["2026-W01", "month", april, "2026-01"],
    ["2026-W01", "quarter", april, "FY2025-Q4"],
    ["2026-W01", "year", april, "FY2025"],
    ["2026-W01", "year", january, "FY2026"],
    ["2020-W53", "month", april, "2020-12"],
    ["2020-W53", "quarter", april, "FY2020-Q3"],
    // 2026-W14 runs 2026-03-30..2026-04-05 across the fiscal new year; Thursday is 2 April.
    ["2026-W14", "month", april, "2026-04"],
    ["2026-W14", "year", april, "FY2026"],
    ["2026-W27", "month", april, "2026-07"],
    ["2026-W27", "quarter", april, "FY2026-Q2"],
    ["2026-W16", "week", april, "2026-W16"],
    ["2026-03", "quarter", april, "FY2025-Q4"],
    ["2026-03", "half", april, "FY2025-H2"],
    ["2026-03", "year", april, "FY2025"],
    ["2026-04", "quarter", april, "FY2026-Q1"],
    ["2026-03", "quarter", january, "FY2026-Q1"],
    ["2026-09", "quarter", october, "FY2025-Q4"],
    ["2026-10", "quarter", october, "FY2026-Q1"],
    ["2026-10", "half", october, "FY2026-H1"],
    ["2027-04", "half", october, "FY2026-H2"],
    ["FY2026-Q3", "half", april, "FY2026-H2"],
    ["FY2026-Q4", "year", april, "FY2026"],
    ["FY2026-H2", "year", april, "FY2026"],
    ["FY2026", "year", april, "FY2026"],
    // Sunday weeks roll up by their Wednesday, the 4th day.
    ["2026-W16", "month", sunday, "2026-04"],
    ["2026-W01", "month", sunday, "2025-12"],
    ["2026-W01", "year", sundayJanuary, "FY2025"],
    ["2026-W53", "month", sunday, "2026-12"],
  ])("%s into %s → %s", (id, grain, calendar, parent) => {
    expect(parentPeriod(parsePeriod(id, calendar), grain, calendar)).toEqual(parsePeriod(parent, calendar));
  });

  it.each<[string, Grain]>([
    ["2026-04", "week"],
    ["2026-04", "day"],
    ["FY2026-Q1", "month"],
    ["FY2026", "half"],
    ["2026-W16", "day"],
  ])("%s cannot roll up into a %s", (id, grain) => {
    expect(codeOf(() => parentPeriod(parsePeriod(id, april), grain, april))).toBe("period.notCoarser");
  });

  it("says why a month cannot roll up into a week", () => {
    try {
      parentPeriod(parsePeriod("2026-04", april), "week", april);
      expect.unreachable();
    } catch (error) {
      expect((error as ShihyoError).text("en")).toBe(
        "2026-04 cannot roll up into a week: a month only rolls up into the same or a coarser grain.",
      );
      expect((error as ShihyoError).text("ja")).toBe(
        "2026-04を週に集計することはできません。月は同じか、より粗い単位にしか集計できません。",
      );
    }
  });
});

describe("childPeriods", () => {
  it.each<[string, Grain, Calendar, number, string, string]>([
    ["FY2026", "day", april, 365, "2026-04-01", "2027-03-31"],
    // 2026-04-01 and 2027-03-31 are Wednesdays: 52 Thursdays lie between them.
    ["FY2026", "week", april, 52, "2026-W14", "2027-W12"],
    ["FY2026", "month", april, 12, "2026-04", "2027-03"],
    ["FY2026", "quarter", april, 4, "FY2026-Q1", "FY2026-Q4"],
    ["FY2026", "half", april, 2, "FY2026-H1", "FY2026-H2"],
    ["FY2026", "year", april, 1, "FY2026", "FY2026"],
    // With Sunday weeks the Wednesday decides, and both ends of FY2026 are Wednesdays.
    ["FY2026", "week", sunday, 53, "2026-W14", "2027-W13"],
    ["FY2026", "day", january, 365, "2026-01-01", "2026-12-31"],
    ["FY2026", "week", january, 53, "2026-W01", "2026-W53"],
    ["FY2025", "week", january, 52, "2025-W01", "2025-W52"],
    // FY2027 holds 29 February 2028 and starts on a Thursday.
    ["FY2027", "day", april, 366, "2027-04-01", "2028-03-31"],
    ["FY2027", "week", april, 53, "2027-W13", "2028-W13"],
    ["FY2019", "day", april, 366, "2019-04-01", "2020-03-31"],
    ["FY2020", "day", april, 365, "2020-04-01", "2021-03-31"],
    ["FY2026", "month", october, 12, "2026-10", "2027-09"],
    ["FY2026-Q1", "month", april, 3, "2026-04", "2026-06"],
    ["FY2026-Q1", "day", april, 91, "2026-04-01", "2026-06-30"],
    ["FY2026-Q4", "day", april, 90, "2027-01-01", "2027-03-31"],
    ["FY2027-Q4", "day", april, 91, "2028-01-01", "2028-03-31"],
    // 1 October and 31 December 2026 are both Thursdays: 14 weeks.
    ["FY2026-Q3", "week", april, 14, "2026-W40", "2026-W53"],
    ["FY2026-H2", "quarter", april, 2, "FY2026-Q3", "FY2026-Q4"],
    ["FY2026-H2", "month", april, 6, "2026-10", "2027-03"],
    ["2026-04", "day", april, 30, "2026-04-01", "2026-04-30"],
    ["2026-04", "week", april, 5, "2026-W14", "2026-W18"],
    ["2026-02", "week", april, 4, "2026-W06", "2026-W09"],
    ["2026-12", "week", april, 5, "2026-W49", "2026-W53"],
    ["2027-01", "week", april, 4, "2027-W01", "2027-W04"],
    ["2024-02", "day", april, 29, "2024-02-01", "2024-02-29"],
    ["2026-W16", "day", april, 7, "2026-04-13", "2026-04-19"],
    ["2026-W16", "day", sunday, 7, "2026-04-12", "2026-04-18"],
    ["2026-W16", "week", april, 1, "2026-W16", "2026-W16"],
    ["2026-04-15", "day", april, 1, "2026-04-15", "2026-04-15"],
  ])("%s into %s → %i from %s to %s", (id, grain, calendar, count, first, last) => {
    const children = childPeriods(parsePeriod(id, calendar), grain, calendar);
    expect(children).toHaveLength(count);
    expect(children[0]!.id).toBe(first);
    expect(children.at(-1)!.id).toBe(last);
    for (const child of children) expect(child.grain).toBe(grain);
  });

  it("counts the Thursdays of FY2026 by hand: weeks 14–53 of 2026 and 1–12 of 2027", () => {
    const weeks = ids(childPeriods(parsePeriod("FY2026", april), "week", april));
    expect(weeks.filter((id) => id.startsWith("2026-"))).toHaveLength(40);
    expect(weeks.filter((id) => id.startsWith("2027-"))).toHaveLength(12);
  });

  it.each<[string, Grain]>([
    ["2026-04", "quarter"],
    ["2026-W16", "month"],
    ["2026-04-15", "week"],
    ["FY2026-Q1", "year"],
  ])("%s cannot be split into %s periods", (id, grain) => {
    expect(codeOf(() => childPeriods(parsePeriod(id, april), grain, april))).toBe("period.notFiner");
  });

  it("splits a month's weeks so that neighbouring months share none", () => {
    const months = childPeriods(parsePeriod("FY2026", april), "month", april);
    const weeks = months.flatMap((m) => ids(childPeriods(m, "week", april)));
    expect(weeks).toEqual(ids(childPeriods(parsePeriod("FY2026", april), "week", april)));
  });
});

describe("contains", () => {
  it.each<[string, string, Calendar, boolean]>([
    ["FY2026", "2026-W53", april, true],
    ["FY2026-Q3", "2026-W53", april, true],
    ["2026-12", "2026-W53", april, true],
    ["2027-01", "2026-W53", april, false],
    ["FY2026-Q4", "2026-W53", april, false],
    ["2026-01", "2026-W01", april, true],
    ["2025-12", "2026-W01", april, false],
    ["FY2025", "2026-W01", april, true],
    ["2025-12", "2026-W01", sunday, true],
    ["2026-04", "2026-W14", april, true],
    ["2026-03", "2026-W14", april, false],
    ["2026-W01", "2025-12-29", april, true],
    ["2026-W01", "2026-01-04", april, true],
    ["2026-W01", "2026-01-05", april, false],
    ["2026-W16", "2026-W16", april, true],
    ["2026-W16", "2026-W17", april, false],
    ["FY2026", "FY2026", april, true],
    ["FY2026", "FY2027", april, false],
    ["FY2026", "FY2026-Q4", april, true],
    ["FY2026", "2027-03-31", april, true],
    ["FY2026", "2026-03-31", april, false],
    ["FY2026-Q1", "2026-07", april, false],
    ["FY2026-H2", "2027-02", april, true],
    ["FY2026-Q1", "2026-03", january, true],
    ["2026-04", "FY2026-Q1", april, false],
    ["2026-04-15", "2026-04", april, false],
    ["2026-W16", "2026-04", april, false],
    ["2026-04", "2026-04-15", april, true],
  ])("%s contains %s", (outer, inner, calendar, expected) => {
    const o = parsePeriod(outer, calendar);
    const i = parsePeriod(inner, calendar);
    expect(contains(o, i, calendar)).toBe(expected);
    if (isFinerOrEqual(i.grain, o.grain)) {
      expect(parentPeriod(i, o.grain, calendar).id === o.id).toBe(expected);
    }
  });
});

describe("periodsBetween", () => {
  it.each<[Grain, string, string, Calendar, string[]]>([
    ["day", "2026-04-29", "2026-05-01", april, ["2026-04-29", "2026-04-30", "2026-05-01"]],
    ["day", "2026-04-15", "2026-04-15", april, ["2026-04-15"]],
    ["day", "2026-04-16", "2026-04-15", april, []],
    ["month", "2026-03-15", "2026-05-01", april, ["2026-03", "2026-04", "2026-05"]],
    ["quarter", "2026-03-31", "2026-04-01", april, ["FY2025-Q4", "FY2026-Q1"]],
    ["half", "2026-01-01", "2026-12-31", april, ["FY2025-H2", "FY2026-H1", "FY2026-H2"]],
    ["year", "2026-01-01", "2026-12-31", april, ["FY2025", "FY2026"]],
    ["year", "2026-01-01", "2026-12-31", january, ["FY2026"]],
    // Wednesday 15 April .. Thursday 30 April: W16's Thursday (16th) and W18's (30th) are in.
    ["week", "2026-04-15", "2026-04-30", april, ["2026-W16", "2026-W17", "2026-W18"]],
    // Friday 17 .. Wednesday 22 April holds no Thursday.
    ["week", "2026-04-17", "2026-04-22", april, []],
    ["week", "2026-04-16", "2026-04-16", april, ["2026-W16"]],
    ["week", "2026-12-31", "2027-01-01", april, ["2026-W53"]],
    ["week", "2026-04-15", "2026-04-15", sunday, ["2026-W16"]],
    ["week", "2026-04-16", "2026-04-22", sunday, ["2026-W17"]],
  ])("%s periods from %s to %s", (grain, first, last, calendar, expected) => {
    expect(ids(periodsBetween(grain, day(first), day(last), calendar))).toEqual(expected);
  });

  it("lists weeks at the first supported year without touching the year before", () => {
    const weeks = periodsBetween("week", day("1000-01-01"), day("1000-01-31"), april);
    expect(weeks.length).toBeGreaterThanOrEqual(4);
    for (const week of weeks) expect(week.start + 3).toBeGreaterThanOrEqual(day("1000-01-01"));
  });

  it("refuses a range end that is not a whole day", () => {
    expect(codeOf(() => periodsBetween("day", 0, 1.5, april))).toBe("period.notADay");
  });
});
