import { Plural, Trans, useLingui } from "@lingui/react/macro";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Markdown } from "../../../components/Markdown";
import { Button } from "../../../components/ui/Button";
import { FieldShell, TextField } from "../../../components/ui/Field";
import { formatDate } from "../../../lib/format";
import { trpc } from "../../../lib/trpc";
import { type Review, useInvalidateRatings } from "./api";
import s from "./ratings.module.css";

interface Viewer {
  signedIn: boolean;
  isStaff: boolean;
  isInstructor: boolean;
}

/** One review: stars, title, Markdown text, helpful votes, report, and staff actions. */
export function ReviewItem({
  review,
  slug,
  viewer,
}: {
  review: Review;
  slug: string;
  viewer: Viewer;
}) {
  const { t } = useLingui();
  const invalidate = useInvalidateRatings(slug);
  const after = { onSuccess: () => invalidate() };
  const helpful = useMutation(trpc.ratings.helpful.mutationOptions(after));
  const hide = useMutation(trpc.ratings.hide.mutationOptions(after));
  const [reporting, setReporting] = useState(false);
  const [reason, setReason] = useState("");
  const report = useMutation(
    trpc.ratings.report.mutationOptions({ onSuccess: () => setReporting(false) }),
  );
  const [responding, setResponding] = useState(false);
  const [response, setResponse] = useState(review.response?.body ?? "");
  const respond = useMutation(
    trpc.ratings.respond.mutationOptions({
      onSuccess: () => {
        setResponding(false);
        return invalidate();
      },
    }),
  );
  const stars = review.stars;
  const author = review.author.name;
  const date = formatDate(review.createdAt);
  const count = review.helpfulCount;
  const submitReport = (event: FormEvent) => {
    event.preventDefault();
    report.mutate({ ratingId: review.id, reason: reason.trim() });
  };
  const submitResponse = (event: FormEvent) => {
    event.preventDefault();
    respond.mutate({ ratingId: review.id, body: response });
  };
  return (
    <li className={s.review} data-testid="review">
      <div className={s.meta}>
        <strong>
          <span aria-hidden="true">{"★".repeat(stars)}</span>
          <span className="visually-hidden">
            <Trans>Rated {stars} out of 5</Trans>
          </span>
        </strong>
        {review.title && <strong translate="no">{review.title}</strong>}
        <span className="muted">
          <Trans>
            <span translate="no">{author}</span> · {date}
          </Trans>
        </span>
        {review.hidden && (
          <span className="muted">
            <Trans>Hidden from learners</Trans>
          </span>
        )}
      </div>
      {review.body && (
        <div translate="no">
          <Markdown source={review.body} headingBase={4} />
        </div>
      )}
      {review.response && (
        <div className={s.response}>
          <p className="muted">
            <Trans>Response from the instructor</Trans>
          </p>
          <div translate="no">
            <Markdown source={review.response.body} headingBase={4} />
          </div>
        </div>
      )}
      <div className={s.actions}>
        <span className="muted">
          <Plural
            value={count}
            one="# person found this helpful"
            other="# people found this helpful"
          />
        </span>
        {viewer.signedIn && !review.mine && (
          <Button
            size="small"
            aria-pressed={review.votedHelpful}
            disabled={helpful.isPending}
            onClick={() => helpful.mutate({ ratingId: review.id, helpful: !review.votedHelpful })}
          >
            <Trans>Helpful</Trans>
          </Button>
        )}
        {viewer.signedIn && !review.mine && !reporting && (
          <Button size="small" variant="ghost" onClick={() => setReporting(true)}>
            {report.isSuccess ? <Trans>Reported</Trans> : <Trans>Report</Trans>}
          </Button>
        )}
        {viewer.isStaff && (
          <Button
            size="small"
            variant="ghost"
            disabled={hide.isPending}
            onClick={() => hide.mutate({ ratingId: review.id, hidden: !review.hidden })}
          >
            {review.hidden ? <Trans>Restore</Trans> : <Trans>Hide</Trans>}
          </Button>
        )}
        {viewer.isInstructor && !responding && (
          <Button size="small" variant="ghost" onClick={() => setResponding(true)}>
            {review.response ? <Trans>Edit response</Trans> : <Trans>Respond</Trans>}
          </Button>
        )}
      </div>
      {reporting && (
        <form onSubmit={submitReport} aria-label={t`Report this review`}>
          <TextField
            id={`report-${review.id}`}
            label={t`What is wrong with this review?`}
            value={reason}
            maxLength={500}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className={s.actions}>
            <Button type="submit" size="small" disabled={!reason.trim() || report.isPending}>
              <Trans>Send report</Trans>
            </Button>
            <Button size="small" variant="ghost" onClick={() => setReporting(false)}>
              <Trans>Cancel</Trans>
            </Button>
          </div>
        </form>
      )}
      {responding && (
        <form onSubmit={submitResponse} aria-label={t`Respond to this review`}>
          <FieldShell id={`response-${review.id}`} label={t`Public response`}>
            <textarea
              id={`response-${review.id}`}
              rows={3}
              maxLength={5000}
              value={response}
              onChange={(e) => setResponse(e.target.value)}
            />
          </FieldShell>
          <div className={s.actions}>
            <Button type="submit" size="small" disabled={!response.trim() || respond.isPending}>
              <Trans>Publish response</Trans>
            </Button>
            <Button size="small" variant="ghost" onClick={() => setResponding(false)}>
              <Trans>Cancel</Trans>
            </Button>
          </div>
        </form>
      )}
    </li>
  );
}
