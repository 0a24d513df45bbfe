import { useEffect, useRef } from "react";
import { guardSwitch } from "../../app/usePlanAndPeriod";

/**
 * Asks before the plan or the period changes while there is unsaved work: in the header's
 * plan picker and in the period picker, which both switch through `usePlanAndPeriod` (by
 * changing the address, not by a link, so `useLeaveWarning` does not see them). Yes: `discard`
 * runs and the switch goes ahead; no: nothing changes and the typed cells stay.
 */
export function useSwitchGuard(active: boolean, message: string, discard: () => void): void {
  const latest = useRef(discard);
  latest.current = discard;
  useEffect(() => {
    if (!active) return;
    return guardSwitch(() => {
      if (!window.confirm(message)) return false;
      latest.current();
      return true;
    });
  }, [active, message]);
}
