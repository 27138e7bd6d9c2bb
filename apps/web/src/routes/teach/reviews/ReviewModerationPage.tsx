import { Trans, useLingui } from "@lingui/react/macro";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { Breadcrumb } from "../../../components/Breadcrumb";
import { ErrorState } from "../../../components/states";
import { Button } from "../../../components/ui/Button";
import { SelectField } from "../../../components/ui/Field";
import { apiErrorCode, trpc, trpcClient } from "../../../lib/trpc";
import { useDocumentTitle } from "../../../lib/use-document-title";
import fs from "../../forum/forum.module.css";
import { ReasonDialog } from "../../forum/PostActions";
import { problemMessage } from "../../forum/problem";
import { NotFoundContent } from "../../NotFoundPage";
import s from "../forum/moderation.module.css";
import { RequireInstructor } from "../RequireInstructor";
import { groupReports, type ReportedReview } from "./group-reports";
import { type QueueState, ReviewQueue } from "./ReportedReviews";

const PAGE_SIZE = 50;

export function Component() {
  const { courseId = "" } = useParams();
  return (
    <RequireInstructor>
      <ReviewModeration courseId={courseId} />
    </RequireInstructor>
  );
}

/** A course's review moderation queue (ADR 0032): reported reviews, hide / restore / dismiss. */
function ReviewModeration({ courseId }: { courseId: string }) {
  const { t } = useLingui();
  const [status, setStatus] = useState<"open" | "closed">("open");
  const [page, setPage] = useState(1);
  const reports = useQuery({
    ...trpc.ratings.reports.queryOptions({ courseId, status, page, pageSize: PAGE_SIZE }),
    staleTime: 0,
  });
  // Only for the breadcrumb: the queue's own query decides who may see it.
  const course = useQuery(trpc.authoring.getCourse.queryOptions({ courseId }));
  const courseTitle = course.data?.title;
  useDocumentTitle(courseTitle ? t`Review moderation — ${courseTitle}` : t`Review moderation`);
  const client = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const settle = () => {
    setBusy(null);
    return client.invalidateQueries(trpc.ratings.pathFilter());
  };
  // Hide and restore ask for an optional reason first, as the forum's moderation does.
  const [hiding, setHiding] = useState<{ review: ReportedReview; hidden: boolean } | null>(null);
  const hide = useMutation(
    trpc.ratings.hide.mutationOptions({ onSuccess: () => setHiding(null), onSettled: settle }),
  );
  const dismiss = useMutation({
    // One report at a time: each is its own row and its own decision in the API.
    mutationFn: async (review: ReportedReview) => {
      for (const reportId of review.openReportIds)
        await trpcClient.ratings.dismissReport.mutate({ reportId });
    },
    onSettled: settle,
  });

  if (reports.isError) {
    const code = apiErrorCode(reports.error);
    if (code === "NOT_FOUND" || code === "BAD_REQUEST")
      return (
        <NotFoundContent
          title={t`Course not found`}
          message={t`We could not find that course. It may have moved or been unpublished.`}
        />
      );
    if (code === "FORBIDDEN")
      return (
        <ErrorState
          title={t`Moderation is for the course's staff`}
          message={t`Only the course's instructors and admins moderate its reviews.`}
        />
      );
  }
  const state: QueueState = reports.isPending
    ? { kind: "loading" }
    : reports.isError
      ? { kind: "error", onRetry: () => void reports.refetch() }
      : { kind: "ready", reviews: groupReports(reports.data.items) };
  return (
    <div className={fs.page}>
      <Breadcrumb>
        <li>
          <Link to="/teach">
            <Trans>Your courses</Trans>
          </Link>
        </li>
        {courseTitle && (
          <li>
            <Link to={`/teach/courses/${courseId}`} translate="no">
              {courseTitle}
            </Link>
          </li>
        )}
      </Breadcrumb>
      <h1>
        <Trans>Review moderation</Trans>
      </h1>
      <section aria-labelledby="review-reports-heading" className={s.section}>
        <div className={fs.pageHead}>
          <h2 id="review-reports-heading">
            <Trans>Reported reviews</Trans>
          </h2>
          <SelectField
            id="review-report-status"
            label={t`Show`}
            value={status}
            options={[
              { value: "open", label: t`Open reports` },
              { value: "closed", label: t`Closed reports` },
            ]}
            onChange={(e) => {
              setStatus(e.target.value === "closed" ? "closed" : "open");
              setPage(1);
            }}
          />
        </div>
        <ReviewQueue
          state={state}
          status={status}
          busyRatingId={busy}
          onHide={(review, hidden) => {
            hide.reset();
            setHiding({ review, hidden });
          }}
          onDismiss={(review) => {
            setBusy(review.ratingId);
            dismiss.mutate(review);
          }}
        />
        {hiding && (
          <ReasonDialog
            title={hiding.hidden ? t`Hide this review` : t`Restore this review`}
            confirm={hiding.hidden ? t`Hide` : t`Restore`}
            pending={hide.isPending}
            error={hide.isError ? problemMessage(hide.error, t`That did not work.`) : null}
            onSubmit={(reason) => {
              setBusy(hiding.review.ratingId);
              hide.mutate({ ratingId: hiding.review.ratingId, hidden: hiding.hidden, reason });
            }}
            onClose={() => setHiding(null)}
          />
        )}
        {dismiss.isError && (
          <p role="alert" className={fs.inlineError}>
            {problemMessage(dismiss.error, t`The reports were not dismissed.`)}
          </p>
        )}
        {(page > 1 || reports.data?.hasMore) && (
          <nav aria-label={t`Reported reviews pages`} className={fs.actions}>
            {page > 1 && (
              <Button onClick={() => setPage(page - 1)}>
                <Trans>Previous page</Trans>
              </Button>
            )}
            {reports.data?.hasMore && (
              <Button onClick={() => setPage(page + 1)}>
                <Trans>Next page</Trans>
              </Button>
            )}
          </nav>
        )}
      </section>
    </div>
  );
}
