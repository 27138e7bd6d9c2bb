import { useLingui } from "@lingui/react/macro";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "../../components/ui/Button";
import { trpc } from "../../lib/trpc";
import type { PostRef } from "./api";
import s from "./forum.module.css";
import { ReasonDialog, useInvalidateForum } from "./PostActions";
import { problemMessage } from "./problem";

type Action =
  | { kind: "hide"; post: PostRef; hidden: boolean }
  | { kind: "lock"; threadId: string; locked: boolean }
  | { kind: "pin"; threadId: string; pinned: boolean }
  | { kind: "mute"; courseId: string; userId: string; name: string };

/** One moderation action behind a button: asks for the reason, then runs it (all logged). */
export function ModerationButton({ action, label }: { action: Action; label: string }) {
  const { t } = useLingui();
  const [open, setOpen] = useState(false);
  const invalidate = useInvalidateForum();
  const done = { onSuccess: () => setOpen(false), onSettled: invalidate };
  const hide = useMutation(trpc.forum.hide.mutationOptions(done));
  const lock = useMutation(trpc.forum.lock.mutationOptions(done));
  const pin = useMutation(trpc.forum.pin.mutationOptions(done));
  const mute = useMutation(trpc.forum.mute.mutationOptions(done));
  const mutation = { hide, lock, pin, mute }[action.kind];
  // The dialog's title and its confirm button, for this action.
  const [title, confirm] =
    action.kind === "hide"
      ? action.hidden
        ? [t`Hide this post`, t`Hide`]
        : [t`Show this post again`, t`Unhide`]
      : action.kind === "lock"
        ? action.locked
          ? [t`Lock this thread`, t`Lock`]
          : [t`Unlock this thread`, t`Unlock`]
        : action.kind === "pin"
          ? action.pinned
            ? [t`Pin this thread`, t`Pin`]
            : [t`Unpin this thread`, t`Unpin`]
          : [t`Mute ${action.name} in this course`, t`Mute`];
  const run = (reason: string) => {
    if (action.kind === "hide") hide.mutate({ post: action.post, hidden: action.hidden, reason });
    else if (action.kind === "lock")
      lock.mutate({ threadId: action.threadId, locked: action.locked, reason });
    else if (action.kind === "pin")
      pin.mutate({ threadId: action.threadId, pinned: action.pinned, reason });
    else mute.mutate({ courseId: action.courseId, userId: action.userId, reason, until: null });
  };
  return (
    <>
      <Button
        size="small"
        variant="ghost"
        className={s.staffButton}
        onClick={() => {
          mutation.reset();
          setOpen(true);
        }}
      >
        {label}
      </Button>
      {open && (
        <ReasonDialog
          title={title}
          confirm={confirm}
          required={action.kind === "mute"}
          pending={mutation.isPending}
          error={mutation.isError ? problemMessage(mutation.error, t`That did not work.`) : null}
          onSubmit={run}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
