import { useLingui } from "@lingui/react/macro";
import { type FormEvent, useState } from "react";
import type { CourseDetail } from "../../../lib/trpc";
import type { LearnerQuiz } from "../../learn/api";
import { QuestionField } from "./QuestionField";
import { QuizResult } from "./QuizResult";
import s from "./quiz.module.css";
import { type DraftAnswer, toSubmission } from "./quiz-answers";
import { SubmitBar } from "./SubmitBar";
import { useQuizSubmit } from "./use-quiz-submit";

type Drafts = Record<string, DraftAnswer>;

/**
 * Answering and reviewing. A learner with attempts opens on the latest one's feedback; a
 * graded submit shows its score with the answers given; "Try again" starts a blank attempt.
 */
export function QuizRunner({ quiz, course }: { quiz: LearnerQuiz; course: CourseDetail }) {
  const { t } = useLingui();
  const [answering, setAnswering] = useState(quiz.attempts.length === 0);
  const [drafts, setDrafts] = useState<Drafts>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [unanswered, setUnanswered] = useState<string[] | null>(null);
  const [graded, setGraded] = useState<{ attemptId: string; replayed: boolean } | null>(null);
  const submit = useQuizSubmit(quiz.lessonId, course.id);
  const reviewed = answering
    ? null
    : (quiz.attempts.find((a) => a.attemptId === graded?.attemptId) ?? quiz.attempts[0] ?? null);
  const feedback = new Map(reviewed?.feedback.map((f) => [f.questionId, f]));
  const preview = quiz.enrollmentId === null;

  const focusQuestion = (questionId: string | undefined) =>
    requestAnimationFrame(() => document.getElementById(`question-${questionId}`)?.focus());

  const send = (confirmed: boolean) => {
    const submission = toSubmission(quiz.questions, drafts);
    const invalid = Object.keys(submission.errors);
    setErrors(submission.errors);
    if (invalid.length > 0)
      return focusQuestion(quiz.questions.find((q) => submission.errors[q.id])?.id);
    if (submission.unanswered.length > 0 && !confirmed) return setUnanswered(submission.unanswered);
    setUnanswered(null);
    submit.mutate(submission.answers, {
      onSuccess: (result) => {
        setGraded({ attemptId: result.attempt.attemptId, replayed: result.replayed });
        setAnswering(false);
      },
    });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!preview && !submit.isPending) send(false);
  };
  const tryAgain = () => {
    submit.reset();
    setDrafts({});
    setErrors({});
    setGraded(null);
    setAnswering(true);
    focusQuestion(quiz.questions[0]?.id);
  };

  return (
    <div className={s.quiz}>
      {reviewed && (
        <QuizResult
          quiz={quiz}
          attempt={reviewed}
          focusOnMount={graded !== null}
          replayed={graded?.replayed ?? false}
          onTryAgain={tryAgain}
        />
      )}
      <form className={s.form} onSubmit={onSubmit} noValidate aria-label={t`Quiz questions`}>
        {quiz.questions.map((question, index) => (
          <QuestionField
            key={question.id}
            question={question}
            number={index + 1}
            // Reviewing an attempt from an earlier visit: the answers given are not kept here.
            draft={answering || graded ? drafts[question.id] : undefined}
            onChange={(draft) => {
              setDrafts((was) => ({ ...was, [question.id]: draft }));
              if (errors[question.id]) setErrors(({ [question.id]: _, ...rest }) => rest);
            }}
            error={errors[question.id]}
            feedback={feedback.get(question.id)}
            readOnly={!answering || submit.isPending}
          />
        ))}
        {answering && (
          <SubmitBar
            preview={preview}
            published={course.status === "published"}
            pending={submit.isPending}
            failure={
              submit.isError ? { retryable: submit.retryable, message: submit.error.message } : null
            }
            unanswered={
              unanswered?.map((id) => quiz.questions.findIndex((q) => q.id === id) + 1) ?? null
            }
            onSubmitAnyway={() => send(true)}
            onKeepAnswering={() => {
              focusQuestion(unanswered?.[0]);
              setUnanswered(null);
            }}
          />
        )}
      </form>
    </div>
  );
}
