import type { ReactNode } from "react";
import s from "./Breadcrumb.module.css";

/** Where this page sits: the pages above it, as an ordered list of links (<li>s). */
export function Breadcrumb({ children }: { children: ReactNode }) {
  return (
    <nav aria-label="Breadcrumb" className={s.breadcrumb}>
      <ol>{children}</ol>
    </nav>
  );
}
