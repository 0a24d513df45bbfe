import { useEffect, useLayoutEffect, useRef } from "react";
import { guardSwitch } from "../../app/usePlanAndPeriod";

/**
 * Asks before the plan or the period changes while there is unsaved work: in the header's
 * plan picker and in the period picker, which both switch through `usePlanAndPeriod` (by
 * changing the address, not by a link, so `useLeaveWarning` does not see them). Yes: `discard`
 * runs and the switch goes ahead; no: nothing changes and the typed cells stay. Like
 * `useLeaveWarning`, the guard stays while the page is mounted and reads the state set as the
 * page commits, so a switch right after a save does not ask.
 */
export function useSwitchGuard(active: boolean, message: string, discard: () => void): void {
  const current = useRef({ active, message, discard });
  useLayoutEffect(() => {
    current.current = { active, message, discard };
  }, [active, message, discard]);
  useEffect(
    () =>
      guardSwitch(() => {
        const { active, message, discard } = current.current;
        if (!active) return true;
        if (!window.confirm(message)) return false;
        discard();
        return true;
      }),
    [],
  );
}
