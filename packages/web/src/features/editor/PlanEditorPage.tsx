import type { PlanAndPeriod } from "../../app/usePlanAndPeriod";

/** Placeholder for the plan editor (/plan); loaded lazily. */
export default function PlanEditorPage(_props: { selection: PlanAndPeriod; nodeId?: string }) {
  return null;
}
