/*
 * Periods and the fiscal calendar: the folder's whole public surface. Days are civil day
 * numbers in the plan's time zone; periods are spans of them named by one id syntax.
 */
export { validateCalendar } from "./calendar.js";
export { dayFromIso, isoFromDay } from "./civilDate.js";
export {
  childPeriods,
  compareGrains,
  contains,
  isFinerOrEqual,
  parentPeriod,
  periodOfDay,
  periodsBetween,
} from "./hierarchy.js";
export { dayOfInstant, isValidTimezone } from "./instant.js";
export { periodLabel } from "./label.js";
export {
  elapsedDays,
  elapsedShare,
  nextPeriod,
  periodLength,
  previousPeriod,
  samePeriodLastYear,
  shiftPeriod,
} from "./navigation.js";
export { grainOfPeriodId, parsePeriod, tryParsePeriod } from "./parse.js";
export { type Calendar, type Day, DEFAULT_CALENDAR, GRAINS, type Grain, type Period } from "./types.js";
