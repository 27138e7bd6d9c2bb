import { i18n } from "@lingui/core";
import { I18nProvider } from "@lingui/react";
import type { ReactNode } from "react";

// Outside production builds the macros keep each message's English source, so English needs
// no catalog here: tests read the text as written.
i18n.loadAndActivate({ locale: "en", messages: {} });

/** Wraps a tree under test in the app's i18n context (English), as main.tsx does. */
export function withI18n(node: ReactNode) {
  return <I18nProvider i18n={i18n}>{node}</I18nProvider>;
}
