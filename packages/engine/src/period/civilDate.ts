import type { Day } from "./types.js";

/**
 * Years a period id may name. Ids carry exactly four digits; refusing years below 1000
 * catches typos such as "0026-04" instead of silently planning for the year 26.
 */
export const MIN_YEAR = 1000;
export const MAX_YEAR = 9999;

/** Remainder with the sign of the divisor, so days before 1970 fall into the right week. */
export function mod(a: number, n: number): number {
  const r = a % n;
  return r < 0 ? r + n : r;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month]!;
}

/**
 * Day number of a proleptic Gregorian date. Plain integer arithmetic (H. Hinnant's
 * days_from_civil) rather than Date.UTC, which maps years 0–99 to 1900–1999 and is slower.
 */
export function dayFromYmd(year: number, month: number, day: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Inverse of dayFromYmd (H. Hinnant's civil_from_days). */
export function civilFromDay(day: Day): CivilDate {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return {
    year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0),
    month,
    day: dayOfYear - Math.floor((153 * mp + 2) / 5) + 1,
  };
}

/** ISO weekday: 1 = Monday … 7 = Sunday. Day 0, 1970-01-01, was a Thursday. */
export function isoWeekday(day: Day): number {
  return mod(day + 3, 7) + 1;
}

/** Value of the two ASCII digits at `at`, or -1 when either is not a digit. */
export function twoDigits(text: string, at: number): number {
  const a = text.charCodeAt(at) - 48;
  const b = text.charCodeAt(at + 1) - 48;
  // NaN (past the end) fails both comparisons, so short texts need no length check.
  if (!(a >= 0 && a <= 9 && b >= 0 && b <= 9)) return -1;
  return a * 10 + b;
}

/** Value of the four ASCII digits at `at`, or -1 when any is not a digit. */
export function fourDigits(text: string, at: number): number {
  const high = twoDigits(text, at);
  if (high < 0) return -1;
  const low = twoDigits(text, at + 2);
  return low < 0 ? -1 : high * 100 + low;
}

function pad2(n: number): string {
  return n < 10 ? "0" + n : "" + n;
}

/** A year as ids write it: four digits, or ISO 8601's expanded form outside 0–9999. */
export function yearText(year: number): string {
  if (year >= 1000 && year <= 9999) return "" + year;
  if (year >= 0 && year < 1000) return ("000" + year).slice(-4);
  return (year < 0 ? "-" : "+") + ("00000" + Math.abs(year)).slice(-6);
}

/** "YYYY-MM-DD" of a day; years outside 0–9999 use the expanded form "+010000-01-01". */
export function isoFromDay(day: Day): string {
  const c = civilFromDay(day);
  return yearText(c.year) + "-" + pad2(c.month) + "-" + pad2(c.day);
}

/** "YYYY-MM" of a month. */
export function isoMonth(year: number, month: number): string {
  return yearText(year) + "-" + pad2(month);
}

/**
 * The day named by a strict "YYYY-MM-DD" (the day form of a period id), or null when the
 * text has another shape, names a date that does not exist, or a year outside 1000–9999.
 */
export function dayFromIso(text: string): Day | null {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  const year = fourDigits(text, 0);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return dayFromYmd(year, month, day);
}
