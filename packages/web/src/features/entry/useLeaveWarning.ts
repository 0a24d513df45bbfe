import { useEffect, useLayoutEffect, useRef } from "react";

/**
 * Asks before leaving while there is unsaved work: the browser's own question on reload, close
 * or an address typed, and ours on a link inside the app (checked before the router sees the click).
 * The listeners stay while the page is mounted and read whether there is unsaved work when the
 * event comes, set as the page commits: from the frame that says "no unsaved changes" on,
 * leaving asks nothing (a listener removed in a later effect could still ask once).
 */
export function useLeaveWarning(active: boolean, message: string): void {
  const current = useRef({ active, message });
  useLayoutEffect(() => {
    current.current = { active, message };
  }, [active, message]);
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!current.current.active) return;
      event.preventDefault();
      event.returnValue = "";
    };
    const onClick = (event: MouseEvent) => {
      if (!current.current.active) return;
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!link || event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || link.getAttribute("target") === "_blank")
        return;
      if (!window.confirm(current.current.message)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, []);
}
