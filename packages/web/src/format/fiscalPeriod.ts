import { catalogs, fillText, type Lang } from "../i18n/catalog";

/** The grains the dashboard offers; quarters and years are fiscal. */
export type Grain = "month" | "quarter" | "year";

/** A period as the dashboard navigates it; `periodId` gives the API's id (`2026-10`, `FY2026-Q3`, `FY2026`). */
export type Period =
  | { grain: "month"; year: number; month: number }
  | { grain: "quarter"; fiscalYear: number; quarter: number }
  | { grain: "year"; fiscalYear: number };

/** The plan's calendar (the KPI file's `calendar`), with the defaults of the semantics. */
export interface FiscalCalendar {
  fiscalYearStart: number;
  timezone: string;
}
export const DEFAULT_CALENDAR: FiscalCalendar = { fiscalYearStart: 4, timezone: "Asia/Tokyo" };

/** A calendar month as one number (year × 12 + month − 1), so that shifting is arithmetic. */
type MonthIndex = number;
const monthIndex = (year: number, month: number): MonthIndex => year * 12 + month - 1;
const yearOf = (index: MonthIndex) => Math.floor(index / 12);
const monthOf = (index: MonthIndex) => (index % 12) + 1;

const GRAIN_MONTHS: Record<Grain, number> = { month: 1, quarter: 3, year: 12 };

export function periodId(period: Period): string {
  switch (period.grain) {
    case "month":
      return `${period.year}-${String(period.month).padStart(2, "0")}`;
    case "quarter":
      return `FY${period.fiscalYear}-Q${period.quarter}`;
    case "year":
      return `FY${period.fiscalYear}`;
  }
}

/** Reads a month, fiscal quarter or fiscal year id; anything else (days, weeks, halves) is null. */
export function parsePeriodId(id: string): Period | null {
  const month = /^(\d{4})-(\d{2})$/.exec(id);
  if (month) {
    const m = Number(month[2]);
    return m >= 1 && m <= 12 ? { grain: "month", year: Number(month[1]), month: m } : null;
  }
  const quarter = /^FY(\d{4})-Q([1-4])$/.exec(id);
  if (quarter) return { grain: "quarter", fiscalYear: Number(quarter[1]), quarter: Number(quarter[2]) };
  const year = /^FY(\d{4})$/.exec(id);
  if (year) return { grain: "year", fiscalYear: Number(year[1]) };
  return null;
}

/** The first calendar month of a period. */
function firstMonth(period: Period, calendar: FiscalCalendar): MonthIndex {
  if (period.grain === "month") return monthIndex(period.year, period.month);
  const fiscalYearStart = monthIndex(period.fiscalYear, calendar.fiscalYearStart);
  return period.grain === "year" ? fiscalYearStart : fiscalYearStart + (period.quarter - 1) * 3;
}

/** The period of a grain that holds a calendar month. */
function periodOfMonth(grain: Grain, index: MonthIndex, calendar: FiscalCalendar): Period {
  if (grain === "month") return { grain, year: yearOf(index), month: monthOf(index) };
  const sinceFiscalStart = index - monthIndex(0, calendar.fiscalYearStart);
  const fiscalYear = Math.floor(sinceFiscalStart / 12);
  if (grain === "year") return { grain, fiscalYear };
  return { grain, fiscalYear, quarter: Math.floor((sinceFiscalStart - fiscalYear * 12) / 3) + 1 };
}

/** One date format per time zone (creating one is costly). */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date of an instant in a time zone (a day is a day there, never a UTC day). */
export function dateIn(timezone: string, now: Date): { year: number; month: number; day: number } {
  let format = dayFormats.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: timezone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
    });
    dayFormats.set(timezone, format);
  }
  const parts = format.formatToParts(now);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part("year"), month: part("month"), day: part("day") };
}

/** The period of a grain that holds today in the plan's time zone. */
export function currentPeriod(grain: Grain, calendar: FiscalCalendar, now: Date): Period {
  const today = dateIn(calendar.timezone, now);
  return periodOfMonth(grain, monthIndex(today.year, today.month), calendar);
}

/** The period `steps` periods later (earlier when negative). */
export function shiftPeriod(period: Period, steps: number, calendar: FiscalCalendar): Period {
  return periodOfMonth(
    period.grain,
    firstMonth(period, calendar) + steps * GRAIN_MONTHS[period.grain],
    calendar,
  );
}

/**
 * The period of another grain for the same stretch of time: the one holding today when today
 * is inside the period shown, else the one holding the period's first month.
 */
export function changeGrain(period: Period, grain: Grain, calendar: FiscalCalendar, now: Date): Period {
  const first = firstMonth(period, calendar);
  const today = dateIn(calendar.timezone, now);
  const todayMonth = monthIndex(today.year, today.month);
  const anchor = todayMonth >= first && todayMonth < first + GRAIN_MONTHS[period.grain] ? todayMonth : first;
  return periodOfMonth(grain, anchor, calendar);
}

const EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function monthLabel(index: MonthIndex, lang: Lang): string {
  return fillText(catalogs[lang].period.month_label, {
    year: yearOf(index),
    month: monthOf(index),
    monthName: EN_MONTHS[monthOf(index) - 1]!,
  });
}

/** "2026年度 第3四半期" / "FY2026 Q3", "2026年度" / "FY2026", "2026年10月" / "Oct 2026". */
export function periodLabel(period: Period, lang: Lang): string {
  const texts = catalogs[lang].period;
  switch (period.grain) {
    case "month":
      return monthLabel(monthIndex(period.year, period.month), lang);
    case "quarter":
      return fillText(texts.quarter_label, { fiscalYear: period.fiscalYear, quarter: period.quarter });
    case "year":
      return fillText(texts.year_label, { fiscalYear: period.fiscalYear });
  }
}

/** The calendar months a fiscal period covers: "2026年10月〜12月" / "Oct – Dec 2026"; null for a month. */
export function periodRangeLabel(period: Period, calendar: FiscalCalendar, lang: Lang): string | null {
  if (period.grain === "month") return null;
  const first = firstMonth(period, calendar);
  const last = first + GRAIN_MONTHS[period.grain] - 1;
  const sameYear = yearOf(first) === yearOf(last);
  if (lang === "ja") {
    const end = sameYear ? `${monthOf(last)}月` : monthLabel(last, lang);
    return `${monthLabel(first, lang)}〜${end}`;
  }
  const start = sameYear ? EN_MONTHS[monthOf(first) - 1]! : monthLabel(first, lang);
  return `${start} – ${monthLabel(last, lang)}`;
}

/** The `count` calendar months that end with the period's last month, as month ids (for trends). */
export function monthsEndingWith(
  period: Period,
  count: number,
  calendar: FiscalCalendar,
): { from: string; to: string } {
  const last = firstMonth(period, calendar) + GRAIN_MONTHS[period.grain] - 1;
  const id = (index: MonthIndex) => `${yearOf(index)}-${String(monthOf(index)).padStart(2, "0")}`;
  return { from: id(last - count + 1), to: id(last) };
}

/** The months a dashboard's trend lines cover for a period: a fiscal year's twelve, else the last six. */
export function trendRange(period: Period, calendar: FiscalCalendar): { from: string; to: string } {
  return monthsEndingWith(period, period.grain === "year" ? 12 : 6, calendar);
}
