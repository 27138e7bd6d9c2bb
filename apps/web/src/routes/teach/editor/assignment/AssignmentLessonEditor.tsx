import { Plural, Trans, useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { ErrorState, LoadingState } from "../../../../components/states";
import { buttonClass } from "../../../../components/ui/Button";
import { trpc } from "../../../../lib/trpc";
import type { EditableLesson } from "../../api";
import { backlogPath } from "../../backlog/backlog-view";
import { lessonBodyId } from "../../editor-targets";
import { MarkdownField } from "../MarkdownField";
import { PromptedFormFooter } from "../PromptedFormFooter";
import { AssignmentSettingsFields } from "./AssignmentSettingsFields";
import type { EditableAssignment } from "./assignment-editor";
import s from "./assignment-editor.module.css";
import { ASSIGNMENT_LIMITS } from "./assignment-editor-validate";
import { CalibrationExamples } from "./CalibrationExamples";
import { RubricBuilder } from "./RubricBuilder";
import { useAssignmentForm } from "./use-assignment-form";

/**
 * A peer-reviewed assignment lesson's editor: the prompt (the lesson's body), settings, the
 * rubric and calibration examples, saved together; and the way to its reviews backlog.
 */
export function AssignmentLessonEditor({
  lesson,
  courseId,
}: {
  lesson: EditableLesson;
  courseId: string;
}) {
  const { t } = useLingui();
  const assignment = useQuery({
    ...trpc.assignment.edit.queryOptions({ lessonId: lesson.id }),
    staleTime: 0,
  });
  return (
    <div className={s.editor}>
      <div className={s.headingRow}>
        <h4 className={s.heading}>
          <Trans>Assignment</Trans>
        </h4>
        <Link
          to={backlogPath(courseId, lesson.id)}
          className={buttonClass({ variant: "ghost", size: "small" })}
        >
          <Trans>Reviews backlog</Trans>
          {assignment.data && (
            <span className="muted">
              {" "}
              <Plural
                value={assignment.data.submissionCount}
                one="(# submission)"
                other="(# submissions)"
              />
            </span>
          )}
        </Link>
      </div>
      {assignment.isPending ? (
        <LoadingState label={t`Loading the assignment…`} />
      ) : assignment.isError ? (
        <ErrorState
          message={t`We couldn't load this assignment.`}
          onRetry={() => assignment.refetch()}
        />
      ) : (
        <AssignmentForm assignment={assignment.data} prompt={lesson.body} courseId={courseId} />
      )}
    </div>
  );
}

function AssignmentForm({
  assignment,
  prompt,
  courseId,
}: {
  assignment: EditableAssignment;
  prompt: string;
  courseId: string;
}) {
  const { t } = useLingui();
  const form = useAssignmentForm(assignment, prompt, courseId);
  const { draft, errors } = form;
  return (
    <form className={s.form} onSubmit={form.submit} noValidate>
      <MarkdownField
        id={lessonBodyId(form.lessonId)}
        label={t`Prompt`}
        value={draft.prompt}
        onChange={(value) => form.setDraft((d) => ({ ...d, prompt: value }))}
        maxLength={ASSIGNMENT_LIMITS.promptMax}
        rows={8}
        error={errors.prompt}
      />
      <AssignmentSettingsFields form={form} />
      <RubricBuilder form={form} />
      <CalibrationExamples form={form} />
      <PromptedFormFooter form={form} formError={errors.form} noun="assignment" />
    </form>
  );
}
