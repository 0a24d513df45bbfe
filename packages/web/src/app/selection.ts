import type { PlanSummary } from "../api/types";
import { currentPeriod, type FiscalCalendar, type Period, parsePeriodId } from "../format/fiscalPeriod";

/**
 * Which plan and period a URL shows (`?plan=ID&period=FY2026-Q3`): the plan named, else the
 * first; the period named, else the current fiscal quarter in the plan's time zone.
 */
export function selectPlanAndPeriod(
  plans: readonly PlanSummary[],
  params: URLSearchParams,
  now: Date,
): { plan: PlanSummary; calendar: FiscalCalendar; period: Period } | null {
  const plan = plans.find((p) => p.id === params.get("plan")) ?? plans[0];
  if (!plan) return null;
  const calendar = { fiscalYearStart: plan.calendar.fiscalYearStart, timezone: plan.calendar.timezone };
  const requested = params.get("period");
  const period = (requested && parsePeriodId(requested)) || currentPeriod("quarter", calendar, now);
  return { plan, calendar, period };
}
