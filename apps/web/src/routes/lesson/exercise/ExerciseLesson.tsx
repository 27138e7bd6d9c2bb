import { useQuery } from "@tanstack/react-query";
import { Markdown } from "../../../components/Markdown";
import { ErrorState } from "../../../components/states";
import { plural } from "../../../lib/format";
import { formatPercent } from "../../../lib/learn-outline";
import { apiErrorCode, type CourseDetail, trpc } from "../../../lib/trpc";
import { LockedLesson } from "../LockedLesson";
import lesson from "../lesson.module.css";
import { ExerciseRunner } from "./ExerciseRunner";
import s from "./exercise.module.css";
import { formatMs, type LearnerExercise } from "./exercise-view";

/** A programming exercise: the task, an editor, and runs graded against its tests. */
export function ExerciseLesson({ course, lessonId }: { course: CourseDetail; lessonId: string }) {
  const exercise = useQuery(trpc.exercise.take.queryOptions({ lessonId }));
  if (exercise.isPending) {
    return (
      <div className={lesson.skeleton} role="status">
        <span className={lesson.skeletonLine} />
        <span className={lesson.skeletonShort} />
        <span className={s.skeletonBlock} />
        <span className="visually-hidden">Loading the exercise…</span>
      </div>
    );
  }
  if (exercise.isError) {
    const code = apiErrorCode(exercise.error);
    if (code === "FORBIDDEN" || code === "UNAUTHORIZED") {
      return <LockedLesson course={course} kind="exercise" />;
    }
    return (
      <ErrorState message="We could not load this exercise." onRetry={() => exercise.refetch()} />
    );
  }
  const data = exercise.data;
  return (
    <div className={s.exercise}>
      <section className={lesson.text} aria-label="The task">
        {data.prompt.trim() ? (
          <Markdown source={data.prompt} headingBase={2} />
        ) : (
          <p className="muted">This exercise has no description yet.</p>
        )}
        <ExerciseFacts exercise={data} />
      </section>
      {data.ready ? (
        <ExerciseRunner key={lessonId} exercise={data} course={course} />
      ) : (
        <div className={lesson.notice} role="status">
          <p>This exercise has no tests yet, so there is nothing to run. Check back soon.</p>
        </div>
      )}
    </div>
  );
}

function ExerciseFacts({ exercise }: { exercise: LearnerExercise }) {
  const left = exercise.attemptsLeft;
  return (
    <ul className={s.facts} aria-label="About this exercise">
      <li>{exercise.language.label}</li>
      {exercise.style === "function" && exercise.functionName && (
        <li>
          Write the function <code>{exercise.functionName}(…)</code>
        </li>
      )}
      {exercise.style === "stdio" && <li>Read standard input, print to standard output</li>}
      {exercise.ready && (
        <li>
          {plural(exercise.samples.length, "sample test")} and{" "}
          {plural(exercise.hiddenTests.count, "hidden test")} ·{" "}
          {plural(exercise.maxPoints, "point")}
        </li>
      )}
      <li>{formatMs(exercise.timeLimitMs)} per test</li>
      <li>{exercise.memoryMb} MB memory</li>
      <li>Pass mark {formatPercent(exercise.passingPercent)}</li>
      <li>
        {exercise.maxAttempts === null
          ? "Unlimited attempts"
          : left === null
            ? `${plural(exercise.maxAttempts, "attempt")} allowed`
            : `${left} of ${plural(exercise.maxAttempts, "attempt")} left`}
      </li>
      {exercise.requiredForCertificate && <li>Required for the certificate</li>}
    </ul>
  );
}
