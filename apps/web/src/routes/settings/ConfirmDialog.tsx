import { Trans } from "@lingui/react/macro";
import { type ReactNode, useId, useRef, useState } from "react";
import { Button } from "../../components/ui/Button";
import { Dialog } from "../../components/ui/Dialog";
import { FormError, fieldStyles as f } from "../../components/ui/Field";
import s from "./settings.module.css";

/**
 * Asks before a destructive action (revoking a key, deleting an endpoint). `onConfirm` runs
 * it; the dialog closes when it resolves and says so when it fails, staying open for a retry.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  pendingLabel,
  failure,
  onConfirm,
  onClose,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  /** What to say when the action failed. */
  failure: string;
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
}) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, setState] = useState<"idle" | "pending" | "failed">("idle");
  return (
    <Dialog
      dialogRef={dialog}
      labelledBy={`${id}-title`}
      describedBy={`${id}-text`}
      onClose={onClose}
    >
      <form
        className={s.dialogForm}
        onSubmit={async (event) => {
          event.preventDefault();
          setState("pending");
          try {
            await onConfirm();
            dialog.current?.close();
          } catch {
            setState("failed");
          }
        }}
      >
        <h2 id={`${id}-title`}>{title}</h2>
        <div id={`${id}-text`}>{children}</div>
        {state === "failed" && <FormError>{failure}</FormError>}
        <div className={f.actions}>
          <Button type="submit" variant="danger" disabled={state === "pending"}>
            {state === "pending" ? pendingLabel : confirmLabel}
          </Button>
          <Button variant="ghost" onClick={() => dialog.current?.close()}>
            <Trans>Cancel</Trans>
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
