import { Plural, Trans, useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { ErrorState } from "../../../components/states";
import { formatPercent } from "../../../lib/learn-outline";
import { apiErrorCode, type CourseDetail, trpc } from "../../../lib/trpc";
import type { LearnerQuiz } from "../../learn/api";
import { LockedLesson } from "../LockedLesson";
import lesson from "../lesson.module.css";
import { QuizRunner } from "./QuizRunner";
import s from "./quiz.module.css";

/** A quiz lesson: the questions (never the answers) and the learner's attempts. */
export function QuizLesson({ course, lessonId }: { course: CourseDetail; lessonId: string }) {
  const { t } = useLingui();
  const quiz = useQuery(trpc.quiz.take.queryOptions({ lessonId }));
  if (quiz.isPending) {
    return (
      <div className={lesson.skeleton} role="status">
        <span className={lesson.skeletonLine} />
        <span className={s.skeletonBlock} />
        <span className="visually-hidden">
          <Trans>Loading the quiz…</Trans>
        </span>
      </div>
    );
  }
  if (quiz.isError) {
    const code = apiErrorCode(quiz.error);
    if (code === "FORBIDDEN" || code === "UNAUTHORIZED") {
      return <LockedLesson course={course} kind="quiz" />;
    }
    return <ErrorState message={t`We could not load this quiz.`} onRetry={() => quiz.refetch()} />;
  }
  if (quiz.data.questions.length === 0) {
    return (
      <div className={lesson.notice} role="status">
        <p>
          <Trans>This quiz has no questions yet. Check back soon.</Trans>
        </p>
      </div>
    );
  }
  return (
    <>
      <QuizSummary quiz={quiz.data} />
      <QuizRunner key={lessonId} quiz={quiz.data} course={course} />
    </>
  );
}

function QuizSummary({ quiz }: { quiz: LearnerQuiz }) {
  const { t } = useLingui();
  const { settings } = quiz;
  const passMark = formatPercent(settings.passingPercent);
  return (
    <ul className={s.summary} aria-label={t`About this quiz`}>
      <li>
        <Plural value={quiz.questions.length} one="# question" other="# questions" />
      </li>
      <li>
        <Plural value={quiz.maxPoints} one="# point" other="# points" />
      </li>
      <li>
        <Trans>Pass mark {passMark}</Trans>
      </li>
      <li>
        {settings.maxAttempts === null ? (
          <Trans>Unlimited attempts</Trans>
        ) : (
          <Plural value={settings.maxAttempts} one="# attempt allowed" other="# attempts allowed" />
        )}
      </li>
      {settings.requiredForCertificate && (
        <li>
          <Trans>Required for the certificate</Trans>
        </li>
      )}
    </ul>
  );
}
