import { Trans, useLingui } from "@lingui/react/macro";
import { type FormEvent, useId, useState } from "react";
import { buttonClass } from "../../../components/ui/Button";
import { cx } from "../../../components/ui/cx";
import { fieldStyles as f } from "../../../components/ui/Field";
import { trpcClient } from "../../../lib/trpc";
import type { EditableLesson, EditableModule } from "../api";
import { lessonBodyId } from "../editor-targets";
import { AssignmentLessonEditor } from "./assignment/AssignmentLessonEditor";
import { DocumentLessonEditor } from "./document/DocumentLessonEditor";
import { ExerciseLessonEditor } from "./exercise/ExerciseLessonEditor";
import { LessonFlagToggle } from "./LessonFlagToggle";
import { MarkdownField } from "./MarkdownField";
import o from "./outline.module.css";
import { QuizLessonEditor } from "./quiz/QuizLessonEditor";
import { SaveStatus, saveState } from "./SaveStatus";
import { useCourseMutation } from "./use-course-mutation";
import { useReportDirty } from "./use-unsaved-changes-guard";
import { VideoLessonEditor } from "./video/VideoLessonEditor";

const BODY_MAX = 100_000;

/** A lesson opened in the outline: its content editor (by kind), whether it is optional, and where it lives. */
export function LessonContent({
  lesson,
  module,
  modules,
  courseId,
  onMoveTo,
}: {
  lesson: EditableLesson;
  module: EditableModule;
  modules: EditableModule[];
  courseId: string;
  onMoveTo: (moduleId: string) => void;
}) {
  const { t } = useLingui();
  const moveId = useId();
  return (
    <>
      {lesson.kind === "text" ? (
        <TextLessonEditor lesson={lesson} courseId={courseId} />
      ) : lesson.kind === "video" ? (
        <VideoLessonEditor lesson={lesson} courseId={courseId} />
      ) : lesson.kind === "quiz" ? (
        <QuizLessonEditor lesson={lesson} courseId={courseId} />
      ) : lesson.kind === "pdf" ? (
        <DocumentLessonEditor lesson={lesson} courseId={courseId} />
      ) : lesson.kind === "exercise" ? (
        <ExerciseLessonEditor lesson={lesson} courseId={courseId} />
      ) : (
        <AssignmentLessonEditor lesson={lesson} courseId={courseId} />
      )}
      <LessonFlagToggle
        lesson={lesson}
        courseId={courseId}
        flag="isOptional"
        className={o.flag}
        label={t`Optional lesson — doesn't count toward completion`}
        hint={t`Learners can skip it: course progress and the certificate count required lessons only.`}
      />
      {modules.length > 1 && (
        <div className={cx(f.field, o.moveTo)}>
          <label htmlFor={moveId}>
            <Trans>Module</Trans>
          </label>
          <select
            id={moveId}
            value={module.id}
            onChange={(e) => onMoveTo(e.target.value)}
            translate="no"
          >
            {modules.map((m) => (
              <option key={m.id} value={m.id}>
                {m.title}
              </option>
            ))}
          </select>
        </div>
      )}
    </>
  );
}

function TextLessonEditor({ lesson, courseId }: { lesson: EditableLesson; courseId: string }) {
  const { t } = useLingui();
  const [body, setBody] = useState(lesson.body);
  const [minutes, setMinutes] = useState(String(Math.round(lesson.durationSeconds / 60)));
  const [saved, setSaved] = useState({ body: lesson.body, minutes });
  const durationId = useId();
  const dirty = body !== saved.body || minutes !== saved.minutes;
  useReportDirty(`lesson:${lesson.id}`, dirty);
  const save = useCourseMutation(courseId, {
    send: (patch: { body: string; durationSeconds: number }) =>
      trpcClient.authoring.updateLesson.mutate({ lessonId: lesson.id, ...patch }),
    onSuccess: (_r, patch) =>
      setSaved({ body: patch.body, minutes: String(Math.round(patch.durationSeconds / 60)) }),
  });
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    const durationSeconds = Math.max(0, Math.min(24 * 60, Math.round(Number(minutes) || 0))) * 60;
    save.mutate({ body, durationSeconds });
  };
  return (
    <form className={o.editor} onSubmit={submit} noValidate>
      <MarkdownField
        id={lessonBodyId(lesson.id)}
        label={t`Lesson text`}
        value={body}
        onChange={setBody}
        maxLength={BODY_MAX}
        rows={8}
        error={save.error?.message}
      />
      <div className={o.editorFooter}>
        <div className={cx(f.field, o.durationField)}>
          <label htmlFor={durationId}>
            <Trans>Reading time (minutes)</Trans>
          </label>
          <input
            id={durationId}
            type="number"
            inputMode="numeric"
            min={0}
            max={1440}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
          />
        </div>
        <div className={f.actions}>
          <button
            type="submit"
            className={buttonClass({ variant: "primary" })}
            disabled={save.isPending || !dirty}
          >
            {save.isPending ? <Trans>Saving…</Trans> : <Trans>Save lesson</Trans>}
          </button>
          <SaveStatus
            state={saveState(save, dirty)}
            error={save.error?.message}
            onRetry={() => submit()}
          />
        </div>
      </div>
    </form>
  );
}
