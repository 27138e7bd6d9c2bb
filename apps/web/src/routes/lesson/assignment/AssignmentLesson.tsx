import { Trans, useLingui } from "@lingui/react/macro";
import { Markdown } from "../../../components/Markdown";
import { ErrorState } from "../../../components/states";
import { Notice } from "../../../components/ui/Notice";
import { apiErrorCode, type CourseDetail } from "../../../lib/trpc";
import { LockedLesson } from "../LockedLesson";
import lesson from "../lesson.module.css";
import { AssignmentFacts } from "./AssignmentFacts";
import s from "./assignment.module.css";
import { type LearnerAssignment, NEEDS_STAFF_TEXT, stepsOf } from "./assignment-view";
import { Calibration } from "./Calibration";
import { GradeReport } from "./GradeReport";
import { ReviewPeers } from "./ReviewPeers";
import { RubricTable } from "./RubricTable";
import { Stepper } from "./Stepper";
import { SubmitWork } from "./SubmitWork";
import { useAssignment } from "./use-assignment";

/**
 * A peer-reviewed assignment: the prompt and rubric, the learner's submission, practice on
 * the instructor's examples, reviews of classmates' work, and the grade those reviews give.
 */
export function AssignmentLesson({ course, lessonId }: { course: CourseDetail; lessonId: string }) {
  const { t } = useLingui();
  const assignment = useAssignment(lessonId);
  if (assignment.isPending) {
    return (
      <div className={lesson.skeleton} role="status">
        <span className={lesson.skeletonLine} />
        <span className={lesson.skeletonLine} />
        <span className={lesson.skeletonShort} />
        <span className="visually-hidden">
          <Trans>Loading the assignment…</Trans>
        </span>
      </div>
    );
  }
  if (assignment.isError) {
    const code = apiErrorCode(assignment.error);
    if (code === "FORBIDDEN" || code === "UNAUTHORIZED") {
      return <LockedLesson course={course} kind="assignment" />;
    }
    return (
      <ErrorState
        message={t`We could not load this assignment.`}
        onRetry={() => assignment.refetch()}
      />
    );
  }
  const data = assignment.data;
  return (
    <div className={s.assignment}>
      {data.enrolled && <Stepper steps={stepsOf(data)} />}
      {data.stage === "needs_staff" && (
        <Notice tone="info" as="p">
          {t(NEEDS_STAFF_TEXT)}
        </Notice>
      )}
      {data.grade && <GradeReport assignment={data} grade={data.grade} courseId={course.id} />}
      <section className={lesson.text} aria-label={t`The assignment`}>
        {data.prompt.trim() ? (
          <Markdown source={data.prompt} headingBase={2} />
        ) : (
          <p className="muted">
            <Trans>This assignment has no prompt yet.</Trans>
          </p>
        )}
        <AssignmentFacts assignment={data} />
      </section>
      <RubricTable rubric={data.rubric} />
      {data.enrolled ? (
        <LearnerSteps assignment={data} courseId={course.id} />
      ) : (
        <Notice tone="info" as="p">
          <Trans>
            You are previewing this assignment as an editor. Only enrolled learners submit work and
            review each other's.
          </Trans>
        </Notice>
      )}
    </div>
  );
}

function LearnerSteps({
  assignment,
  courseId,
}: {
  assignment: LearnerAssignment;
  courseId: string;
}) {
  const examples = assignment.calibration.examples;
  const calibrated = examples.every((e) => e.done);
  return (
    <>
      <SubmitWork assignment={assignment} courseId={courseId} />
      {assignment.submission && examples.length > 0 && (
        <Calibration assignment={assignment} courseId={courseId} />
      )}
      {assignment.submission && (
        <ReviewPeers
          key={assignment.lessonId}
          assignment={assignment}
          courseId={courseId}
          calibrated={calibrated}
        />
      )}
    </>
  );
}
