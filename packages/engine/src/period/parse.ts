import { ShihyoError } from "../errors.js";
import { dayFromYmd, daysInMonth, fourDigits, MAX_YEAR, MIN_YEAR, twoDigits } from "./civilDate.js";
import { isoWeekMonday, isoWeeksInYear } from "./isoWeek.js";
import { periodError } from "./periodError.js";
import { firstDayOfMonthIndex, fiscalStartMonth, weekShift } from "./sequence.js";
import type { Calendar, Grain, Period } from "./types.js";

const DASH = 45;
const F = 70;
const Y = 89;
const Q = 81;
const H = 72;
const W = 87;

/**
 * The grain an id is shaped like, or null. Only the characters are checked: "2026-13",
 * "2026-W54" and "FY2026-Q5" have the shape of a month, a week and a quarter, and it is
 * parsing that rejects the out-of-range number. Written with charCodeAt because it runs for
 * every imported row.
 */
export function grainOfPeriodId(id: string): Grain | null {
  const n = id.length;
  if (id.charCodeAt(0) === F) {
    if (id.charCodeAt(1) !== Y || fourDigits(id, 2) < 0) return null;
    if (n === 6) return "year";
    if (n !== 9 || id.charCodeAt(6) !== DASH) return null;
    const part = id.charCodeAt(7);
    const digit = id.charCodeAt(8) - 48;
    if (!(digit >= 0 && digit <= 9)) return null;
    return part === Q ? "quarter" : part === H ? "half" : null;
  }
  if (fourDigits(id, 0) < 0 || id.charCodeAt(4) !== DASH) return null;
  switch (n) {
    case 7:
      return twoDigits(id, 5) >= 0 ? "month" : null;
    case 8:
      return id.charCodeAt(5) === W && twoDigits(id, 6) >= 0 ? "week" : null;
    case 10:
      return twoDigits(id, 5) >= 0 && id.charCodeAt(7) === DASH && twoDigits(id, 8) >= 0 ? "day" : null;
    default:
      return null;
  }
}

/**
 * Reads an id. On failure it returns the error when `explain` is set and null otherwise, so
 * that tryParsePeriod never pays for building an error it throws away.
 */
function read(id: string, calendar: Calendar, explain: boolean): Period | ShihyoError | null {
  // Ids come from YAML and CSV too, where a bare 2026 arrives as a number.
  if (typeof id !== "string") {
    return explain ? periodError("period.invalid", { text: String(id) }) : null;
  }
  const grain = grainOfPeriodId(id);
  if (grain === null) {
    if (!explain) return null;
    const suggestion = suggestId(id, calendar);
    return periodError("period.invalid", suggestion === null ? { text: id } : { text: id, suggestion }, {
      offset: 0,
      length: id.length,
    });
  }
  const fiscal = id.charCodeAt(0) === F;
  const year = fourDigits(id, fiscal ? 2 : 0);
  if (year < MIN_YEAR) {
    return explain
      ? periodError(
          "period.outOfRange",
          { text: id, min: MIN_YEAR, max: MAX_YEAR },
          { offset: fiscal ? 2 : 0, length: 4 },
        )
      : null;
  }
  switch (grain) {
    case "day": {
      const month = twoDigits(id, 5);
      if (month < 1 || month > 12) return explain ? badMonth(id) : null;
      const day = twoDigits(id, 8);
      const days = daysInMonth(year, month);
      if (day < 1 || day > days) {
        return explain
          ? periodError("period.badDate", { text: id, year, month, days }, { offset: 8, length: 2 })
          : null;
      }
      const start = dayFromYmd(year, month, day);
      return { id, grain, start, end: start };
    }
    case "week": {
      const week = twoDigits(id, 6);
      if (week < 1 || week > 53) {
        return explain
          ? periodError("period.badWeek", { text: id, week: id.slice(5) }, { offset: 5, length: 3 })
          : null;
      }
      if (week === 53 && isoWeeksInYear(year) === 52) {
        return explain ? periodError("period.noWeek53", { text: id, year }, { offset: 5, length: 3 }) : null;
      }
      const start = isoWeekMonday(year, week) - weekShift(calendar);
      return { id, grain, start, end: start + 6 };
    }
    case "month": {
      const month = twoDigits(id, 5);
      if (month < 1 || month > 12) return explain ? badMonth(id) : null;
      const start = dayFromYmd(year, month, 1);
      return { id, grain, start, end: start + daysInMonth(year, month) - 1 };
    }
    default: {
      let firstMonth = 0;
      let months = 12;
      if (grain !== "year") {
        const part = id.charCodeAt(8) - 48;
        const parts = grain === "quarter" ? 4 : 2;
        if (part < 1 || part > parts) {
          if (!explain) return null;
          const code = grain === "quarter" ? "period.badQuarter" : "period.badHalf";
          return periodError(code, { text: id }, { offset: 7, length: 2 });
        }
        months = 12 / parts;
        firstMonth = (part - 1) * months;
      }
      const monthIndex = year * 12 + fiscalStartMonth(calendar) - 1 + firstMonth;
      return {
        id,
        grain,
        start: firstDayOfMonthIndex(monthIndex),
        end: firstDayOfMonthIndex(monthIndex + months) - 1,
      };
    }
  }
}

