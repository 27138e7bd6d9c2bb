import { Trans, useLingui } from "@lingui/react/macro";
import { type FormEvent, useReducer, useRef } from "react";
import { Markdown } from "../../../components/Markdown";
import { Button } from "../../../components/ui/Button";
import { Notice } from "../../../components/ui/Notice";
import { apiErrorCode, apiFieldErrors } from "../../../lib/trpc";
import { AttachmentList } from "./AttachmentList";
import s from "./assignment.module.css";
import { type LearnerAssignment, noLeaseText, reviewedText } from "./assignment-view";
import { LeaseClock, useLeaseOver } from "./LeaseClock";
import { RubricForm } from "./RubricForm";
import { reviewSession, startSession } from "./review-session";
import { isLeaseExpired, scoresInput, validateScores } from "./scores-form";
import { useReviewNext, useSubmitReview } from "./use-assignment";

/**
 * Reviewing classmates: "Review next" leases a submission; the rubric form grades it. The
 * form lives in the session, not in the lease: when a lease runs out the reviewer's scores
 * stay, and if "Review next" hands back the same submission they can be sent as they are.
 */
export function ReviewPeers({
  assignment,
  courseId,
  calibrated,
}: {
  assignment: LearnerAssignment;
  courseId: string;
  calibrated: boolean;
}) {
  const { t } = useLingui();
  const { lessonId, rubric } = assignment;
  const { given, toGive } = assignment.reviewing;
  const [session, dispatch] = useReducer(reviewSession, assignment.reviewing.lease, startSession);
  const { lease, form, errors, focusKey, message } = session;
  const next = useReviewNext(lessonId, courseId);
  const review = useSubmitReview(lessonId, courseId);
  const leaseHeading = useRef<HTMLHeadingElement>(null);
  const over = useLeaseOver(lease?.leaseExpiresAt ?? null);

  const askNext = () => {
    dispatch({ type: "asking" });
    next.mutate(undefined, {
      onSuccess: (result) => {
        if (result.lease) {
          dispatch({ type: "leased", lease: result.lease, resumed: result.resumed });
          requestAnimationFrame(() => leaseHeading.current?.focus());
        } else {
          dispatch({ type: "no-lease", text: noLeaseText(result.reason, given, toGive) });
        }
      },
      onError: (error) => dispatch({ type: "failed", text: error.message }),
    });
  };

  const send = (event: FormEvent) => {
    event.preventDefault();
    if (!lease || !form) return;
    const problems = validateScores(rubric, form);
    if (Object.keys(problems).length > 0) {
      dispatch({ type: "invalid", errors: problems });
      return;
    }
    dispatch({ type: "sending" });
    review.mutate(
      { reviewId: lease.reviewId, scores: scoresInput(rubric, form) },
      {
        onSuccess: (result) =>
          dispatch({ type: "reviewed", text: reviewedText(result.reviewsGiven, toGive) }),
        onError: (error) => {
          if (isLeaseExpired(apiErrorCode(error), error.message)) {
            dispatch({ type: "lease-expired", text: error.message });
            return;
          }
          const fields = apiFieldErrors(error);
          if (Object.keys(fields).some((k) => k.startsWith("scores"))) {
            dispatch({ type: "invalid", errors: fields, text: fields.scores });
          } else {
            dispatch({ type: "failed", text: error.message });
          }
        },
      },
    );
  };

  const nextLabel = given >= toGive && toGive > 0 ? t`Review another` : t`Review next`;
  const nextButton = (
    <Button variant={lease ? "secondary" : "primary"} onClick={askNext} disabled={next.isPending}>
      {nextLabel}
    </Button>
  );
  return (
    <section className={s.panel} aria-labelledby="assignment-review">
      <h2 id="assignment-review" className={s.heading}>
        <Trans>Review others</Trans>
      </h2>
      <p className={s.muted}>
        {toGive === 0
          ? t`No reviews are asked of you, but each one helps a classmate get graded.`
          : given > toGive
            ? t`Reviews given: ${given} (${toGive} asked of you).`
            : t`Reviews given: ${given} of ${toGive}.`}{" "}
        <Trans>Reviews are anonymous: neither you nor the author learns who the other is.</Trans>
      </p>
      {/* Present from the start, so what appears in it is announced. */}
      <div aria-live="polite" className={s.status}>
        {message && (
          <Notice tone={message.tone}>
            <p>{message.text}</p>
            {message.next && <div className={s.actions}>{nextButton}</div>}
          </Notice>
        )}
      </div>
      {!calibrated ? (
        <p>
          <Trans>Grade the practice examples above first; then you can review others.</Trans>
        </p>
      ) : lease && form ? (
        <form className={s.form} onSubmit={send} noValidate aria-labelledby="assignment-lease">
          <h3 id="assignment-lease" ref={leaseHeading} tabIndex={-1} className={s.subheading}>
            <Trans>Submission to review</Trans>
          </h3>
          <LeaseClock expiresAt={lease.leaseExpiresAt} />
          <div className={s.work}>
            {lease.body.trim() ? (
              <Markdown source={lease.body} headingBase={4} />
            ) : (
              <p className={s.muted}>
                <Trans>No text: this submission is its attached files.</Trans>
              </p>
            )}
          </div>
          {assignment.settings.allowAttachments && (
            <AttachmentList submissionId={lease.submissionId} />
          )}
          <RubricForm
            rubric={rubric}
            form={form}
            onChange={(edited) => dispatch({ type: "edited", form: edited })}
            errors={errors}
            focusKey={focusKey}
          />
          <div className={s.actions}>
            <Button type="submit" variant="primary" disabled={review.isPending}>
              <Trans>Submit review</Trans>
            </Button>
            {review.isPending && (
              <span role="status" className={s.muted}>
                <Trans>Sending…</Trans>
              </span>
            )}
            {over && !message?.next && nextButton}
          </div>
          {over && !message?.next && (
            <p className={s.muted}>
              <Trans>
                Your time ran out. Your scores stay here: choose “{nextLabel}” — if it is this
                submission again, submit them as they are.
              </Trans>
            </p>
          )}
        </form>
      ) : (
        !message?.next && (
          <div className={s.actions}>
            {nextButton}
            {given >= toGive && toGive > 0 && (
              <p className={s.muted}>
                <Trans>It helps others get graded sooner.</Trans>
              </p>
            )}
          </div>
        )
      )}
    </section>
  );
}
