import type { ReactNode } from "react";
import { Link } from "react-router";
import { cx } from "./cx";
import s from "./Tag.module.css";

/** A keyword to browse by. */
export function TagLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link to={to} className={s.tag}>
      {children}
    </Link>
  );
}

/** A value in a list the author edits: the list item with its remove button. */
export function RemovableTag({
  children,
  removeLabel,
  onRemove,
}: {
  children: ReactNode;
  removeLabel: string;
  onRemove: () => void;
}) {
  return (
    <li className={cx(s.tag, s.removable)}>
      {children}
      <button type="button" className={s.remove} aria-label={removeLabel} onClick={onRemove}>
        ×
      </button>
    </li>
  );
}