function badMonth(id: string): ShihyoError {
  return periodError("period.badMonth", { text: id, month: id.slice(5, 7) }, { offset: 5, length: 2 });
}

/**
 * A canonical id the text was probably meant to be ("2026-4" → "2026-04", "fy2026q1" →
 * "FY2026-Q1", full-width digits, slashes), or null. Only on the error path: ids are never
 * silently corrected, because one syntax everywhere keeps files, URLs and data joinable.
 */
function suggestId(id: string, calendar: Calendar): string | null {
  let text = id
    .normalize("NFKC")
    .trim()
    .toUpperCase()
    .replace(/[/._\s]+/g, "-");
  if (/^\d{8}$/.test(text)) text = `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6)}`;
  else if (/^\d{6}$/.test(text)) text = `${text.slice(0, 4)}-${text.slice(4)}`;
  else if (/^\d{4}W\d{1,2}$/.test(text)) text = `${text.slice(0, 4)}-${text.slice(4)}`;
  else if (/^FY\d{4}[QH]\d$/.test(text)) text = `${text.slice(0, 6)}-${text.slice(6)}`;
  const candidate = text
    .split("-")
    .map((part, i) => (i === 0 ? part : /^W?\d$/.test(part) ? part.replace(/\d/, "0$&") : part))
    .join("-");
  if (candidate === id) return null;
  const parsed = read(candidate, calendar, false);
  return parsed === null ? null : candidate;
}

/*
 * Imports parse the same few thousand ids hundreds of thousands of times; a cache per
 * (fiscalYearStart, weekStart) hands back the same Period object instead of building one per
 * row, which halves the time and shares the objects. Once full it stops admitting rather
 * than evicting: with a stream of ever-new ids, eviction costs far more than parsing (a
 * miss then costs a failed lookup plus ~50 ns of parsing), and memory stays bounded.
 */
const CACHE_LIMIT = 8192;
const caches: Map<string, Period>[] = [];

function cacheFor(calendar: Calendar): Map<string, Period> | null {
  const start = calendar.fiscalYearStart;
  if (!(start >= 1 && start <= 12 && Number.isInteger(start))) return null;
  const slot = (start - 1) * 2 + weekShift(calendar);
  let cache = caches[slot];
  if (cache === undefined) {
    cache = new Map();
    caches[slot] = cache;
  }
  return cache;
}

function lookup(id: string, calendar: Calendar, explain: boolean): Period | ShihyoError | null {
  const cache = cacheFor(calendar);
  const cached = cache?.get(id);
  if (cached !== undefined) return cached;
  const result = read(id, calendar, explain);
  if (cache !== null && cache.size < CACHE_LIMIT && result !== null && !(result instanceof ShihyoError)) {
    cache.set(id, result);
  }
  return result;
}

/**
 * The period an id names, under the calendar. Accepts exactly 2026-04-15, 2026-W16,
 * 2026-04, FY2026-Q1..Q4, FY2026-H1/H2 and FY2026 (upper case, no spaces, years 1000–9999);
 * anything else throws a ShihyoError that names the text and shows the accepted forms.
 */
export function parsePeriod(id: string, calendar: Calendar): Period {
  const result = lookup(id, calendar, true);
  if (result === null || result instanceof ShihyoError) throw result;
  return result;
}

/** Like parsePeriod, but null instead of an error. */
export function tryParsePeriod(id: string, calendar: Calendar): Period | null {
  const result = lookup(id, calendar, false);
  return result instanceof ShihyoError ? null : result;
}
