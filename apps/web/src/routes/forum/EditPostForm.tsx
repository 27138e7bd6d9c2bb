import { Trans, useLingui } from "@lingui/react/macro";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Button } from "../../components/ui/Button";
import { FormError, TextField } from "../../components/ui/Field";
import { apiFieldErrors, trpc } from "../../lib/trpc";
import s from "./forum.module.css";
import { useInvalidateForum } from "./PostActions";
import { PostBodyField } from "./PostBodyField";
import { problemMessage } from "./problem";

/** Edit a post in place (its author); the previous version goes to the edit history. */
export function EditPostForm({
  courseId,
  post,
  initialTitle,
  initialBody,
  onDone,
}: {
  courseId: string;
  post: { type: "thread" | "reply"; id: string };
  initialTitle?: string;
  initialBody: string;
  onDone: () => void;
}) {
  const { t } = useLingui();
  const [title, setTitle] = useState(initialTitle ?? "");
  const [body, setBody] = useState(initialBody);
  const invalidate = useInvalidateForum();
  const options = {
    onSuccess: () => {
      void invalidate();
      onDone();
    },
  };
  const editThread = useMutation(trpc.forum.editThread.mutationOptions(options));
  const editReply = useMutation(trpc.forum.editReply.mutationOptions(options));
  const mutation = post.type === "thread" ? editThread : editReply;
  const fields = apiFieldErrors(mutation.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (post.type === "thread") editThread.mutate({ threadId: post.id, title: title.trim(), body });
    else editReply.mutate({ replyId: post.id, body });
  };
  const prefix = `edit-${post.id}`;
  return (
    <form className={s.editForm} onSubmit={submit} noValidate aria-label={t`Edit post`}>
      {post.type === "thread" && (
        <TextField
          id={`${prefix}-title`}
          label={t`Title`}
          value={title}
          maxLength={200}
          onChange={(e) => setTitle(e.target.value)}
          error={fields.title}
        />
      )}
      <PostBodyField
        id={`${prefix}-body`}
        label={t`Body`}
        courseId={courseId}
        value={body}
        onChange={setBody}
        error={fields.body}
      />
      {mutation.isError && Object.keys(fields).length === 0 && (
        <FormError>{problemMessage(mutation.error, t`Your edit was not saved.`)}</FormError>
      )}
      <div className={s.actions}>
        <Button type="submit" variant="primary" disabled={mutation.isPending}>
          {mutation.isPending ? <Trans>Saving…</Trans> : <Trans>Save edit</Trans>}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          <Trans>Cancel</Trans>
        </Button>
      </div>
    </form>
  );
}
