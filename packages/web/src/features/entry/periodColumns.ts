import {
  type Calendar,
  childPeriods,
  compareGrains,
  type Day,
  DEFAULT_CALENDAR,
  type Grain,
  type Period,
  parentPeriod,
  parsePeriod,
  periodLabel,
} from "@shihyo/engine";
import { fillText, type Lang } from "../../i18n/catalog";
import { entryTexts } from "./texts";

/** One column of the grid: a period at a node's grain inside the period being looked at. */
export interface PeriodColumn {
  id: string;
  /** Short heading ("11/24", "第48週", "11月"). */
  label: string;
  /** The line under it (weekday, first day of the week, year). */
  sub: string;
  /** The full name, for screen readers and tooltips ("2026年11月24日"). */
  long: string;
  /** Holds today (in the plan's time zone). */
  today: boolean;
  /** Starts after today: no actual can exist yet. */
  future: boolean;
}

/** The engine's calendar from the KPI file's `calendar` (its defaults where the file says nothing). */
export function engineCalendar(file: Partial<Calendar> | undefined): Calendar {
  return { ...DEFAULT_CALENDAR, ...file };
}

// 1970-01-01, day 0, was a Thursday: (day + 4) mod 7 counts from Sunday.
const weekday = (day: Day) => (((day + 4) % 7) + 7) % 7;

/** Month and day of a civil day, read from its ISO date (the engine counts days, not dates). */
function monthDay(day: Day): { year: number; month: number; date: number } {
  const d = new Date(day * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, date: d.getUTCDate() };
}

function shortLabel(period: Period, lang: Lang, calendar: Calendar): { label: string; sub: string } {
  // This part's own texts, read directly: they are needed outside React (no `t` here).
  const texts = entryTexts[lang].column;
  const start = monthDay(period.start);
  const values = { ...start, monthName: texts.monthNames.split(",")[start.month - 1]! };
  switch (period.grain) {
    case "day":
      return {
        label: fillText(texts.day, values),
        sub: texts.weekdays.split(",")[weekday(period.start)]!,
      };
    case "week":
      return {
        label: fillText(texts.week, { week: Number(period.id.slice(-2)) }),
        sub: fillText(texts.weekFrom, values),
      };
    case "month":
      return { label: fillText(texts.month, values), sub: fillText(texts.year, values) };
    default:
      return { label: periodLabel(period, lang, calendar), sub: "" };
  }
}

/**
 * The columns of a node's grain for the period shown: its days, weeks or months (weeks are
 * those whose Thursday falls inside, the engine's rule); a grain coarser than the period gives
 * the one period that holds it (a quarterly KPI seen for a month).
 */
export function periodColumns(
  periodId: string,
  grain: Grain,
  calendar: Calendar,
  today: Day,
  lang: Lang,
): PeriodColumn[] {
  const shown = parsePeriod(periodId, calendar);
  const periods =
    compareGrains(grain, shown.grain) > 0
      ? [parentPeriod(shown, grain, calendar)]
      : childPeriods(shown, grain, calendar);
  return periods.map((period) => ({
    id: period.id,
    ...shortLabel(period, lang, calendar),
    long: periodLabel(period, lang, calendar),
    today: period.start <= today && today <= period.end,
    future: period.start > today,
  }));
}

/** The column to start on: today's, else the last one that has begun, else the first. */
export function startColumn(columns: readonly PeriodColumn[]): number {
  const today = columns.findIndex((column) => column.today);
  if (today >= 0) return today;
  const begun = columns.findLastIndex((column) => !column.future);
  return Math.max(0, begun);
}
