import type { HTMLAttributes } from "react";
import { cx } from "./cx";
import s from "./Notice.module.css";

export type NoticeTone = "warning" | "error" | "success" | "info";

/** A message in the flow of a page; `as="p"` for one sentence, a div for text and actions. */
export function Notice({
  tone,
  as: Element = "div",
  className,
  ...rest
}: { tone: NoticeTone; as?: "div" | "p" | "section" } & HTMLAttributes<HTMLElement>) {
  return <Element className={cx(s.notice, s[tone], className)} {...rest} />;
}

/** The notice classes, for an element that must stay what it is. */
export const noticeStyles = s;
