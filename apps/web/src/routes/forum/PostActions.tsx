import { Plural, Trans, useLingui } from "@lingui/react/macro";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useRef, useState } from "react";
import { Button } from "../../components/ui/Button";
import { Dialog } from "../../components/ui/Dialog";
import { FieldShell, FormError } from "../../components/ui/Field";
import { trpc } from "../../lib/trpc";
import { forumKey, type PostRef } from "./api";
import s from "./forum.module.css";
import { problemMessage } from "./problem";

/** Refresh every forum read after a change (the thread, its replies, the lists). */
export function useInvalidateForum() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: forumKey() });
}

/** One vote per member per post: a toggle that shows the score. */
export function VoteButton({
  post,
  voted,
  score,
  label,
}: {
  post: PostRef;
  voted: boolean;
  score: number;
  label: string;
}) {
  const { t } = useLingui();
  const invalidate = useInvalidateForum();
  const vote = useMutation(trpc.forum.vote.mutationOptions({ onSettled: invalidate }));
  const shown = vote.isPending && vote.variables ? vote.variables.voted : voted;
  const shownScore =
    vote.isPending && vote.variables ? score + (vote.variables.voted ? 1 : -1) : score;
  return (
    <span className={s.vote}>
      <Button
        size="small"
        variant={shown ? "primary" : "secondary"}
        aria-pressed={shown}
        disabled={vote.isPending}
        onClick={() => vote.mutate({ post, voted: !voted })}
      >
        <Trans>
          Upvote<span className="visually-hidden"> {label}</span>
        </Trans>
      </Button>
      <span className={s.note}>
        <Plural value={shownScore} one="# vote" other="# votes" />
      </span>
      {vote.isError && (
        <span role="alert" className={s.inlineError}>
          {problemMessage(vote.error, t`Your vote was not saved.`)}
        </span>
      )}
    </span>
  );
}

/** "Report": a dialog asking why, sent to the course's moderators. */
export function ReportButton({ post, label }: { post: PostRef; label: string }) {
  const { t } = useLingui();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  const report = useMutation(
    trpc.forum.report.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        setDone(true);
      },
    }),
  );
  if (done)
    return (
      <span className={s.note}>
        <Trans>Reported — thank you</Trans>
      </span>
    );
  return (
    <>
      <Button
        size="small"
        variant="ghost"
        onClick={() => {
          report.reset();
          setOpen(true);
        }}
        aria-label={t`Report ${label}`}
      >
        <Trans>Report</Trans>
      </Button>
      {open && (
        <ReasonDialog
          title={t`Report this post`}
          confirm={t`Send report`}
          required
          field={{
            id: "report-reason",
            label: t`Why should moderators look at it?`,
            rows: 4,
            missing: t`Say why you are reporting it.`,
          }}
          danger
          pendingLabel={t`Sending…`}
          pending={report.isPending}
          error={report.isError ? problemMessage(report.error, t`The report was not sent.`) : null}
          onSubmit={(reason) => report.mutate({ post, reason })}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}

/**
 * An action that asks for a reason first (a staff action, a report): a small dialog whose
 * `onSubmit` gets the trimmed reason, refused while empty if `required`.
 */
export function ReasonDialog({
  title,
  confirm,
  required = false,
  field,
  danger = false,
  pendingLabel,
  onSubmit,
  onClose,
  pending,
  error,
}: {
  title: string;
  confirm: string;
  required?: boolean;
  field?: { id: string; label: string; rows: number; missing: string };
  danger?: boolean;
  pendingLabel?: string;
  onSubmit: (reason: string) => void;
  onClose: () => void;
  pending: boolean;
  error: string | null;
}) {
  const { t } = useLingui();
  // By default the reason field of a staff action (hide, lock, pin…): kept in the moderation log.
  const shown = field ?? {
    id: "moderation-reason",
    label: required ? t`Reason` : t`Reason (optional)`,
    rows: 3,
    missing: t`Give a reason: it is kept in the moderation log.`,
  };
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (required && !reason.trim()) {
      setMissing(true);
      return;
    }
    onSubmit(reason.trim());
  };
  return (
    <Dialog dialogRef={dialog} labelledBy={titleId} onClose={onClose}>
      <form onSubmit={submit} className={s.dialogForm} noValidate>
        <h2 id={titleId}>{title}</h2>
        <FieldShell id={shown.id} label={shown.label} error={missing ? shown.missing : undefined}>
          <textarea
            id={shown.id}
            rows={shown.rows}
            maxLength={500}
            value={reason}
            aria-invalid={missing || undefined}
            aria-describedby={missing ? `${shown.id}-error` : undefined}
            onChange={(e) => {
              setReason(e.target.value);
              setMissing(false);
            }}
          />
        </FieldShell>
        {error && <FormError>{error}</FormError>}
        <div className={s.actions}>
          <Button type="submit" variant={danger ? "danger" : "primary"} disabled={pending}>
            {pending ? (pendingLabel ?? t`Saving…`) : confirm}
          </Button>
          <Button variant="ghost" onClick={() => dialog.current?.close()}>
            <Trans>Cancel</Trans>
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
