import type { PlanAndPeriod } from "../../app/usePlanAndPeriod";

/** Placeholder for the settings page (/settings); loaded lazily. */
export default function SettingsPage(_props: { selection: PlanAndPeriod; nodeId?: string }) {
  return null;
}
