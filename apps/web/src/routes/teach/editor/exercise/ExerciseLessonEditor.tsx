import { Trans, useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { CodeEditor } from "../../../../components/code-editor/CodeEditor";
import { ErrorState, LoadingState } from "../../../../components/states";
import { fieldStyles as f } from "../../../../components/ui/Field";
import { trpc } from "../../../../lib/trpc";
import { type EditableLesson, refreshCourse } from "../../api";
import { lessonBodyId } from "../../editor-targets";
import { MarkdownField } from "../MarkdownField";
import { PromptedFormFooter } from "../PromptedFormFooter";
import { ExerciseSettingsFields } from "./ExerciseSettingsFields";
import { type EditableExercise, exerciseFieldId } from "./exercise-editor";
import s from "./exercise-editor.module.css";
import { EXERCISE_LIMITS } from "./exercise-editor-validate";
import { ReferenceCheckPanel } from "./ReferenceCheckPanel";
import { TestList } from "./TestList";
import { useExerciseForm } from "./use-exercise-form";

const POLL_MS = 1000;

/**
 * A programming exercise lesson's editor: the prompt (the lesson's body), settings, starter
 * code, reference solution and tests, saved together; then the grader's check of the
 * reference solution, followed live until it is graded.
 */
export function ExerciseLessonEditor({
  lesson,
  courseId,
}: {
  lesson: EditableLesson;
  courseId: string;
}) {
  const { t } = useLingui();
  const exercise = useQuery({
    ...trpc.exercise.edit.queryOptions({ lessonId: lesson.id }),
    staleTime: 0,
    // While the grader checks the reference solution, ask again every second.
    refetchInterval: (query) => {
      const check = query.state.data?.referenceCheck;
      return check && check.status !== "graded" ? POLL_MS : false;
    },
  });
  useCourseFollowsCheck(exercise.data, courseId);
  return (
    <div className={s.editor}>
      <h4 id={lessonBodyId(lesson.id)} tabIndex={-1} className={s.heading}>
        <Trans>Exercise</Trans>
      </h4>
      {exercise.isPending ? (
        <LoadingState label={t`Loading the exercise…`} />
      ) : exercise.isError ? (
        <ErrorState
          message={t`We couldn't load this exercise.`}
          onRetry={() => exercise.refetch()}
        />
      ) : (
        <>
          <ExerciseForm exercise={exercise.data} prompt={lesson.body} courseId={courseId} />
          <ReferenceCheckPanel exercise={exercise.data} />
        </>
      )}
    </div>
  );
}

/** Once a check is graded, the outline's badge and the publish checklist are read again. */
function useCourseFollowsCheck(exercise: EditableExercise | undefined, courseId: string) {
  const check = exercise?.referenceCheck;
  const key = check ? `${check.submissionId}:${check.status}` : "";
  const previous = useRef(key);
  useEffect(() => {
    const before = previous.current;
    previous.current = key;
    if (key !== before && key.endsWith(":graded")) void refreshCourse(courseId);
  }, [key, courseId]);
}

function ExerciseForm({
  exercise,
  prompt,
  courseId,
}: {
  exercise: EditableExercise;
  prompt: string;
  courseId: string;
}) {
  const { t } = useLingui();
  const form = useExerciseForm(exercise, prompt, courseId);
  const { draft, errors } = form;
  const id = (field: string) => exerciseFieldId(form.lessonId, field);
  const language = draft.settings.language;
  return (
    <form className={s.form} onSubmit={form.submit} noValidate>
      <MarkdownField
        id={id("prompt")}
        label={t`Prompt`}
        value={draft.prompt}
        onChange={(value) => form.setDraft((d) => ({ ...d, prompt: value }))}
        maxLength={EXERCISE_LIMITS.promptMax}
        rows={8}
        error={errors.prompt}
      />
      <ExerciseSettingsFields form={form} languages={exercise.languages} />
      <section className={s.code} aria-label={t`Code`}>
        <CodeField
          id={id("starterCode")}
          label={t`Starter code`}
          hint={t`What learners start from in their editor. May be empty.`}
          error={errors.starterCode}
          language={language}
          value={draft.starterCode}
          onChange={(value) => form.setDraft((d) => ({ ...d, starterCode: value }))}
        />
        <CodeField
          id={id("referenceSolution")}
          label={t`Reference solution`}
          hint={t`Never shown to learners. Saving runs it against every test; it must pass them all before the course can be published.`}
          error={errors.referenceSolution}
          language={language}
          value={draft.referenceSolution}
          onChange={(value) => form.setDraft((d) => ({ ...d, referenceSolution: value }))}
        />
      </section>
      <TestList form={form} />
      <PromptedFormFooter form={form} formError={errors.form} noun="exercise" />
    </form>
  );
}

/**
 * A code editor with a visible label (the editor's own name is its aria-label: the label's
 * `for` reaches its stand-in textarea, not CodeMirror's surface) and our hint and error
 * below, read with it. The editor shows its keyboard hint as `${id}-hint`.
 */
function CodeField({
  id,
  hint,
  error,
  ...editor
}: {
  id: string;
  label: string;
  hint: string;
  error: string | undefined;
  language: EditableExercise["settings"]["language"];
  value: string;
  onChange: (value: string) => void;
}) {
  const aboutId = `${id}-about`;
  const described = [aboutId, error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className={s.codeField}>
      <label htmlFor={id} className={s.codeLabel}>
        {editor.label}
      </label>
      <CodeEditor id={id} minLines={8} describedBy={described} {...editor} />
      <p id={aboutId} className={f.hint}>
        {hint}
      </p>
      {error && (
        <p id={`${id}-error`} className={f.error}>
          {error}
        </p>
      )}
    </div>
  );
}
