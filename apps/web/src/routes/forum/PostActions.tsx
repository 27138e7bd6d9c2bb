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
        Upvote<span className="visually-hidden"> {label}</span>
      </Button>
      <span className={s.note}>
        {shownScore} {shownScore === 1 ? "vote" : "votes"}
      </span>
      {vote.isError && (
        <span role="alert" className={s.inlineError}>
          {problemMessage(vote.error, "Your vote was not saved.")}
        </span>
      )}
    </span>
  );
}

/** "Report": a dialog asking why, sent to the course's moderators. */
export function ReportButton({ post, label }: { post: PostRef; label: string }) {
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
  if (done) return <span className={s.note}>Reported — thank you</span>;
  return (
    <>
      <Button
        size="small"
        variant="ghost"
        onClick={() => {
          report.reset();
          setOpen(true);
        }}
        aria-label={`Report ${label}`}
      >
        Report
      </Button>
      {open && (
        <ReasonDialog
          title="Report this post"
          confirm="Send report"
          required
          field={{
            id: "report-reason",
            label: "Why should moderators look at it?",
            rows: 4,
            missing: "Say why you are reporting it.",
          }}
          danger
          pendingLabel="Sending…"
          pending={report.isPending}
          error={report.isError ? problemMessage(report.error, "The report was not sent.") : null}
          onSubmit={(reason) => report.mutate({ post, reason })}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}

/** The reason field of a staff action (hide, lock, pin…): kept in the moderation log. */
const moderationReason = (required: boolean) => ({
  id: "moderation-reason",
  label: required ? "Reason" : "Reason (optional)",
  rows: 3,
  missing: "Give a reason: it is kept in the moderation log.",
});

/**
 * An action that asks for a reason first (a staff action, a report): a small dialog whose
 * `onSubmit` gets the trimmed reason, refused while empty if `required`.
 */
export function ReasonDialog({
  title,
  confirm,
  required = false,
  field = moderationReason(required),
  danger = false,
  pendingLabel = "Saving…",
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
        <FieldShell id={field.id} label={field.label} error={missing ? field.missing : undefined}>
          <textarea
            id={field.id}
            rows={field.rows}
            maxLength={500}
            value={reason}
            aria-invalid={missing || undefined}
            aria-describedby={missing ? `${field.id}-error` : undefined}
            onChange={(e) => {
              setReason(e.target.value);
              setMissing(false);
            }}
          />
        </FieldShell>
        {error && <FormError>{error}</FormError>}
        <div className={s.actions}>
          <Button type="submit" variant={danger ? "danger" : "primary"} disabled={pending}>
            {pending ? pendingLabel : confirm}
          </Button>
          <Button variant="ghost" onClick={() => dialog.current?.close()}>
            Cancel
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
