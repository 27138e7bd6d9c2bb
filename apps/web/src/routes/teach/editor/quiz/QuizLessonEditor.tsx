import { plural } from "@lingui/core/macro";
import { Plural, Trans, useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { ErrorState, LoadingState } from "../../../../components/states";
import { buttonClass } from "../../../../components/ui/Button";
import { fieldStyles as f } from "../../../../components/ui/Field";
import { Notice } from "../../../../components/ui/Notice";
import { trpc } from "../../../../lib/trpc";
import type { EditableLesson } from "../../api";
import { lessonBodyId } from "../../editor-targets";
import { SaveStatus } from "../SaveStatus";
import { AddQuestion } from "./AddQuestion";
import { QuestionCard } from "./QuestionCard";
import { QuizSettingsFields } from "./QuizSettingsFields";
import type { EditableQuiz } from "./quiz-editor";
import s from "./quiz-editor.module.css";
import { useQuizForm } from "./use-quiz-form";

/** A quiz lesson's editor: its settings and questions, answers included, saved together. */
export function QuizLessonEditor({
  lesson,
  courseId,
}: {
  lesson: EditableLesson;
  courseId: string;
}) {
  const { t } = useLingui();
  const quiz = useQuery({ ...trpc.quiz.edit.queryOptions({ lessonId: lesson.id }), staleTime: 0 });
  return (
    <div className={s.editor}>
      <h4 id={lessonBodyId(lesson.id)} tabIndex={-1} className={s.heading}>
        <Trans>Quiz</Trans>
      </h4>
      {quiz.isPending ? (
        <LoadingState label={t`Loading the quiz…`} />
      ) : quiz.isError ? (
        <ErrorState message={t`We couldn't load this quiz.`} onRetry={() => quiz.refetch()} />
      ) : (
        <QuizForm quiz={quiz.data} courseId={courseId} />
      )}
    </div>
  );
}

function QuizForm({ quiz, courseId }: { quiz: EditableQuiz; courseId: string }) {
  const { t } = useLingui();
  const form = useQuizForm(quiz, courseId);
  const { draft, errors, save } = form;
  const count = draft.questions.length;
  const totalPoints = draft.questions.reduce((sum, q) => sum + (Number(q.points) || 0), 0);
  const headingId = `quiz-questions-${form.lessonId}`;
  return (
    <form className={s.form} onSubmit={form.submit} noValidate>
      {form.attemptCount > 0 && (
        <Notice tone="warning" as="p">
          <Plural
            value={form.attemptCount}
            one="Learners have submitted # attempt. You can still edit the quiz: new attempts use your changes, and past scores keep their grading."
            other="Learners have submitted # attempts. You can still edit the quiz: new attempts use your changes, and past scores keep their grading."
          />
        </Notice>
      )}
      <QuizSettingsFields form={form} />
      <section className={s.questions} aria-labelledby={headingId}>
        <h5 id={headingId} tabIndex={-1}>
          <Trans>Questions</Trans>{" "}
          <span className="muted">
            {t`(${plural(count, { one: "# question", other: "# questions" })}, ${plural(totalPoints, { one: "# point", other: "# points" })})`}
          </span>
        </h5>
        {count === 0 ? (
          <p className="muted">
            <Trans>No questions yet. Add the first one below.</Trans>
          </p>
        ) : (
          <ol className={s.questionList}>
            {draft.questions.map((question, index) => (
              <li key={question.key}>
                <QuestionCard
                  form={form}
                  question={question}
                  index={index}
                  last={index === count - 1}
                  errors={errors.questions[question.key]}
                  headingId={headingId}
                />
              </li>
            ))}
          </ol>
        )}
        <AddQuestion form={form} />
      </section>
      {errors.form && (
        <p className={f.formError} role="alert">
          {errors.form}
        </p>
      )}
      {form.problemCount > 0 && !errors.form && (
        <p className={f.formError} role="alert">
          {form.refused ? `${t`The quiz wasn't saved.`} ` : ""}
          <Plural
            value={form.problemCount}
            one="Fix # problem marked above before saving."
            other="Fix # problems marked above before saving."
          />
        </p>
      )}
      <div className={f.actions}>
        <button
          type="submit"
          className={buttonClass({ variant: "primary" })}
          disabled={save.isPending || !form.dirty}
        >
          {save.isPending ? <Trans>Saving…</Trans> : <Trans>Save quiz</Trans>}
        </button>
        <SaveStatus
          state={form.status}
          error={form.refused ? t`Not saved.` : save.error?.message}
          onRetry={() => form.submit()}
        />
      </div>
    </form>
  );
}
