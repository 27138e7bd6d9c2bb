import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { describedBy } from "../../../../components/fields";
import { REVOKE_REASON, revokeReasonProblem } from "../../../../lib/learners-view";
import { apiFieldErrors, trpc } from "../../../../lib/trpc";

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
  // Removing the element closes it; closing it here too would fire `close` (and onClose)
  // after React's development double-run of effects.
  useEffect(() => {
    if (dialog.current && !dialog.current.open) dialog.current.showModal();
  }, []);
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
    <dialog
      ref={dialog}
      className="dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      onClose={onClose}
    >
      <form onSubmit={submit} noValidate>
        <h2 id={`${id}-title`}>Revoke {learnerName}'s certificate?</h2>
        <p id={`${id}-text`}>
          Its verification page and link will say it was revoked, within a minute. This can't be
          undone.
        </p>
        <div className="field">
          <label htmlFor={`${id}-reason`}>Reason</label>
          <p id={`${id}-reason-hint`} className="field-hint">
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
            <p id={`${id}-reason-error`} className="field-error">
              {error}
            </p>
          )}
          <p className="field-hint field-counter" aria-hidden="true">
            {reason.trim().length} / {REVOKE_REASON.max}
          </p>
        </div>
        {general && (
          <p className="form-error" role="alert">
            {general}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-danger" disabled={revoke.isPending}>
            {revoke.isPending ? "Revoking…" : "Revoke certificate"}
          </button>
          <button
            type="button"
            className="button button-ghost"
            onClick={() => dialog.current?.close()}
          >
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
