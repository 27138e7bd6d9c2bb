import { Trans, useLingui } from "@lingui/react/macro";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router";
import { Button } from "../../components/ui/Button";
import { FormError, SelectField, TextField } from "../../components/ui/Field";
import { apiFieldErrors, trpc } from "../../lib/trpc";
import { type ForumOverview, forumKey, KIND_LABELS, type ThreadKind, threadPath } from "./api";
import s from "./forum.module.css";
import { PostBodyField } from "./PostBodyField";
import { problemMessage } from "./problem";

/** Start a thread: a discussion or a question, optionally about a lesson. */
export function NewThreadForm({
  overview,
  initialKind,
  initialLessonId,
  onCancel,
}: {
  overview: ForumOverview;
  initialKind: ThreadKind;
  initialLessonId: string;
  onCancel: () => void;
}) {
  const { t, i18n } = useLingui();
  const [kind, setKind] = useState<ThreadKind>(initialKind);
  const [lessonId, setLessonId] = useState(initialLessonId);
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useMutation(
    trpc.forum.createThread.mutationOptions({
      onSuccess: ({ threadId }) => {
        void queryClient.invalidateQueries({ queryKey: forumKey() });
        void navigate(threadPath(overview.course.slug, threadId));
      },
    }),
  );
  const fields = apiFieldErrors(create.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({
      courseId: overview.course.id,
      kind,
      title: title.trim(),
      body,
      lessonId: lessonId || null,
    });
  };
  return (
    <form className={s.newThread} onSubmit={submit} aria-labelledby="new-thread-heading" noValidate>
      <h2 id="new-thread-heading">
        <Trans>New thread</Trans>
      </h2>
      <fieldset className={s.kinds}>
        <legend>
          <Trans>Kind</Trans>
        </legend>
        {(["question", "discussion"] as const).map((value) => (
          <label key={value}>
            <input
              type="radio"
              name="thread-kind"
              value={value}
              checked={kind === value}
              onChange={() => setKind(value)}
            />{" "}
            {i18n._(KIND_LABELS[value])}
          </label>
        ))}
      </fieldset>
      <SelectField
        id="thread-lesson"
        label={t`Lesson (optional)`}
        value={lessonId}
        onChange={(e) => setLessonId(e.target.value)}
        placeholder={t`The whole course`}
        options={overview.lessons.map((lesson) => ({ value: lesson.id, label: lesson.title }))}
        error={fields.lessonId}
      />
      <TextField
        id="thread-title"
        label={t`Title`}
        value={title}
        maxLength={200}
        required
        onChange={(e) => setTitle(e.target.value)}
        error={fields.title}
      />
      <PostBodyField
        id="thread-body"
        label={t`Body`}
        courseId={overview.course.id}
        value={body}
        onChange={setBody}
        error={fields.body}
        rows={8}
      />
      {create.isError && Object.keys(fields).length === 0 && (
        <FormError>{problemMessage(create.error, t`Your thread could not be posted.`)}</FormError>
      )}
      <div className={s.actions}>
        <Button type="submit" variant="primary" disabled={create.isPending}>
          {create.isPending ? <Trans>Posting…</Trans> : <Trans>Post thread</Trans>}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          <Trans>Cancel</Trans>
        </Button>
      </div>
    </form>
  );
}
