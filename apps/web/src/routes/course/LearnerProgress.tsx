import { Plural, Trans, useLingui } from "@lingui/react/macro";
import { ProgressBar } from "../../components/ProgressBar";
import { ButtonLink } from "../../components/ui/Button";
import { cx } from "../../components/ui/cx";
import { Panel, panelStyles } from "../../components/ui/Panel";
import { resumeLesson } from "../../lib/learn-outline";
import type { CourseDetail } from "../../lib/trpc";
import { awaitingCertificate, type CourseProgress, lessonPath } from "../learn/api";
import { CertificateCard } from "../learn/CertificateCard";
import { CertificatePending } from "../learn/CertificatePending";
import s from "./LearnerProgress.module.css";

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
  const { t } = useLingui();
  if (progress === undefined && !failed) {
    return <div className={s.skeleton} aria-hidden="true" />;
  }
  const next = resumeLesson(course.modules, progress ?? null);
  const started = progress ? progress.lastActivityAt !== null || progress.percent > 0 : false;
  const percent = progress?.percent ?? 0;
  const done = progress?.completedRequired ?? 0;
  const required = progress?.requiredLessons ?? 0;
  const nextTitle = next?.title;
  return (
    <>
      <Panel as="section" raised stack aria-labelledby="learner-progress-heading">
        <h2 className={panelStyles.title} id="learner-progress-heading">
          <Trans>Your progress</Trans>
        </h2>
        {progress ? (
          <>
            <p className={s.figure}>
              <span className={s.percent}>{progress.percent} %</span>
              <span className="muted">
                <Trans>
                  {done} of {required} lessons
                </Trans>
              </span>
            </p>
            <ProgressBar
              percent={progress.percent}
              label={t`Course progress`}
              valueText={t`${percent} % complete`}
            />
            {progress.assessmentsToPass > 0 && (
              <p className="muted">
                <Plural
                  value={progress.assessmentsToPass}
                  one="# required quiz, exercise or assignment to pass for the certificate."
                  other="# required quizzes, exercises and assignments to pass for the certificate."
                />
              </p>
            )}
          </>
        ) : (
          <p className="muted">
            <Trans>Your progress could not be loaded right now.</Trans>
          </p>
        )}
        {next && (
          <>
            <ButtonLink
              to={lessonPath(course.slug, next.id)}
              variant="primary"
              block
              aria-describedby="continue-next"
            >
              {progress && progress.percent >= 100 ? (
                <Trans>Review the course</Trans>
              ) : started ? (
                <Trans>Continue where you left off</Trans>
              ) : (
                <Trans>Start the course</Trans>
              )}
            </ButtonLink>
            <p className={cx(s.continue, "muted")} id="continue-next">
              <Trans>Next up: {nextTitle}</Trans>
            </p>
          </>
        )}
      </Panel>
      {progress?.certificate ? (
        <CertificateCard certificate={progress.certificate} headingLevel={2} />
      ) : (
        awaitingCertificate(progress) && <CertificatePending courseId={course.id} />
      )}
    </>
  );
}
