import { Trans, useLingui } from "@lingui/react/macro";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Button } from "../../components/ui/Button";
import { FormError } from "../../components/ui/Field";
import { apiFieldErrors, trpc } from "../../lib/trpc";
import s from "./forum.module.css";
import { useInvalidateForum } from "./PostActions";
import { PostBodyField } from "./PostBodyField";
import { problemMessage } from "./problem";

/** A reply to the thread, or (with `parentId`) to one top-level reply. */
export function ReplyForm({
  courseId,
  threadId,
  parentId = null,
  label,
  onDone,
}: {
  courseId: string;
  threadId: string;
  parentId?: string | null;
  label?: string;
  onDone?: () => void;
}) {
  const { t } = useLingui();
  const [body, setBody] = useState("");
  const invalidate = useInvalidateForum();
  const reply = useMutation(
    trpc.forum.reply.mutationOptions({
      onSuccess: () => {
        setBody("");
        void invalidate();
        onDone?.();
      },
    }),
  );
  const fields = apiFieldErrors(reply.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    reply.mutate({ threadId, parentId, body });
  };
  const id = parentId ? `reply-to-${parentId}` : "reply-body";
  return (
    <form className={s.replyForm} onSubmit={submit} noValidate>
      <PostBodyField
        id={id}
        label={label ?? t`Your reply`}
        courseId={courseId}
        value={body}
        onChange={setBody}
        error={fields.body}
        rows={parentId ? 3 : 5}
      />
      {reply.isError && Object.keys(fields).length === 0 && (
        <FormError>{problemMessage(reply.error, t`Your reply was not posted.`)}</FormError>
      )}
      <div className={s.actions}>
        <Button type="submit" variant="primary" disabled={reply.isPending}>
          {reply.isPending ? <Trans>Posting…</Trans> : <Trans>Post reply</Trans>}
        </Button>
        {onDone && (
          <Button variant="ghost" onClick={onDone}>
            <Trans>Cancel</Trans>
          </Button>
        )}
      </div>
    </form>
  );
}
