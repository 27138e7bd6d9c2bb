import type { KeyboardEvent, ReactNode } from "react";
import s from "./Tabs.module.css";

const tabId = (idPrefix: string, tab: string) => `${idPrefix}-tab-${tab}`;
const panelId = (idPrefix: string, tab: string) => `${idPrefix}-panel-${tab}`;

/**
 * Where arrow keys, Home and End move among `count` tabs (wrapping), or null. In right-to-left
 * the tabs run leftwards, so ← moves to the next one (WAI-ARIA APG).
 */
export function nextTab(key: string, index: number, count: number, rtl = false): number | null {
  const forward = rtl ? "ArrowLeft" : "ArrowRight";
  const back = rtl ? "ArrowRight" : "ArrowLeft";
  if (key === forward) return index === count - 1 ? 0 : index + 1;
  if (key === back) return index === 0 ? count - 1 : index - 1;
  if (key === "Home") return 0;
  if (key === "End") return count - 1;
  return null;
}

/** The WAI-ARIA tabs pattern: arrow keys, Home and End move between tabs and select them. */
export function Tabs<T extends string>({
  label,
  idPrefix,
  tabs,
  selected,
  onSelect,
}: {
  label: string;
  idPrefix: string;
  tabs: ReadonlyArray<{ id: T; label: ReactNode }>;
  selected: T;
  onSelect: (tab: T) => void;
}) {
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const rtl = getComputedStyle(event.currentTarget).direction === "rtl";
    const next = nextTab(event.key, index, tabs.length, rtl);
    const tab = next === null ? undefined : tabs[next];
    if (!tab) return;
    event.preventDefault();
    onSelect(tab.id);
    document.getElementById(tabId(idPrefix, tab.id))?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className={s.tabs}>
      {tabs.map((tab, index) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          id={tabId(idPrefix, tab.id)}
          aria-selected={tab.id === selected}
          aria-controls={panelId(idPrefix, tab.id)}
          tabIndex={tab.id === selected ? 0 : -1}
          className={s.tab}
          onClick={() => onSelect(tab.id)}
          onKeyDown={(event) => onKeyDown(event, index)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

/** A tab's panel; it stays mounted when hidden, so what is typed in it survives a switch. */
export function TabPanel<T extends string>({
  idPrefix,
  tab,
  selected,
  children,
}: {
  idPrefix: string;
  tab: T;
  selected: T;
  children: ReactNode;
}) {
  return (
    <div
      role="tabpanel"
      id={panelId(idPrefix, tab)}
      aria-labelledby={tabId(idPrefix, tab)}
      className={s.panel}
      hidden={tab !== selected}
    >
      {children}
    </div>
  );
}
