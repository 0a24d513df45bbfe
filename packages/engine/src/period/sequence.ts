import { closestMatch } from "../closestMatch.js";
import {
  civilFromDay,
  dayFromYmd,
  isoFromDay,
  isoMonth,
  MAX_YEAR,
  MIN_YEAR,
  mod,
  yearText,
} from "./civilDate.js";
import { isoWeekOfMonday } from "./isoWeek.js";
import { periodError } from "./periodError.js";
import { type Calendar, type Day, GRAINS, type Grain, type Period } from "./types.js";

/*
 * Every grain is an endless sequence of periods numbered by an integer index, so moving,
 * comparing and listing periods is integer arithmetic:
 *   day      the day number itself
 *   week     (ISO Monday − 4) / 7, i.e. weeks counted from the Monday 1970-01-05
 *   month    year × 12 + month − 1
 *   quarter, half, year
 *            fiscal months (month index − (fiscalYearStart − 1)) divided by 3, 6 or 12;
 *            fiscal month 0 of fiscal year Y is the start month of FY Y, so
 *            quarter index = FY × 4 + (Q − 1), half index = FY × 2 + (H − 1), year index = FY.
 */

const RANK: Record<Grain, number> = { day: 0, week: 1, month: 2, quarter: 3, half: 4, year: 5 };

/** Position of a grain from fine (day = 0) to coarse (year = 5); throws for anything else. */
export function grainRank(grain: Grain): number {
  const rank = RANK[grain];
  if (rank === undefined) {
    // Grains arrive as text from files and the CLI, so the type alone does not guarantee this.
    const value = String(grain);
    const suggestion = closestMatch(value, GRAINS);
    throw periodError("period.unknownGrain", suggestion === null ? { value } : { value, suggestion });
  }
  return rank;
}

/**
 * Days by which the calendar's weeks start before the ISO Monday: Sunday-start weeks run
 * Sunday..Saturday and keep the number of the ISO week whose Monday follows that Sunday.
 */
export function weekShift(calendar: Calendar): number {
  return calendar.weekStart === "sunday" ? 1 : 0;
}

/** The calendar's fiscal start month, checked, since every fiscal computation depends on it. */
export function fiscalStartMonth(calendar: Calendar): number {
  const start = calendar.fiscalYearStart;
  if (!(Number.isInteger(start) && start >= 1 && start <= 12)) {
    throw periodError("calendar.badFiscalYearStart", { value: String(start) });
  }
  return start;
}

export function checkDay(day: Day): void {
  if (!Number.isInteger(day)) throw periodError("period.notADay", { value: String(day) });
}

/** First day of the month with the given month index (year × 12 + month − 1). */
export function firstDayOfMonthIndex(monthIndex: number): Day {
  return dayFromYmd(Math.floor(monthIndex / 12), mod(monthIndex, 12) + 1, 1);
}

/** Index of the period of `grain` that holds `day`. */
export function indexOfDay(day: Day, grain: Grain, calendar: Calendar): number {
  switch (grain) {
    case "day":
      return day;
    case "week": {
      const shift = weekShift(calendar);
      const start = day - mod(day + 3 + shift, 7);
      return (start + shift - weekIndexMonday(0)) / 7;
    }
    default: {
      const c = civilFromDay(day);
      const monthIndex = c.year * 12 + c.month - 1;
      if (grain === "month") return monthIndex;
      const fiscalMonth = monthIndex - (fiscalStartMonth(calendar) - 1);
      if (grain === "quarter") return Math.floor(fiscalMonth / 3);
      if (grain === "half") return Math.floor(fiscalMonth / 6);
      grainRank(grain);
      return Math.floor(fiscalMonth / 12);
    }
  }
}

/** The ISO Monday of the week with the given index. */
export function weekIndexMonday(index: number): Day {
  return index * 7 + 4;
}

/**
 * The day that places a period among coarser ones: its first day, except for a week, whose
 * 4th day decides (Thursday for ISO weeks, as ISO 8601 does for years; Wednesday for
 * Sunday-start weeks, which is the same position in the week).
 */
export function anchorDay(period: Period): Day {
  return period.grain === "week" ? period.start + 3 : period.start;
}

export function indexOfPeriod(period: Period, calendar: Calendar): number {
  return indexOfDay(anchorDay(period), period.grain, calendar);
}

function inRange(year: number, id: string): void {
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw periodError("period.outOfRange", { text: id, min: MIN_YEAR, max: MAX_YEAR });
  }
}

function fiscalPeriod(
  grain: Grain,
  id: string,
  fiscalYear: number,
  firstMonthIndex: number,
  months: number,
): Period {
  inRange(fiscalYear, id);
  return {
    id,
    grain,
    start: firstDayOfMonthIndex(firstMonthIndex),
    end: firstDayOfMonthIndex(firstMonthIndex + months) - 1,
  };
}

/** The period at an index of a grain's sequence; throws when its year leaves 1000–9999. */
export function periodAt(grain: Grain, index: number, calendar: Calendar): Period {
  switch (grain) {
    case "day": {
      const id = isoFromDay(index);
      inRange(civilFromDay(index).year, id);
      return { id, grain, start: index, end: index };
    }
    case "week": {
      const monday = weekIndexMonday(index);
      const w = isoWeekOfMonday(monday);
      const id = yearText(w.year) + (w.week < 10 ? "-W0" : "-W") + w.week;
      inRange(w.year, id);
      const start = monday - weekShift(calendar);
      return { id, grain, start, end: start + 6 };
    }
    case "month": {
      const year = Math.floor(index / 12);
      const id = isoMonth(year, mod(index, 12) + 1);
      inRange(year, id);
      return { id, grain, start: firstDayOfMonthIndex(index), end: firstDayOfMonthIndex(index + 1) - 1 };
    }
    case "quarter": {
      const fiscalYear = Math.floor(index / 4);
      const id = "FY" + fiscalYear + "-Q" + (mod(index, 4) + 1);
      return fiscalPeriod(grain, id, fiscalYear, index * 3 + fiscalStartMonth(calendar) - 1, 3);
    }
    case "half": {
      const fiscalYear = Math.floor(index / 2);
      const id = "FY" + fiscalYear + "-H" + (mod(index, 2) + 1);
      return fiscalPeriod(grain, id, fiscalYear, index * 6 + fiscalStartMonth(calendar) - 1, 6);
    }
    default:
      grainRank(grain);
      return fiscalPeriod(grain, "FY" + index, index, index * 12 + fiscalStartMonth(calendar) - 1, 12);
  }
}
