import { useLingui } from "@lingui/react/macro";
import type { ReactNode } from "react";
import s from "./Breadcrumb.module.css";

/** Where this page sits: the pages above it, as an ordered list of links (<li>s). */
export function Breadcrumb({ children }: { children: ReactNode }) {
  const { t } = useLingui();
  return (
    <nav aria-label={t`Breadcrumb`} className={s.breadcrumb}>
      <ol>{children}</ol>
    </nav>
  );
}
