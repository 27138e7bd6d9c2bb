import { useQuery } from "@tanstack/react-query";
import { ErrorState } from "../../../components/states";
import { plural } from "../../../lib/format";
import { formatPercent } from "../../../lib/learn-outline";
import { apiErrorCode, type CourseDetail, trpc } from "../../../lib/trpc";
import type { LearnerQuiz } from "../../learn/api";
import { LockedLesson } from "../LockedLesson";
import lesson from "../lesson.module.css";
import { QuizRunner } from "./QuizRunner";
import s from "./quiz.module.css";

/** A quiz lesson: the questions (never the answers) and the learner's attempts. */
export function QuizLesson({ course, lessonId }: { course: CourseDetail; lessonId: string }) {
  const quiz = useQuery(trpc.quiz.take.queryOptions({ lessonId }));
  if (quiz.isPending) {
    return (
      <div className={lesson.skeleton} role="status">
        <span className={lesson.skeletonLine} />
        <span className={s.skeletonBlock} />
        <span className="visually-hidden">Loading the quiz…</span>
      </div>
    );
  }
  if (quiz.isError) {
    const code = apiErrorCode(quiz.error);
    if (code === "FORBIDDEN" || code === "UNAUTHORIZED") {
      return <LockedLesson course={course} kind="quiz" />;
    }
    return <ErrorState message="We could not load this quiz." onRetry={() => quiz.refetch()} />;
  }
  if (quiz.data.questions.length === 0) {
    return (
      <div className={lesson.notice} role="status">
        <p>This quiz has no questions yet. Check back soon.</p>
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
  const { settings } = quiz;
  return (
    <ul className={s.summary} aria-label="About this quiz">
      <li>{plural(quiz.questions.length, "question")}</li>
      <li>{plural(quiz.maxPoints, "point")}</li>
      <li>Pass mark {formatPercent(settings.passingPercent)}</li>
      <li>
        {settings.maxAttempts === null
          ? "Unlimited attempts"
          : `${plural(settings.maxAttempts, "attempt")} allowed`}
      </li>
      {settings.requiredForCertificate && <li>Required for the certificate</li>}
    </ul>
  );
}
