import { Trans } from "@lingui/react/macro";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { buttonClass } from "../../components/ui/Button";
import { cx } from "../../components/ui/cx";
import { fieldStyles as f } from "../../components/ui/Field";
import { progressQueue } from "../../lib/progress";
import { trpc } from "../../lib/trpc";
import s from "./MarkComplete.module.css";

type State = "idle" | "saving" | "waiting" | "saved" | "failed";

/**
 * "Mark as complete" for lessons without a natural end (text, PDF): a progress event with
 * `completed: true`, sent at once. The lesson shows as done once the server acknowledged it;
 * offline, the event waits in the queue (and in storage) and the button says so.
 */
export function MarkComplete({
  enrollmentId,
  lessonId,
  courseId,
  completed,
}: {
  enrollmentId: string;
  lessonId: string;
  courseId: string;
  completed: boolean;
}) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<State>("idle");
  const done = useRef<HTMLParagraphElement>(null);
  const moveFocus = useRef(false);

  useEffect(() => {
    if (state !== "saving" && state !== "waiting") return;
    // A failing network shows as "waiting" rather than an endless spinner.
    return progressQueue().onStatus((status) => {
      setState((now) => {
        if (now !== "saving" && now !== "waiting") return now;
        return status.failing ? "waiting" : "saving";
      });
    });
  }, [state]);

  const isDone = completed || state === "saved";
  useEffect(() => {
    if (isDone && moveFocus.current) done.current?.focus();
  }, [isDone]);

  if (isDone) {
    return (
      <p className={s.done} tabIndex={-1} ref={done}>
        <span aria-hidden="true">✓</span> <Trans>You completed this lesson.</Trans>
      </p>
    );
  }

  const mark = async () => {
    const queue = progressQueue();
    setState("saving");
    const event = queue.record(
      { enrollmentId, lessonId, watched: [], positionSeconds: 0, completed: true },
      { flush: true },
    );
    try {
      await queue.acknowledged(event.eventId);
      await queryClient.invalidateQueries(trpc.progress.course.queryFilter({ courseId }));
      moveFocus.current = true;
      setState("saved");
    } catch {
      setState("failed");
    }
  };

  const busy = state === "saving" || state === "waiting";
  return (
    <div className={s.complete}>
      {/* aria-disabled, not disabled: the button keeps focus while the event is saved. */}
      <button
        type="button"
        className={buttonClass({ variant: "primary" })}
        aria-disabled={busy}
        onClick={() => busy || mark()}
      >
        {busy ? <Trans>Saving…</Trans> : <Trans>Mark as complete</Trans>}
      </button>
      <p className={cx("muted", s.note)} role="status">
        {state === "waiting" && (
          <Trans>
            You seem to be offline. Your completion is kept on this device and sent when you're
            back.
          </Trans>
        )}
      </p>
      {state === "failed" && (
        <p className={f.formError} role="alert">
          <Trans>We could not record this lesson as complete. Please try again.</Trans>
        </p>
      )}
    </div>
  );
}
