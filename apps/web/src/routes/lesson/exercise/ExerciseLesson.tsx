import { plural } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { Markdown } from "../../../components/Markdown";
import { ErrorState } from "../../../components/states";
import { formatPercent } from "../../../lib/learn-outline";
import { apiErrorCode, type CourseDetail, trpc } from "../../../lib/trpc";
import { LockedLesson } from "../LockedLesson";
import lesson from "../lesson.module.css";
import { ExerciseRunner } from "./ExerciseRunner";
import s from "./exercise.module.css";
import { formatMs, type LearnerExercise } from "./exercise-view";

/** A programming exercise: the task, an editor, and runs graded against its tests. */
export function ExerciseLesson({ course, lessonId }: { course: CourseDetail; lessonId: string }) {
  const { t } = useLingui();
  const exercise = useQuery(trpc.exercise.take.queryOptions({ lessonId }));
  if (exercise.isPending) {
    return (
      <div className={lesson.skeleton} role="status">
        <span className={lesson.skeletonLine} />
        <span className={lesson.skeletonShort} />
        <span className={s.skeletonBlock} />
        <span className="visually-hidden">
          <Trans>Loading the exercise…</Trans>
        </span>
      </div>
    );
  }
  if (exercise.isError) {
    const code = apiErrorCode(exercise.error);
    if (code === "FORBIDDEN" || code === "UNAUTHORIZED") {
      return <LockedLesson course={course} kind="exercise" />;
    }
    return (
      <ErrorState
        message={t`We could not load this exercise.`}
        onRetry={() => exercise.refetch()}
      />
    );
  }
  const data = exercise.data;
  return (
    <div className={s.exercise}>
      <section className={lesson.text} aria-label={t`The task`}>
        {data.prompt.trim() ? (
          <Markdown source={data.prompt} headingBase={2} />
        ) : (
          <p className="muted">
            <Trans>This exercise has no description yet.</Trans>
          </p>
        )}
        <ExerciseFacts exercise={data} />
      </section>
      {data.ready ? (
        <ExerciseRunner key={lessonId} exercise={data} course={course} />
      ) : (
        <div className={lesson.notice} role="status">
          <p>
            <Trans>
              This exercise has no tests yet, so there is nothing to run. Check back soon.
            </Trans>
          </p>
        </div>
      )}
    </div>
  );
}

function ExerciseFacts({ exercise }: { exercise: LearnerExercise }) {
  const { t } = useLingui();
  const left = exercise.attemptsLeft;
  const { maxAttempts, memoryMb, functionName } = exercise;
  const samples = exercise.samples.length;
  const hidden = exercise.hiddenTests.count;
  const points = exercise.maxPoints;
  const limit = formatMs(exercise.timeLimitMs);
  const passMark = formatPercent(exercise.passingPercent);
  return (
    <ul className={s.facts} aria-label={t`About this exercise`}>
      <li translate="no">{exercise.language.label}</li>
      {exercise.style === "function" && functionName && (
        <li>
          <Trans>
            Write the function <code translate="no">{functionName}(…)</code>
          </Trans>
        </li>
      )}
      {exercise.style === "stdio" && (
        <li>
          <Trans>Read standard input, print to standard output</Trans>
        </li>
      )}
      {exercise.ready && (
        <li>
          {t`${plural(samples, { one: "# sample test", other: "# sample tests" })} and ${plural(hidden, { one: "# hidden test", other: "# hidden tests" })} · ${plural(points, { one: "# point", other: "# points" })}`}
        </li>
      )}
      <li>
        <Trans>{limit} per test</Trans>
      </li>
      <li>
        <Trans>{memoryMb} MB memory</Trans>
      </li>
      <li>
        <Trans>Pass mark {passMark}</Trans>
      </li>
      <li>
        {maxAttempts === null
          ? t`Unlimited attempts`
          : left === null
            ? t`${plural(maxAttempts, { one: "# attempt allowed", other: "# attempts allowed" })}`
            : t`${left} of ${plural(maxAttempts, { one: "# attempt left", other: "# attempts left" })}`}
      </li>
      {exercise.requiredForCertificate && (
        <li>
          <Trans>Required for the certificate</Trans>
        </li>
      )}
    </ul>
  );
}
