import { civilFromDay, dayFromYmd, mod } from "./civilDate.js";
import type { Day } from "./types.js";

/** The Monday of ISO week 1: the week that holds 4 January (and so the year's first Thursday). */
export function isoWeekOneMonday(isoYear: number): Day {
  const january4 = dayFromYmd(isoYear, 1, 4);
  return january4 - mod(january4 + 3, 7);
}

/** 53 when the ISO year has a week 53 (it starts on a Thursday, or on a Wednesday in a leap year). */
export function isoWeeksInYear(isoYear: number): number {
  return (isoWeekOneMonday(isoYear + 1) - isoWeekOneMonday(isoYear)) / 7;
}

/** The Monday of ISO week `week` of `isoYear`; the week number is not range-checked. */
export function isoWeekMonday(isoYear: number, week: number): Day {
  return isoWeekOneMonday(isoYear) + (week - 1) * 7;
}

/** The Monday of the ISO week that holds the day. */
export function mondayOnOrBefore(day: Day): Day {
  return day - mod(day + 3, 7);
}

export interface IsoWeek {
  year: number;
  week: number;
}

/** ISO year and week number of the week starting on `monday`: the year its Thursday falls in. */
export function isoWeekOfMonday(monday: Day): IsoWeek {
  const thursday = monday + 3;
  const year = civilFromDay(thursday).year;
  return { year, week: Math.floor((thursday - dayFromYmd(year, 1, 1)) / 7) + 1 };
}
