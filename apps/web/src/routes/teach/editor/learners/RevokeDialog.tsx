import { Trans } from "@lingui/react/macro";
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
  const { min, max } = REVOKE_REASON;
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
        <h2 id={`${id}-title`}>
          <Trans>Revoke {learnerName}'s certificate?</Trans>
        </h2>
        <p id={`${id}-text`}>
          <Trans>
            Its verification page and link will say it was revoked, within a minute. This can't be
            undone.
          </Trans>
        </p>
        <div className={f.field}>
          <label htmlFor={`${id}-reason`}>
            <Trans>Reason</Trans>
          </label>
          <p id={`${id}-reason-hint`} className={f.hint}>
            <Trans>
              Recorded with the revocation. {min}–{max} characters.
            </Trans>
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
            {revoke.isPending ? <Trans>Revoking…</Trans> : <Trans>Revoke certificate</Trans>}
          </button>
          <button
            type="button"
            className={buttonClass({ variant: "ghost" })}
            onClick={() => dialog.current?.close()}
          >
            <Trans>Cancel</Trans>
          </button>
        </div>
      </form>
    </Dialog>
  );
}
