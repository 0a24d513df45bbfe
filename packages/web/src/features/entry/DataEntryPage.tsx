import type { PlanAndPeriod } from "../../app/usePlanAndPeriod";

/** Placeholder for the data-entry page (/entry); loaded lazily. */
export default function DataEntryPage(_props: { selection: PlanAndPeriod; nodeId?: string }) {
  return null;
}
