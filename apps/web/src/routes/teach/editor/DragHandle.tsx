import { useLingui } from "@lingui/react/macro";
import type { DragEvent } from "react";
import { iconButtonClass } from "../../../components/ui/Button";
import { cx } from "../../../components/ui/cx";
import { handleId } from "./MoveButtons";
import o from "./outline.module.css";

/** Drag with a pointer; with a keyboard it explains (and Alt+Arrow moves the row). */
export function DragHandle({
  id,
  name,
  ...drag
}: {
  id: string;
  /** What the row is, already translated: "module “Basics”". */
  name: string;
  draggable: boolean;
  onDragStart: (event: DragEvent<HTMLElement>) => void;
  onDragEnd: () => void;
}) {
  const { t } = useLingui();
  return (
    <button
      id={handleId(id)}
      type="button"
      className={cx(iconButtonClass(), o.dragHandle)}
      aria-label={t`Reorder ${name}`}
      aria-describedby="outline-reorder-hint"
      title={t`Drag to reorder, or press Alt+↑ / Alt+↓`}
      {...drag}
    >
      <svg viewBox="0 0 20 20" aria-hidden="true">
        {[6, 10, 14].flatMap((y) =>
          [7, 13].map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r="1.4" />),
        )}
      </svg>
    </button>
  );
}
