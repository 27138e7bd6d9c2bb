import { Plural, Trans, useLingui } from "@lingui/react/macro";
import { EmptyState, ErrorState, LoadingState } from "../../../components/states";
import { Badge } from "../../../components/ui/Badge";
import { Button } from "../../../components/ui/Button";
import { formatRelative } from "../../../lib/relative-time";
import fs from "../../forum/forum.module.css";
import s from "../forum/moderation.module.css";
import type { ReportedReview } from "./group-reports";

export type QueueState =
  | { kind: "loading" }
  | { kind: "error"; onRetry: () => void }
  | { kind: "ready"; reviews: ReportedReview[] };

export interface QueueActions {
  /** Hide (`true`) or restore (`false`) the review. */
  onHide: (review: ReportedReview, hidden: boolean) => void;
  onDismiss: (review: ReportedReview) => void;
  /** The review an action is running on: its buttons are disabled meanwhile. */
  busyRatingId: string | null;
}

/** The review moderation queue's body: loading, error, empty, or the reported reviews. */
export function ReviewQueue({
  state,
  status,
  ...actions
}: { state: QueueState; status: "open" | "closed" } & QueueActions) {
  const { t } = useLingui();
  if (state.kind === "loading") return <LoadingState label={t`Loading reported reviews…`} />;
  if (state.kind === "error")
    return (
      <ErrorState message={t`We could not load the reported reviews.`} onRetry={state.onRetry} />
    );
  if (state.reviews.length === 0)
    return (
      <EmptyState title={status === "open" ? t`No reported reviews` : t`No closed reports`}>
        {status === "open" && (
          <p>
            <Trans>When a learner reports a review of this course, it waits here for you.</Trans>
          </p>
        )}
      </EmptyState>
    );
  return (
    <ul className={s.list}>
      {state.reviews.map((review) => (
        <ReportedReviewItem key={review.ratingId} review={review} {...actions} />
      ))}
    </ul>
  );
}

function ReportedReviewItem({
  review,
  onHide,
  onDismiss,
  busyRatingId,
}: { review: ReportedReview } & QueueActions) {
  const { t } = useLingui();
  const author = review.author.name;
  const count = review.reports.length;
  const busy = busyRatingId === review.ratingId;
  return (
    <li className={s.item} aria-label={t`Review by ${author}`} data-testid="reported-review">
      <p className={fs.meta}>
        <span>
          <span aria-hidden="true">{"★".repeat(review.stars)}</span>{" "}
          <span className="visually-hidden">
            <Trans>Rated {review.stars} out of 5</Trans>
          </span>
          {review.title && <strong translate="no"> {review.title}</strong>}
        </span>
        <span>
          <Trans>
            by <span translate="no">{author}</span>
          </Trans>
        </span>
        {review.hidden && (
          <Badge tone="danger">
            <Trans>Hidden</Trans>
          </Badge>
        )}
        <Badge>
          <Plural value={count} one="# report" other="# reports" />
        </Badge>
      </p>
      {review.excerpt ? (
        <blockquote className={s.excerpt} translate="no">
          {review.excerpt}
        </blockquote>
      ) : (
        <p className="muted">
          <Trans>(stars only, no text)</Trans>
        </p>
      )}
      <ul aria-label={t`Reports on this review`}>
        {review.reports.map((report) => (
          <li key={report.id}>
            <strong>
              <Trans>Reason:</Trans>
            </strong>{" "}
            <span translate="no">{report.reason}</span>{" "}
            <span className="muted">
              {report.reporter ? (
                <Trans>
                  — <span translate="no">{report.reporter.name}</span>,{" "}
                  <time dateTime={report.createdAt}>{formatRelative(report.createdAt)}</time>
                </Trans>
              ) : (
                <Trans>
                  — a deleted account,{" "}
                  <time dateTime={report.createdAt}>{formatRelative(report.createdAt)}</time>
                </Trans>
              )}
            </span>{" "}
            {report.status === "resolved" && (
              <Badge>
                <Trans>Resolved</Trans>
              </Badge>
            )}
            {report.status === "dismissed" && (
              <Badge>
                <Trans>Dismissed</Trans>
              </Badge>
            )}
          </li>
        ))}
      </ul>
      <div className={fs.actions}>
        <Button size="small" disabled={busy} onClick={() => onHide(review, !review.hidden)}>
          {review.hidden ? <Trans>Restore review</Trans> : <Trans>Hide review</Trans>}
        </Button>
        {review.openReportIds.length > 0 && (
          <Button size="small" variant="ghost" disabled={busy} onClick={() => onDismiss(review)}>
            <Plural
              value={review.openReportIds.length}
              one="Dismiss report"
              other="Dismiss # reports"
            />
          </Button>
        )}
      </div>
    </li>
  );
}
