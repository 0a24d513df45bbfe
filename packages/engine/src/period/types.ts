/** Grains from finest to coarsest. Quarter, half and year are fiscal. */
export type Grain = "day" | "week" | "month" | "quarter" | "half" | "year";

export const GRAINS: readonly Grain[] = ["day", "week", "month", "quarter", "half", "year"];

/**
 * A civil calendar day, counted from 1970-01-01 (= 0). It names a date in the plan's
 * time zone; it is never an instant.
 */
export type Day = number;

export interface Calendar {
  /** Month (1–12) a fiscal year starts in; FY2026 starts in that month of 2026. */
  fiscalYearStart: number;
  /** IANA time zone in which instants become days. */
  timezone: string;
  /** ISO weeks start on Monday; "sunday" shifts every week one day earlier. */
  weekStart: "monday" | "sunday";
  locale: "ja" | "en";
}

export const DEFAULT_CALENDAR: Calendar = {
  fiscalYearStart: 4,
  timezone: "Asia/Tokyo",
  weekStart: "monday",
  locale: "ja",
};

/** A period: its canonical id, grain and its days (end inclusive). */
export interface Period {
  readonly id: string;
  readonly grain: Grain;
  readonly start: Day;
  readonly end: Day;
}
