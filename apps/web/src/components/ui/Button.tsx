import type { ButtonHTMLAttributes } from "react";
import { Link, type LinkProps } from "react-router";
import s from "./Button.module.css";
import { cx } from "./cx";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger";

interface Look {
  variant?: ButtonVariant;
  size?: "small" | "large";
  block?: boolean;
}

/** The classes of a button look, for elements that must stay what they are (a <label>). */
export function buttonClass({ variant = "secondary", size, block }: Look = {}, extra?: string) {
  return cx(s.button, s[variant], size && s[size], block && s.block, extra);
}

/** A button that reads as a link, inside a sentence or a row of text. */
export const linkButtonClass = s.link;

/** A square button showing only an icon; its name is its aria-label. `large`: the header's. */
export function iconButtonClass({ danger = false, large = false } = {}) {
  return cx(s.icon, danger && s.iconDanger, large && s.iconLarge);
}

export function Button({
  variant,
  size,
  block,
  className,
  type = "button",
  ...button
}: Look & ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button type={type} className={buttonClass({ variant, size, block }, className)} {...button} />
  );
}

/** A router link that looks like a button (a call to action that navigates). */
export function ButtonLink({ variant, size, block, className, ...link }: Look & LinkProps) {
  return <Link className={buttonClass({ variant, size, block }, className)} {...link} />;
}
