import { useLingui } from "@lingui/react/macro";
import { iconButtonClass } from "../../../components/ui/Button";
import o from "./outline.module.css";
/** Keyboard- and pointer-friendly reordering; Alt+Arrow on the row does the same. */
export function MoveButtons({
  id,
  name,
  canUp,
  canDown,
  onMove,
}: {
  id: string;
  /** What moves, already translated: "question 2", "module “Basics”". */
  name: string;
  canUp: boolean;
  canDown: boolean;
  onMove: (delta: -1 | 1) => void;
}) {
  const { t } = useLingui();
  return (
    <span className={o.moveButtons}>
      <button
        id={moveButtonId(id, -1)}
        type="button"
        className={iconButtonClass()}
        aria-label={t`Move ${name} up`}
        title={t`Move up (Alt+↑)`}
        disabled={!canUp}
        onClick={() => onMove(-1)}
      >
        <span aria-hidden="true">↑</span>
      </button>
      <button
        id={moveButtonId(id, 1)}
        type="button"
        className={iconButtonClass()}
        aria-label={t`Move ${name} down`}
        title={t`Move down (Alt+↓)`}
        disabled={!canDown}
        onClick={() => onMove(1)}
      >
        <span aria-hidden="true">↓</span>
      </button>
    </span>
  );
}

export const moveButtonId = (id: string, delta: -1 | 1) =>
  `move-${delta === -1 ? "up" : "down"}-${id}`;
export const handleId = (id: string) => `handle-${id}`;

/** After a move, keep focus on the button pressed, or its sibling if that end was reached. */
export function focusAfterMove(id: string, delta: -1 | 1, canAgain: boolean): string {
  return moveButtonId(id, canAgain ? delta : delta === -1 ? 1 : -1);
}
