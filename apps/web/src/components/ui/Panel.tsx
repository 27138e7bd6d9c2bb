import type { HTMLAttributes } from "react";
import { cx } from "./cx";
import s from "./Panel.module.css";

/** The card look for the few classes that compose it in CSS (`composes: panel from …`). */
export const panelStyles = s;

/**
 * A card: a surface with a border and rounded corners; `raised` adds the shadow of things
 * that stand out (forms, lists of courses), `stack` lays its children out in a column.
 */
export function Panel({
  as: Element = "div",
  raised = false,
  stack = false,
  className,
  ...rest
}: {
  as?: "div" | "section" | "aside" | "article" | "form" | "li" | "figure";
  raised?: boolean;
  stack?: boolean;
} & HTMLAttributes<HTMLElement>) {
  return (
    <Element className={cx(raised ? s.raised : s.panel, stack && s.stack, className)} {...rest} />
  );
}
