import { t } from "@lingui/core/macro";
import { createContext, useCallback, useContext, useEffect, useState } from "react";
import { useBlocker } from "react-router";

/**
 * Unsaved edits across the editor's forms. Each form reports whether it is dirty; the page
 * asks before leaving while any is (closing the tab, or moving elsewhere in the app). One
 * guard for the page, because a router supports only one blocker at a time.
 */
const DirtyContext = createContext<(key: string, dirty: boolean) => void>(() => {});
export const DirtyProvider = DirtyContext.Provider;

export function useDirtyForms() {
  const [keys, setKeys] = useState<ReadonlySet<string>>(() => new Set());
  const report = useCallback((key: string, dirty: boolean) => {
    setKeys((previous) => {
      if (previous.has(key) === dirty) return previous;
      const next = new Set(previous);
      if (dirty) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);
  const anyDirty = keys.size > 0;
  useLeaveGuard(anyDirty);
  return report;
}

export function useReportDirty(key: string, dirty: boolean) {
  const report = useContext(DirtyContext);
  useEffect(() => {
    report(key, dirty);
    return () => report(key, false);
  }, [key, dirty, report]);
}

function useLeaveGuard(dirty: boolean) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (blocker.state !== "blocked") return;
    // Asked at the moment of leaving, so the global `t` reads the language shown then.
    if (window.confirm(t`You have unsaved changes. Leave without saving them?`)) blocker.proceed();
    else blocker.reset();
  }, [blocker]);
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [dirty]);
}
