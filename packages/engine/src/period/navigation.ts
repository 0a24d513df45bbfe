import { civilFromDay, dayFromYmd, daysInMonth, MIN_YEAR } from "./civilDate.js";
import { isoWeekMonday, isoWeekOfMonday, isoWeeksInYear } from "./isoWeek.js";
import { periodError } from "./periodError.js";
import { indexOfPeriod, periodAt, weekShift } from "./sequence.js";
import type { Calendar, Day, Period } from "./types.js";

/** Number of days in the period. */
export function periodLength(period: Period): number {
  return period.end - period.start + 1;
}

/** The period `steps` periods later (earlier when negative) at the same grain. */
export function shiftPeriod(period: Period, steps: number, calendar: Calendar): Period {
  if (!Number.isInteger(steps)) throw periodError("period.badShift", { value: String(steps) });
  if (steps === 0) return period;
  return periodAt(period.grain, indexOfPeriod(period, calendar) + steps, calendar);
}

export function nextPeriod(period: Period, calendar: Calendar): Period {
  return shiftPeriod(period, 1, calendar);
}

export function previousPeriod(period: Period, calendar: Calendar): Period {
  return shiftPeriod(period, -1, calendar);
}

/**
 * The comparable period a year earlier, or null before year 1000. A day keeps its month
 * and day (29 February becomes the 28th); a week keeps its ISO week number (W53 becomes
 * W52, as no two consecutive ISO years have 53 weeks); a month goes back 12 months;
 * quarters, halves and years take the same part of the previous fiscal year.
 */
export function samePeriodLastYear(period: Period, calendar: Calendar): Period | null {
  switch (period.grain) {
    case "day": {
      const c = civilFromDay(period.start);
      if (c.year - 1 < MIN_YEAR) return null;
      const day = dayFromYmd(c.year - 1, c.month, Math.min(c.day, daysInMonth(c.year - 1, c.month)));
      return periodAt("day", day, calendar);
    }
    case "week": {
      const shift = weekShift(calendar);
      const w = isoWeekOfMonday(period.start + shift);
      const year = w.year - 1;
      if (year < MIN_YEAR) return null;
      const monday = isoWeekMonday(year, Math.min(w.week, isoWeeksInYear(year)));
      return periodAt("week", (monday - 4) / 7, calendar);
    }
    default: {
      const perYear =
        period.grain === "month" ? 12 : period.grain === "quarter" ? 4 : period.grain === "half" ? 2 : 1;
      const index = indexOfPeriod(period, calendar) - perYear;
      if (Math.floor(index / perYear) < MIN_YEAR) return null;
      return periodAt(period.grain, index, calendar);
    }
  }
}

/** Days of the period up to and including `asOf`: 0 before it starts, its length once over. */
export function elapsedDays(period: Period, asOf: Day): number {
  const days = asOf - period.start + 1;
  if (days <= 0) return 0;
  const length = period.end - period.start + 1;
  return Math.min(days, length);
}

/** elapsedDays as a share of the period's length, in [0, 1]. */
export function elapsedShare(period: Period, asOf: Day): number {
  return elapsedDays(period, asOf) / (period.end - period.start + 1);
}
