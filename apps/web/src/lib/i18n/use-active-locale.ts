import { i18n } from "@lingui/core";
import { useSyncExternalStore } from "react";

const subscribe = (onChange: () => void) => i18n.on("change", onChange);
const current = () => i18n.locale;

/**
 * The active language, re-rendering on a switch, without needing Lingui's provider (for
 * components that memoise text built with the global `t`, and render in tests without one).
 */
export function useActiveLocale(): string {
  return useSyncExternalStore(subscribe, current, current);
}
