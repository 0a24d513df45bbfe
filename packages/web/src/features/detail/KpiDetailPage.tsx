import type { PlanAndPeriod } from "../../app/usePlanAndPeriod";

/** Placeholder for the KPI detail page (/kpi/:id); loaded lazily. */
export default function KpiDetailPage(_props: { selection: PlanAndPeriod; nodeId?: string }) {
  return null;
}
