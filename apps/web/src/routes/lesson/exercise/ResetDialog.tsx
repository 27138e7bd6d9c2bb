import { Trans } from "@lingui/react/macro";
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
        <h2 id={`${id}-title`}>
          <Trans>Reset to the starter code?</Trans>
        </h2>
        <p id={`${id}-text`}>
          <Trans>
            Your code in the editor is replaced by the exercise's starter code. Your earlier runs
            and submissions stay as they are.
          </Trans>
        </p>
        <div className={s.dialogActions}>
          <button type="submit" className={buttonClass({ variant: "danger" })}>
            <Trans>Reset my code</Trans>
          </button>
          <button
            type="button"
            className={buttonClass({ variant: "ghost" })}
            onClick={() => dialog.current?.close()}
          >
            <Trans>Keep my code</Trans>
          </button>
        </div>
      </form>
    </Dialog>
  );
}
