import { useMemo } from "react";
import { useLocation, useSearch } from "wouter";
import { usePlans } from "../api/queries";
import type { PlanSummary } from "../api/types";
import { type FiscalCalendar, type Period, periodId } from "../format/fiscalPeriod";
import { selectPlanAndPeriod } from "./selection";

export interface PlanAndPeriod {
  plans: PlanSummary[] | undefined;
  plan: PlanSummary | undefined;
  calendar: FiscalCalendar | undefined;
  /** Undefined until the plan's calendar is known (the default period depends on it). */
  period: Period | undefined;
  isPending: boolean;
  error: Error | null;
  refetch: () => void;
  /** Search string (`?plan=…&period=…`) for links that keep the selection. */
  search: string;
  selectPlan: (planId: string) => void;
  selectPeriod: (period: Period) => void;
}

/**
 * Questions asked before the plan or the period changes: a page with unsaved work (the data
 * entry grid) registers one; a switch goes ahead only if each answers yes. Here rather than in
 * that page because the header's plan picker switches too.
 */
const switchGuards = new Set<() => boolean>();

/** Registers a question asked before a switch; the function returned removes it. */
export function guardSwitch(ask: () => boolean): () => void {
  switchGuards.add(ask);
  return () => void switchGuards.delete(ask);
}

/**
 * The plan and period being looked at, kept in the URL (`?plan=ID&period=FY2026-Q3`) so that
 * links, reloads and the back button keep them. Defaults: the first plan; the current fiscal
 * quarter in the plan's time zone.
 */
export function usePlanAndPeriod(): PlanAndPeriod {
  const search = useSearch();
  const [location, navigate] = useLocation();
  const params = useMemo(() => new URLSearchParams(search), [search]);
  const plans = usePlans();
  const selected = useMemo(
    () => (plans.data ? selectPlanAndPeriod(plans.data, params, new Date()) : null),
    [plans.data, params],
  );
  const plan = selected?.plan;
  const calendar = selected?.calendar;
  const period = selected?.period;

  const go = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) next.set(key, value);
    if (next.toString() !== params.toString()) for (const ask of switchGuards) if (!ask()) return;
    navigate(`${location}?${next.toString()}`);
  };

  return {
    plans: plans.data,
    plan,
    calendar,
    period,
    isPending: plans.isPending,
    error: plans.error,
    refetch: () => void plans.refetch(),
    search: search ? `?${search}` : "",
    selectPlan: (planId) => go({ plan: planId }),
    selectPeriod: (p) => go({ period: periodId(p) }),
  };
}
