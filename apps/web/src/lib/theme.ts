import type { MessageDescriptor } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import { useState } from "react";

/** The reader's colour theme: the system's scheme (the default), or one they chose. */
export type ThemeChoice = "system" | "light" | "dark";

/** Labels translated where shown (the menu), so a language switch re-renders them. */
export const THEME_CHOICES: ReadonlyArray<{ value: ThemeChoice; label: MessageDescriptor }> = [
  { value: "system", label: msg`System` },
  { value: "light", label: msg`Light` },
  { value: "dark", label: msg`Dark` },
];

/** The localStorage key; public/theme.js reads it before the first paint. */
export const THEME_STORAGE_KEY = "lumen-theme";

export function parseThemeChoice(stored: string | null | undefined): ThemeChoice {
  return stored === "light" || stored === "dark" ? stored : "system";
}

/** `data-theme` on <html> pins the scheme; without it tokens.css follows the system. */
export function applyTheme(choice: ThemeChoice, root: HTMLElement = document.documentElement) {
  if (choice === "system") delete root.dataset.theme;
  else root.dataset.theme = choice;
}

function readStoredTheme(): ThemeChoice {
  try {
    return parseThemeChoice(localStorage.getItem(THEME_STORAGE_KEY));
  } catch {
    return "system";
  }
}

function storeTheme(choice: ThemeChoice) {
  try {
    if (choice === "system") localStorage.removeItem(THEME_STORAGE_KEY);
    else localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Storage blocked: the choice holds for this page only.
  }
}

/** The current choice and a setter that applies it at once and remembers it. */
export function useThemeChoice(): [ThemeChoice, (choice: ThemeChoice) => void] {
  const [choice, setChoice] = useState(readStoredTheme);
  const choose = (next: ThemeChoice) => {
    applyTheme(next);
    storeTheme(next);
    setChoice(next);
  };
  return [choice, choose];
}
