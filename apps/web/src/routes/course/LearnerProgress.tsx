import { Link } from "react-router";
import { ProgressBar } from "../../components/ProgressBar";
import { resumeLesson } from "../../lib/learn-outline";
import type { CourseDetail } from "../../lib/trpc";
import { awaitingCertificate, type CourseProgress, lessonPath } from "../learn/api";
import { CertificateCard } from "../learn/CertificateCard";
import { CertificatePending } from "../learn/CertificatePending";

/**
 * The enrolled learner's place in the course: percent, "Continue where you left off" (the
 * lesson it opens is named), and the certificate once issued.
 */
export function LearnerProgress({
  course,
  progress,
  failed,
}: {
  course: CourseDetail;
  progress: CourseProgress | null | undefined;
  failed: boolean;
}) {
  if (progress === undefined && !failed) {
    return <div className="panel skeleton learner-progress-skeleton" aria-hidden="true" />;
  }
  const next = resumeLesson(course.modules, progress ?? null);
  const started = progress ? progress.lastActivityAt !== null || progress.percent > 0 : false;
  return (
    <>
      <section className="panel learner-progress" aria-labelledby="learner-progress-heading">
        <h2 className="panel-title" id="learner-progress-heading">
          Your progress
        </h2>
        {progress ? (
          <>
            <p className="learner-progress-figure">
              <span className="learner-progress-percent">{progress.percent} %</span>
              <span className="muted">
                {progress.completedRequired} of {progress.requiredLessons} lessons
              </span>
            </p>
            <ProgressBar
              percent={progress.percent}
              label="Course progress"
              valueText={`${progress.percent} % complete`}
            />
            {progress.quizzesToPass > 0 && (
              <p className="muted">
                {progress.quizzesToPass === 1
                  ? "1 required quiz to pass for the certificate."
                  : `${progress.quizzesToPass} required quizzes to pass for the certificate.`}
              </p>
            )}
          </>
        ) : (
          <p className="muted">Your progress could not be loaded right now.</p>
        )}
        {next && (
          <>
            <Link
              to={lessonPath(course.slug, next.id)}
              className="button button-primary button-block"
              aria-describedby="continue-next"
            >
              {progress && progress.percent >= 100
                ? "Review the course"
                : started
                  ? "Continue where you left off"
                  : "Start the course"}
            </Link>
            <p className="continue-lesson muted" id="continue-next">
              Next up: {next.title}
            </p>
          </>
        )}
      </section>
      {progress?.certificate ? (
        <CertificateCard certificate={progress.certificate} headingLevel={2} />
      ) : (
        awaitingCertificate(progress) && <CertificatePending courseId={course.id} />
      )}
    </>
  );
}
