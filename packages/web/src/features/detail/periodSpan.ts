import type { FiscalCalendar, Period } from "../../format/fiscalPeriod";

/**
 * Months as numbers (year × 12 + month − 1) and the periods of the API's id syntax that are
 * whole months: months, fiscal quarters, halves and years. Days and weeks are not needed on
 * this page (the chart and the targets work in months and coarser).
 */
export type MonthSpan = readonly [first: number, last: number];

const monthNumber = (year: number, month: number) => year * 12 + month - 1;
const monthId = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;

/** The months a period id covers, or null for days, weeks and anything unreadable. */
export function periodSpan(id: string, calendar: FiscalCalendar): MonthSpan | null {
  const month = /^(\d{4})-(\d{2})$/.exec(id);
  if (month) {
    const m = Number(month[2]);
    if (m < 1 || m > 12) return null;
    const index = monthNumber(Number(month[1]), m);
    return [index, index];
  }
  const fiscal = /^FY(\d{4})(?:-([QH])([1-4]))?$/.exec(id);
  if (!fiscal) return null;
  const start = monthNumber(Number(fiscal[1]), calendar.fiscalYearStart);
  if (fiscal[2] === undefined) return [start, start + 11];
  const part = Number(fiscal[3]);
  const length = fiscal[2] === "Q" ? 3 : 6;
  if (fiscal[2] === "H" && part > 2) return null;
  return [start + (part - 1) * length, start + part * length - 1];
}

/** Whether two periods share a month. */
export function overlaps(a: MonthSpan, b: MonthSpan): boolean {
  return a[0] <= b[1] && b[0] <= a[1];
}

/** The fiscal year (the year it starts in) that holds a period of the dashboard. */
export function fiscalYearOf(period: Period, calendar: FiscalCalendar): number {
  if (period.grain !== "month") return period.fiscalYear;
  return period.month >= calendar.fiscalYearStart ? period.year : period.year - 1;
}

/** The months of the fiscal year that holds the period: the chart's and the table's range. */
export function fiscalYearMonths(period: Period, calendar: FiscalCalendar): { from: string; to: string } {
  const start = monthNumber(fiscalYearOf(period, calendar), calendar.fiscalYearStart);
  return { from: monthId(start), to: monthId(start + 11) };
}

/**
 * The periods a node's targets are set for (its cadence) within a fiscal year, in order;
 * null for cadences finer than a month, whose periods are typed instead.
 */
export function cadencePeriods(
  cadence: string | null | undefined,
  fiscalYear: number,
  calendar: FiscalCalendar,
) {
  const start = monthNumber(fiscalYear, calendar.fiscalYearStart);
  switch (cadence) {
    case "month":
      return Array.from({ length: 12 }, (_, i) => monthId(start + i));
    case "quarter":
      return [1, 2, 3, 4].map((q) => `FY${fiscalYear}-Q${q}`);
    case "half":
      return [1, 2].map((h) => `FY${fiscalYear}-H${h}`);
    case "year":
      return [`FY${fiscalYear}`];
    default:
      return null;
  }
}

/** The period (one of `ids`) that holds today's month, else the first one overlapping `near`. */
export function defaultPeriod(
  ids: readonly string[],
  today: { year: number; month: number },
  near: string,
  calendar: FiscalCalendar,
): string | undefined {
  const now = monthNumber(today.year, today.month);
  const holdsToday = ids.find((id) => {
    const span = periodSpan(id, calendar);
    return span !== null && span[0] <= now && now <= span[1];
  });
  if (holdsToday) return holdsToday;
  const nearSpan = periodSpan(near, calendar);
  return (
    ids.find((id) => {
      const span = periodSpan(id, calendar);
      return span !== null && nearSpan !== null && overlaps(span, nearSpan);
    }) ?? ids[0]
  );
}
