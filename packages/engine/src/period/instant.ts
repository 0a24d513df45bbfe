import { closestMatch } from "../closestMatch.js";
import { dayFromYmd } from "./civilDate.js";
import { periodError } from "./periodError.js";
import type { Day } from "./types.js";

/*
 * One formatter per zone: constructing an Intl.DateTimeFormat costs far more than using one,
 * and instants are converted row by row. The set of zones a process meets is small.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(timezone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat("en-US", {
        timeZone: timezone,
        calendar: "gregory",
        numberingSystem: "latn",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        era: "short",
      });
    } catch {
      return null;
    }
    formatters.set(timezone, formatter);
  }
  return formatter;
}

/** Whether Intl knows the IANA time zone (case-insensitively, as Intl does). */
export function isValidTimezone(timezone: string): boolean {
  return typeof timezone === "string" && timezone !== "" && formatterFor(timezone) !== null;
}

/** A "did you mean" for a mistyped zone, from the zones this runtime knows. */
export function closestTimezone(timezone: string): string | null {
  return closestMatch(timezone, Intl.supportedValuesOf("timeZone"));
}

/** The calendar day, in the IANA time zone, on which the instant falls. */
export function dayOfInstant(instant: Date, timezone: string): Day {
  const formatter = formatterFor(timezone);
  if (formatter === null) {
    const suggestion = closestTimezone(String(timezone));
    const value = JSON.stringify(String(timezone));
    throw periodError("calendar.badTimezone", suggestion === null ? { value } : { value, suggestion });
  }
  const time = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (Number.isNaN(time)) throw periodError("period.badInstant", { value: String(instant) });
  return fromFormatted(formatter.format(time)) ?? fromParts(formatter.formatToParts(time));
}

/**
 * Reads "4/1/2026 AD" by its digit runs (month, day, year in en-US order) and the era's "B".
 * format() is about three times faster than formatToParts(); reading only digit runs keeps
 * it independent of the separators and spaces, which ICU versions have changed before.
 * Null when the text does not have that shape, so the caller can fall back to the parts.
 */
function fromFormatted(text: string): Day | null {
  let month = 0;
  let day = 0;
  let year = 0;
  let count = 0;
  let inNumber = false;
  let beforeChrist = false;
  for (let i = 0; i < text.length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit >= 0 && digit <= 9) {
      if (!inNumber) {
        count++;
        inNumber = true;
      }
      if (count === 1) month = month * 10 + digit;
      else if (count === 2) day = day * 10 + digit;
      else if (count === 3) year = year * 10 + digit;
      else return null;
    } else {
      inNumber = false;
      if (text.charCodeAt(i) === 66) beforeChrist = true;
    }
  }
  if (count !== 3 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  return civilDay(year, month, day, beforeChrist);
}

function fromParts(parts: Intl.DateTimeFormatPart[]): Day {
  let year = 0;
  let month = 0;
  let day = 0;
  let beforeChrist = false;
  for (const part of parts) {
    if (part.type === "year") year = Number(part.value);
    else if (part.type === "month") month = Number(part.value);
    else if (part.type === "day") day = Number(part.value);
    else if (part.type === "era") beforeChrist = part.value.startsWith("B");
  }
  return civilDay(year, month, day, beforeChrist);
}

function civilDay(year: number, month: number, day: number, beforeChrist: boolean): Day {
  // The Gregorian era counts 1 BC, 2 BC, …; astronomical years (0, −1, …) keep days continuous.
  return dayFromYmd(beforeChrist ? 1 - year : year, month, day);
}
