import { Trans, useLingui } from "@lingui/react/macro";
import { useRef, useState } from "react";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { formatPercent } from "../../../lib/learn-outline";
import s from "./assignment.module.css";
import {
  flagStatus,
  formatMoment,
  type Grade,
  gradedByText,
  type LearnerAssignment,
  type ReceivedReview,
} from "./assignment-view";
import { FlagDialog } from "./FlagDialog";
import { criterionMax, formatPoints } from "./rubric-view";
import { levelName, levelOf, type Rubric } from "./scores-form";

/** The grade, how it came about, and each anonymous review of the learner's work. */
export function GradeReport({
  assignment,
  grade,
  courseId,
}: {
  assignment: LearnerAssignment;
  grade: Grade;
  courseId: string;
}) {
  const { t } = useLingui();
  const { rubric, reviews, settings } = assignment;
  const byStaff = grade.gradedBy === "staff" || grade.gradedBy === "override";
  const received = assignment.submission?.reviewsReceived ?? reviews.length;
  const points = formatPoints(grade.points);
  const maxPoints = formatPoints(grade.maxPoints);
  const passMark = formatPercent(settings.passingPercent);
  const gradedAt = formatMoment(grade.gradedAt);
  return (
    <section className={s.panel} aria-labelledby="assignment-grade">
      <h2 id="assignment-grade" className={s.heading}>
        <Trans>Your grade</Trans>
      </h2>
      <p className={s.score}>
        <strong>
          <Trans>
            {points} of {maxPoints} points
          </Trans>
        </strong>{" "}
        · {formatPercent(grade.percent)}{" "}
        <Badge tone={grade.passed ? "success" : "warning"}>
          {grade.passed ? <Trans>Passed</Trans> : <Trans>Not passed</Trans>}
        </Badge>
      </p>
      <p className={s.muted}>
        <Trans>
          Pass mark {passMark} · graded {gradedAt}
        </Trans>
      </p>
      <p>{gradedByText(grade, received, settings.reviewsNeeded)}</p>
      {byStaff && grade.staffNote && (
        <blockquote className={s.note}>
          <p className={s.noteTitle}>
            <Trans>The instructor's note</Trans>
          </p>
          <p translate="no">{grade.staffNote}</p>
        </blockquote>
      )}
      <h3 className={s.subheading}>
        <Trans>By criterion</Trans>
      </h3>
      <ul className={s.criteria}>
        {rubric.map((criterion) => {
          const score = grade.scores.find((x) => x.criterionId === criterion.id);
          const got = score ? formatPoints(score.points) : "";
          const max = criterionMax(criterion);
          return (
            <li key={criterion.id}>
              <span className={s.criterionTitle} translate="no">
                {criterion.title}
              </span>{" "}
              {!score
                ? t`Not graded`
                : byStaff
                  ? t`Instructor's grade: ${got} of ${max} points`
                  : t`Median: ${got} of ${max} points`}
              {byStaff && score?.comment && (
                <p className={s.comment} translate="no">
                  {score.comment}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {reviews.length > 0 && (
        <>
          <h3 className={s.subheading}>
            <Trans>Reviews of your work</Trans>
          </h3>
          {byStaff && grade.gradedBy === "override" && (
            <p className={s.muted}>
              <Trans>These reviews no longer count toward your grade.</Trans>
            </p>
          )}
          <div className={s.reviews}>
            {reviews.map((review) => (
              <ReviewCard
                key={review.reviewId}
                review={review}
                rubric={rubric}
                lessonId={assignment.lessonId}
                courseId={courseId}
              />
            ))}
          </div>
        </>
      )}
    </section>
  );
}

function ReviewCard({
  review,
  rubric,
  lessonId,
  courseId,
}: {
  review: ReceivedReview;
  rubric: Rubric;
  lessonId: string;
  courseId: string;
}) {
  const { t } = useLingui();
  const [flagging, setFlagging] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const headingId = `review-${review.reviewId}`;
  return (
    <article className={s.review} aria-labelledby={headingId}>
      <h4 id={headingId} ref={heading} tabIndex={-1} className={s.reviewer}>
        {review.label}
      </h4>
      <dl className={s.reviewScores}>
        {rubric.map((criterion) => {
          const score = review.scores.find((x) => x.criterionId === criterion.id);
          const level = levelOf(criterion, score);
          const got = score ? formatPoints(score.points) : "";
          return (
            <div key={criterion.id}>
              <dt translate="no">{criterion.title}</dt>
              <dd>
                {score ? (level ? levelName(level) : t`${got} points`) : "—"}
                {score?.comment && (
                  <p className={s.comment} translate="no">
                    {score.comment}
                  </p>
                )}
              </dd>
            </div>
          );
        })}
      </dl>
      {review.flagged ? (
        <p className={s.flagged} role="status">
          {flagStatus(review)}
        </p>
      ) : (
        <Button variant="ghost" size="small" onClick={() => setFlagging(true)}>
          <Trans>Flag as unfair</Trans>
        </Button>
      )}
      {flagging && (
        <FlagDialog
          reviewId={review.reviewId}
          reviewer={review.label}
          lessonId={lessonId}
          courseId={courseId}
          onClose={(flagged) => {
            setFlagging(false);
            // The button is gone once flagged: focus lands on the review it belongs to.
            if (flagged) requestAnimationFrame(() => heading.current?.focus());
          }}
        />
      )}
    </article>
  );
}
