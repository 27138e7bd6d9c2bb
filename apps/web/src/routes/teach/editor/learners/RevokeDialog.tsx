import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useId, useRef, useState } from "react";
import { buttonClass } from "../../../../components/ui/Button";
import { cx } from "../../../../components/ui/cx";
import { Dialog } from "../../../../components/ui/Dialog";
import { describedBy, fieldStyles as f } from "../../../../components/ui/Field";
import { apiFieldErrors, trpc } from "../../../../lib/trpc";
import { REVOKE_REASON, revokeReasonProblem } from "./learners-view";

/**
 * Revoking a learner's certificate: a modal dialog (the browser's own, so focus stays in it
 * and Escape closes it) asking for the reason, which the API records with the revocation.
 */
export function RevokeDialog({
  certificateId,
  learnerName,
  onRevoked,
  onClose,
}: {
  certificateId: string;
  learnerName: string;
  onRevoked: (revokedAt: string) => void;
  onClose: () => void;
}) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState("");
  const [checked, setChecked] = useState(false);
  const revoke = useMutation(
    trpc.certificates.revoke.mutationOptions({
      onSuccess: (certificate) => {
        onRevoked(certificate.revokedAt ?? new Date().toISOString());
        dialog.current?.close();
      },
    }),
  );
  const problem = checked ? revokeReasonProblem(reason) : null;
  const error = problem ?? apiFieldErrors(revoke.error).reason;
  const general =
    revoke.isError && !apiFieldErrors(revoke.error).reason ? revoke.error.message : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (revokeReasonProblem(reason)) return document.getElementById(`${id}-reason`)?.focus();
    revoke.mutate({ certificateId, reason: reason.trim() });
  };
  return (
    <Dialog
      dialogRef={dialog}
      labelledBy={`${id}-title`}
      describedBy={`${id}-text`}
      onClose={onClose}
    >
      <form onSubmit={submit} noValidate>
        <h2 id={`${id}-title`}>Revoke {learnerName}'s certificate?</h2>
        <p id={`${id}-text`}>
          Its verification page and link will say it was revoked, within a minute. This can't be
          undone.
        </p>
        <div className={f.field}>
          <label htmlFor={`${id}-reason`}>Reason</label>
          <p id={`${id}-reason-hint`} className={f.hint}>
            Recorded with the revocation. {REVOKE_REASON.min}–{REVOKE_REASON.max} characters.
          </p>
          <textarea
            id={`${id}-reason`}
            rows={3}
            required
            maxLength={REVOKE_REASON.max + 100}
            value={reason}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy(`${id}-reason`, true, error)}
            onChange={(e) => setReason(e.target.value)}
          />
          {error && (
            <p id={`${id}-reason-error`} className={f.error}>
              {error}
            </p>
          )}
          <p className={cx(f.hint, f.counter)} aria-hidden="true">
            {reason.trim().length} / {REVOKE_REASON.max}
          </p>
        </div>
        {general && (
          <p className={f.formError} role="alert">
            {general}
          </p>
        )}
        <div className={f.actions}>
          <button
            type="submit"
            className={buttonClass({ variant: "danger" })}
            disabled={revoke.isPending}
          >
            {revoke.isPending ? "Revoking…" : "Revoke certificate"}
          </button>
          <button
            type="button"
            className={buttonClass({ variant: "ghost" })}
            onClick={() => dialog.current?.close()}
          >
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
