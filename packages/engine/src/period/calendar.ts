import { isLang } from "../i18n/lang.js";
import { closestTimezone, isValidTimezone } from "./instant.js";
import { periodError } from "./periodError.js";
import { type Calendar, DEFAULT_CALENDAR } from "./types.js";

/** A value as it should appear in a message: strings quoted, everything else as written. */
function shown(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

/**
 * A complete calendar from a partial one (a plan file's `calendar:` section): missing
 * fields take the defaults (fiscal year from April, Asia/Tokyo, Monday weeks, Japanese),
 * present ones are checked, because a file may hold anything.
 */
export function validateCalendar(input: Partial<Calendar>): Calendar {
  const fiscalYearStart = input.fiscalYearStart ?? DEFAULT_CALENDAR.fiscalYearStart;
  if (!(Number.isInteger(fiscalYearStart) && fiscalYearStart >= 1 && fiscalYearStart <= 12)) {
    throw periodError("calendar.badFiscalYearStart", { value: shown(fiscalYearStart) });
  }
  const timezone = input.timezone ?? DEFAULT_CALENDAR.timezone;
  if (!isValidTimezone(timezone)) {
    const suggestion = typeof timezone === "string" ? closestTimezone(timezone) : null;
    const value = shown(timezone);
    throw periodError("calendar.badTimezone", suggestion === null ? { value } : { value, suggestion });
  }
  const weekStart = input.weekStart ?? DEFAULT_CALENDAR.weekStart;
  if (weekStart !== "monday" && weekStart !== "sunday") {
    throw periodError("calendar.badWeekStart", { value: shown(weekStart) });
  }
  const locale = input.locale ?? DEFAULT_CALENDAR.locale;
  if (!isLang(locale)) throw periodError("calendar.badLocale", { value: shown(locale) });
  return { fiscalYearStart, timezone, weekStart, locale };
}
