import { type FormEvent, useId, useRef } from "react";
import { buttonClass } from "../../../components/ui/Button";
import { Dialog } from "../../../components/ui/Dialog";
import s from "./exercise.module.css";

/** "Reset to starter code?": the learner's code is replaced (and the draft with it). */
export function ResetDialog({ onReset, onClose }: { onReset: () => void; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onReset();
    dialog.current?.close();
  };
  return (
    <Dialog
      dialogRef={dialog}
      labelledBy={`${id}-title`}
      describedBy={`${id}-text`}
      onClose={onClose}
    >
      <form onSubmit={submit}>
        <h2 id={`${id}-title`}>Reset to the starter code?</h2>
        <p id={`${id}-text`}>
          Your code in the editor is replaced by the exercise's starter code. Your earlier runs and
          submissions stay as they are.
        </p>
        <div className={s.dialogActions}>
          <button type="submit" className={buttonClass({ variant: "danger" })}>
            Reset my code
          </button>
          <button
            type="button"
            className={buttonClass({ variant: "ghost" })}
            onClick={() => dialog.current?.close()}
          >
            Keep my code
          </button>
        </div>
      </form>
    </Dialog>
  );
}
