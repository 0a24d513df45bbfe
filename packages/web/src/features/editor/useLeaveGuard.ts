import { useEffect, useRef } from "react";

/**
 * Asks before unsaved work is lost: on closing or reloading the tab (the browser's own
 * question) and on following a link to another page of the app. Links within the editor
 * (another plan: `/plan?plan=…`) are let through; each plan's draft is kept.
 */
export function useLeaveGuard(isDirty: () => boolean, question: string): void {
  const latest = useRef({ isDirty, question });
  latest.current = { isDirty, question };

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!latest.current.isDirty()) return;
      event.preventDefault();
      // Older browsers show the question only when returnValue is set.
      event.returnValue = "";
    };
    // Capture runs before the router's own click handler, which can then be stopped.
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
        return;
      const link = (event.target as Element | null)?.closest?.("a[href]");
      if (!(link instanceof HTMLAnchorElement) || link.hasAttribute("download") || link.target === "_blank")
        return;
      const to = new URL(link.href, window.location.href);
      if (to.origin !== window.location.origin || to.pathname === window.location.pathname) return;
      if (!latest.current.isDirty() || window.confirm(latest.current.question)) return;
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, []);
}
