import { periodError } from "./periodError.js";
import {
  anchorDay,
  checkDay,
  grainRank,
  indexOfDay,
  periodAt,
  weekIndexMonday,
  weekShift,
} from "./sequence.js";
import type { Calendar, Day, Grain, Period } from "./types.js";

/** Negative when `a` is the finer grain, zero when equal, positive when coarser. */
export function compareGrains(a: Grain, b: Grain): number {
  return grainRank(a) - grainRank(b);
}

export function isFinerOrEqual(a: Grain, b: Grain): boolean {
  return grainRank(a) <= grainRank(b);
}

/** The period of `grain` that holds the day. */
export function periodOfDay(day: Day, grain: Grain, calendar: Calendar): Period {
  checkDay(day);
  return periodAt(grain, indexOfDay(day, grain, calendar), calendar);
}

/**
 * The period of a grain at least as coarse that holds `period`. Days and months roll up
 * exactly; a week rolls up by its 4th day, so 2026-W01 (2025-12-29..2026-01-04) belongs to
 * January 2026. A month or coarser never rolls up into a week: weeks straddle months.
 */
export function parentPeriod(period: Period, grain: Grain, calendar: Calendar): Period {
  const order = compareGrains(period.grain, grain);
  if (order === 0) return period;
  if (order > 0) throw periodError("period.notCoarser", { id: period.id, from: period.grain, to: grain });
  const day = anchorDay(period);
  return periodAt(grain, indexOfDay(day, grain, calendar), calendar);
}

/**
 * Whether `inner` belongs to `outer` by the rules of parentPeriod: a finer-or-equal period
 * whose anchor day (a week's 4th day, otherwise its first) lies in `outer`. A period of a
 * coarser grain is never inside a finer one.
 */
export function contains(outer: Period, inner: Period, _calendar: Calendar): boolean {
  if (compareGrains(inner.grain, outer.grain) > 0) return false;
  const day = anchorDay(inner);
  return day >= outer.start && day <= outer.end;
}

/**
 * The periods of `grain` that overlap firstDay..lastDay, in order; for weeks, those whose
 * 4th day lies in the range, so that consecutive ranges share no week.
 */
export function periodsBetween(grain: Grain, firstDay: Day, lastDay: Day, calendar: Calendar): Period[] {
  checkDay(firstDay);
  checkDay(lastDay);
  grainRank(grain);
  const periods: Period[] = [];
  if (lastDay < firstDay) return periods;
  let first = indexOfDay(firstDay, grain, calendar);
  let last = indexOfDay(lastDay, grain, calendar);
  if (grain === "week") {
    const fourthDayOffset = 3 - weekShift(calendar);
    if (weekIndexMonday(first) + fourthDayOffset < firstDay) first++;
    if (weekIndexMonday(last) + fourthDayOffset > lastDay) last--;
  }
  for (let index = first; index <= last; index++) periods.push(periodAt(grain, index, calendar));
  return periods;
}

/**
 * The periods of a finer-or-equal grain that make up `period`, in order: days, months,
 * quarters and halves tile it exactly; weeks are those whose 4th day falls inside, so a
 * month's weeks may begin before it or end after it.
 */
export function childPeriods(period: Period, grain: Grain, calendar: Calendar): Period[] {
  const order = compareGrains(grain, period.grain);
  if (order === 0) return [period];
  if (order > 0) throw periodError("period.notFiner", { id: period.id, from: period.grain, to: grain });
  return periodsBetween(grain, period.start, period.end, calendar);
}
