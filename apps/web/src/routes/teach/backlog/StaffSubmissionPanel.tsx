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
  const submission = useQuery({
    ...trpc.assignment.staffSubmission.queryOptions({ submissionId }),
    staleTime: 0,
  });
  const learner = submission.data?.learnerName;
  return (
    <section aria-labelledby={HEADING} className={s.panel}>
      <div className={s.panelHeader}>
        <h2 id={HEADING} tabIndex={-1}>
          {learner ? `Submission by ${learner}` : "Submission"}
        </h2>
        <button type="button" className={linkButtonClass} onClick={onClose}>
          Close submission
        </button>
      </div>
      {submission.isPending ? (
        <LoadingState label="Loading the submission…" />
      ) : submission.isError ? (
        <ErrorState
          message={
            apiErrorCode(submission.error) === "NOT_FOUND"
              ? "We couldn't find that submission."
              : "We couldn't load this submission."
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
  const { grade } = submission;
  return (
    <>
      <div className={s.work}>
        <h3>The work</h3>
        {submission.body.trim() ? (
          <Markdown source={submission.body} headingBase={4} />
        ) : (
          <p className="muted">No text (attachments only).</p>
        )}
      </div>
      <div>
        <h3>Grade</h3>
        {grade ? (
          <p>
            <strong>{percentText(grade.percent)}</strong> ({grade.points} of {grade.maxPoints}{" "}
            points, {grade.passed ? "passed" : "not passed"}) · {gradedByLabel(grade.gradedBy)}
            {grade.staffNote && (
              <>
                <br />
                Note to the learner: {grade.staffNote}
              </>
            )}
          </p>
        ) : (
          <p className="muted">
            {submission.status === "needs_staff"
              ? "Not graded: its review window closed without enough reviews. It waits for your grade."
              : "Not graded yet."}
          </p>
        )}
      </div>
      <div>
        <h3>Reviews</h3>
        {submission.reviews.length === 0 ? (
          <p className="muted">No reviews yet.</p>
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
                        {review.flagResolution ? `Flag ${review.flagResolution}` : "Flagged"}
                      </Badge>
                    </>
                  )}
                </h4>
                {review.flagReason && <p>Flagged as unfair: “{review.flagReason}”</p>}
                <ul className={s.reviewScores}>
                  {review.scores.map((score) => {
                    const criterion = submission.rubric.find((c) => c.id === score.criterionId);
                    const level = criterion?.levels.find((l) => l.id === score.levelId);
                    return (
                      <li key={score.criterionId}>
                        <strong>{criterion?.title ?? "Criterion"}:</strong> {level?.label ?? "—"} (
                        {score.points} points)
                        {score.comment && <span className={s.comment}> “{score.comment}”</span>}
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
