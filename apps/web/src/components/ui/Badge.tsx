import type { ReactNode } from "react";
import s from "./Badge.module.css";
import { cx } from "./cx";

export type BadgeTone =
  | "neutral"
  | "outline"
  | "info"
  | "success"
  | "warning"
  | "danger"
  | "accent";

/** A state, kind or count in a pill; `dot` leads it with a dot in its colour. */
export function Badge({
  tone = "neutral",
  size,
  dot = false,
  className,
  children,
}: {
  tone?: BadgeTone;
  size?: "md";
  dot?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <span className={cx(s.badge, s[tone], size && s[size], dot && s.dot, className)}>
      {children}
    </span>
  );
}
