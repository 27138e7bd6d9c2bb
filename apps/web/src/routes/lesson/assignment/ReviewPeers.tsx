import { type FormEvent, useRef, useState } from "react";
import { Markdown } from "../../../components/Markdown";
import { Button } from "../../../components/ui/Button";
import { Notice, type NoticeTone } from "../../../components/ui/Notice";
import { apiErrorCode, apiFieldErrors } from "../../../lib/trpc";
import s from "./assignment.module.css";
import { type LearnerAssignment, type Lease, noLeaseText, reviewedText } from "./assignment-view";
import { LeaseClock, useLeaseOver } from "./LeaseClock";
import { RubricForm } from "./RubricForm";
import {
  emptyScores,
  formForLease,
  isLeaseExpired,
  type ScoreErrors,
  type ScoresForm,
  scoresInput,
  validateScores,
} from "./scores-form";
import { useReviewNext, useSubmitReview } from "./use-assignment";

interface Message {
  tone: NoticeTone;
  text: string;
  /** Offer "Review next" in the message (after a lease ran out). */
  next?: boolean;
}

/**
 * Reviewing classmates: "Review next" leases a submission; the rubric form grades it. The
 * form lives here, not in the lease: when a lease runs out the reviewer's scores stay, and if
 * "Review next" hands back the same submission they can be sent as they are.
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
  const { lessonId, rubric } = assignment;
  const { given, toGive } = assignment.reviewing;
  const initial = assignment.reviewing.lease;
  const [lease, setLease] = useState<Lease | null>(initial);
  const [form, setForm] = useState<ScoresForm | null>(
    initial ? emptyScores(initial.submissionId) : null,
  );
  const [errors, setErrors] = useState<ScoreErrors>({});
  const [focusKey, setFocusKey] = useState(0);
  const [message, setMessage] = useState<Message | null>(null);
  const next = useReviewNext(lessonId, courseId);
  const review = useSubmitReview(lessonId, courseId);
  const leaseHeading = useRef<HTMLHeadingElement>(null);
  const over = useLeaseOver(lease?.leaseExpiresAt ?? null);

  const askNext = () => {
    setMessage(null);
    next.mutate(undefined, {
      onSuccess: (result) => {
        if (result.lease) {
          const leased = result.lease;
          const kept = formForLease(form, leased.submissionId);
          setLease(leased);
          setForm(kept);
          setErrors({});
          if (kept === form && form !== null) {
            setMessage({
              tone: "info",
              text: "It's the same submission again: your scores and comments are still here — submit them when ready.",
            });
          } else if (result.resumed) {
            setMessage({ tone: "info", text: "You were already reviewing this submission." });
          }
          requestAnimationFrame(() => leaseHeading.current?.focus());
        } else {
          // Nothing handed out: the scores stay kept (in `form`) in case the same one comes back.
          setLease(null);
          setMessage({ tone: "info", text: noLeaseText(result.reason, given, toGive) });
        }
      },
      onError: (error) => setMessage({ tone: "error", text: error.message }),
    });
  };

  const send = (event: FormEvent) => {
    event.preventDefault();
    if (!lease || !form) return;
    const problems = validateScores(rubric, form);
    setErrors(problems);
    if (Object.keys(problems).length > 0) {
      setFocusKey((k) => k + 1);
      return;
    }
    setMessage(null);
    review.mutate(
      { reviewId: lease.reviewId, scores: scoresInput(rubric, form) },
      {
        onSuccess: (result) => {
          setLease(null);
          setForm(null);
          setMessage({ tone: "success", text: reviewedText(result.reviewsGiven, toGive) });
        },
        onError: (error) => {
          if (isLeaseExpired(apiErrorCode(error), error.message)) {
            // Nothing was recorded; the form keeps every score and comment.
            setMessage({ tone: "warning", text: error.message, next: true });
            return;
          }
          const fields = apiFieldErrors(error);
          const placed = Object.keys(fields).some((k) => k.startsWith("scores."));
          if (placed) {
            setErrors(fields);
            setFocusKey((k) => k + 1);
          }
          if (!placed || fields.scores) {
            setMessage({ tone: "error", text: fields.scores ?? error.message });
          }
        },
      },
    );
  };

  const nextLabel = given >= toGive && toGive > 0 ? "Review another" : "Review next";
  const nextButton = (
    <Button variant={lease ? "secondary" : "primary"} onClick={askNext} disabled={next.isPending}>
      {nextLabel}
    </Button>
  );
  return (
    <section className={s.panel} aria-labelledby="assignment-review">
      <h2 id="assignment-review" className={s.heading}>
        Review others
      </h2>
      <p className={s.muted}>
        {toGive === 0
          ? "No reviews are asked of you, but each one helps a classmate get graded."
          : given > toGive
            ? `Reviews given: ${given} (${toGive} asked of you).`
            : `Reviews given: ${given} of ${toGive}.`}{" "}
        Reviews are anonymous: neither you nor the author learns who the other is.
      </p>
      {message && (
        <Notice tone={message.tone} role={message.tone === "error" ? "alert" : "status"}>
          <p>{message.text}</p>
          {message.next && <div className={s.actions}>{nextButton}</div>}
        </Notice>
      )}
      {!calibrated ? (
        <p>Grade the practice examples above first; then you can review others.</p>
      ) : lease && form ? (
        <form className={s.form} onSubmit={send} noValidate aria-labelledby="assignment-lease">
          <h3 id="assignment-lease" ref={leaseHeading} tabIndex={-1} className={s.subheading}>
            Submission to review
          </h3>
          <LeaseClock expiresAt={lease.leaseExpiresAt} />
          <div className={s.work}>
            {lease.body.trim() ? (
              <Markdown source={lease.body} headingBase={4} />
            ) : (
              <p className={s.muted}>No text: this submission is its attached files.</p>
            )}
          </div>
          {/* Attachments (branch `attach`): <AttachmentList submissionId={lease.submissionId} /> */}
          <RubricForm
            rubric={rubric}
            form={form}
            onChange={setForm}
            errors={errors}
            focusKey={focusKey}
          />
          <div className={s.actions}>
            <Button type="submit" variant="primary" disabled={review.isPending}>
              Submit review
            </Button>
            {review.isPending && (
              <span role="status" className={s.muted}>
                Sending…
              </span>
            )}
            {over && !message?.next && nextButton}
          </div>
          {over && !message?.next && (
            <p className={s.muted}>
              Your time ran out. Your scores stay here: choose “{nextLabel}” — if it is this
              submission again, submit them as they are.
            </p>
          )}
        </form>
      ) : (
        !message?.next && (
          <div className={s.actions}>
            {nextButton}
            {given >= toGive && toGive > 0 && (
              <p className={s.muted}>It helps others get graded sooner.</p>
            )}
          </div>
        )
      )}
    </section>
  );
}
