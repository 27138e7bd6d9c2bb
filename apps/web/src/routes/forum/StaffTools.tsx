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

const TITLES = {
  hide: (a: { hidden: boolean }) =>
    a.hidden ? ["Hide this post", "Hide"] : ["Show this post again", "Unhide"],
  lock: (a: { locked: boolean }) =>
    a.locked ? ["Lock this thread", "Lock"] : ["Unlock this thread", "Unlock"],
  pin: (a: { pinned: boolean }) =>
    a.pinned ? ["Pin this thread", "Pin"] : ["Unpin this thread", "Unpin"],
};

/** One moderation action behind a button: asks for the reason, then runs it (all logged). */
export function ModerationButton({ action, label }: { action: Action; label: string }) {
  const [open, setOpen] = useState(false);
  const invalidate = useInvalidateForum();
  const done = { onSuccess: () => setOpen(false), onSettled: invalidate };
  const hide = useMutation(trpc.forum.hide.mutationOptions(done));
  const lock = useMutation(trpc.forum.lock.mutationOptions(done));
  const pin = useMutation(trpc.forum.pin.mutationOptions(done));
  const mute = useMutation(trpc.forum.mute.mutationOptions(done));
  const mutation = { hide, lock, pin, mute }[action.kind];
  const [title, confirm] =
    action.kind === "hide"
      ? TITLES.hide(action)
      : action.kind === "lock"
        ? TITLES.lock(action)
        : action.kind === "pin"
          ? TITLES.pin(action)
          : [`Mute ${action.name} in this course`, "Mute"];
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
          title={title ?? label}
          confirm={confirm ?? label}
          required={action.kind === "mute"}
          pending={mutation.isPending}
          error={mutation.isError ? problemMessage(mutation.error, "That did not work.") : null}
          onSubmit={run}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
