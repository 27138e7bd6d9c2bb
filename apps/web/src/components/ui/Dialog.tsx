import { type ReactNode, type RefObject, useEffect } from "react";
import s from "./Dialog.module.css";

/**
 * A modal dialog (the browser's own, so focus stays in it and Escape closes it), open while
 * it is rendered; `dialogRef.current.close()` closes it and fires onClose. Its children are
 * usually one <form>, laid out as a column.
 */
export function Dialog({
  dialogRef,
  labelledBy,
  describedBy,
  onClose,
  children,
}: {
  dialogRef: RefObject<HTMLDialogElement | null>;
  labelledBy: string;
  describedBy?: string;
  onClose: () => void;
  children: ReactNode;
}) {
  // Removing the element closes it; closing it here too would fire `close` (and onClose)
  // after React's development double-run of effects.
  useEffect(() => {
    if (dialogRef.current && !dialogRef.current.open) dialogRef.current.showModal();
  }, [dialogRef]);
  return (
    <dialog
      ref={dialogRef}
      className={s.dialog}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onClose={onClose}
    >
      {children}
    </dialog>
  );
}
