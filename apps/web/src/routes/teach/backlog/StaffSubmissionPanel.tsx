import type { MessageDescriptor } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { Markdown } from "../../../components/Markdown";
import { ErrorState, LoadingState } from "../../../components/states";
import { Badge } from "../../../components/ui/Badge";
import { linkButtonClass } from "../../../components/ui/Button";
import { apiErrorCode, trpc } from "../../../lib/trpc";
import s from "./backlog.module.css";
import { gradedByLabel, percentText, type StaffSubmission } from "./backlog-view";
import { StaffGradeForm } from "./StaffGradeForm";

const HEADING = "staff-submission-heading";

const FLAG_RESOLUTIONS: Record<string, MessageDescriptor> = {
  kept: msg`Flag kept`,
  overridden: msg`Flag overridden`,
};

/** One submission opened by staff: the work, its anonymous reviews, its grade, and a grade form. */
export function StaffSubmissionPanel({
  lessonId,
  submissionId,
  onClose,
}: {
  lessonId: string;
  submissionId: string;
  onClose: () => void;
}) {
  const { t } = useLingui();
  const submission = useQuery({
    ...trpc.assignment.staffSubmission.queryOptions({ submissionId }),
    staleTime: 0,
  });
  const learner = submission.data?.learnerName;
  return (
    <section aria-labelledby={HEADING} className={s.panel}>
      <div className={s.panelHeader}>
        <h2 id={HEADING} tabIndex={-1}>
          {learner ? (
            <Trans>
              Submission by <span translate="no">{learner}</span>
            </Trans>
          ) : (
            <Trans>Submission</Trans>
          )}
        </h2>
        <button type="button" className={linkButtonClass} onClick={onClose}>
          <Trans>Close submission</Trans>
        </button>
      </div>
      {submission.isPending ? (
        <LoadingState label={t`Loading the submission…`} />
      ) : submission.isError ? (
        <ErrorState
          message={
            apiErrorCode(submission.error) === "NOT_FOUND"
              ? t`We couldn't find that submission.`
              : t`We couldn't load this submission.`
          }
          onRetry={() => submission.refetch()}
        />
      ) : (
        <SubmissionView submission={submission.data} lessonId={lessonId} />
      )}
    </section>
  );
}

function SubmissionView({
  submission,
  lessonId,
}: {
  submission: StaffSubmission;
  lessonId: string;
}) {
  const { t, i18n } = useLingui();
  const { grade } = submission;
  const flagLabel = (resolution: string) => {
    const label = FLAG_RESOLUTIONS[resolution];
    return label ? i18n._(label) : t`Flag ${resolution}`;
  };
  return (
    <>
      <div className={s.work}>
        <h3>
          <Trans>The work</Trans>
        </h3>
        {submission.body.trim() ? (
          <Markdown source={submission.body} headingBase={4} />
        ) : (
          <p className="muted">
            <Trans>No text (attachments only).</Trans>
          </p>
        )}
      </div>
      <div>
        <h3>
          <Trans>Grade</Trans>
        </h3>
        {grade ? (
          <p>
            {grade.passed ? (
              <Trans>
                <strong>{percentText(grade.percent)}</strong> ({grade.points} of {grade.maxPoints}{" "}
                points, passed) · {gradedByLabel(grade.gradedBy)}
              </Trans>
            ) : (
              <Trans>
                <strong>{percentText(grade.percent)}</strong> ({grade.points} of {grade.maxPoints}{" "}
                points, not passed) · {gradedByLabel(grade.gradedBy)}
              </Trans>
            )}
            {grade.staffNote && (
              <>
                <br />
                <Trans>
                  Note to the learner: <span translate="no">{grade.staffNote}</span>
                </Trans>
              </>
            )}
          </p>
        ) : (
          <p className="muted">
            {submission.status === "needs_staff"
              ? t`Not graded: its review window closed without enough reviews. It waits for your grade.`
              : t`Not graded yet.`}
          </p>
        )}
      </div>
      <div>
        <h3>
          <Trans>Reviews</Trans>
        </h3>
        {submission.reviews.length === 0 ? (
          <p className="muted">
            <Trans>No reviews yet.</Trans>
          </p>
        ) : (
          <ol className={s.reviews}>
            {submission.reviews.map((review) => (
              <li key={review.reviewId} className={s.review}>
                <h4>
                  {review.label}
                  {review.flagged && (
                    <>
                      {" "}
                      <Badge tone={review.flagResolution ? "neutral" : "warning"}>
                        {review.flagResolution ? flagLabel(review.flagResolution) : t`Flagged`}
                      </Badge>
                    </>
                  )}
                </h4>
                {review.flagReason && (
                  <p>
                    <Trans>
                      Flagged as unfair: “<span translate="no">{review.flagReason}</span>”
                    </Trans>
                  </p>
                )}
                <ul className={s.reviewScores}>
                  {review.scores.map((score) => {
                    const criterion = submission.rubric.find((c) => c.id === score.criterionId);
                    const level = criterion?.levels.find((l) => l.id === score.levelId);
                    return (
                      <li key={score.criterionId}>
                        <Trans>
                          <strong>{criterion?.title ?? t`Criterion`}:</strong> {level?.label ?? "—"}{" "}
                          ({score.points} points)
                        </Trans>
                        {score.comment && (
                          <span className={s.comment} translate="no">
                            {" "}
                            “{score.comment}”
                          </span>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </li>
            ))}
          </ol>
        )}
      </div>
      <StaffGradeForm submission={submission} lessonId={lessonId} />
    </>
  );
}
