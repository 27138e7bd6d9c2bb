import { Trans, useLingui } from "@lingui/react/macro";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useLocation } from "react-router";
import { ErrorState, LoadingState } from "../../../components/states";
import { Button } from "../../../components/ui/Button";
import { SelectField } from "../../../components/ui/Field";
import { useSession } from "../../../lib/session";
import { trpc } from "../../../lib/trpc";
import type { ReviewSort } from "./api";
import { Distribution } from "./Distribution";
import { RatingForm } from "./RatingForm";
import { ReviewItem } from "./ReviewItem";
import s from "./ratings.module.css";

const PAGE_SIZE = 10;

/** The course page's ratings: summary and distribution, the viewer's rating, the reviews. */
export function RatingsSection({ courseId, slug }: { courseId: string; slug: string }) {
  const { t } = useLingui();
  const session = useSession();
  const [sort, setSort] = useState<ReviewSort>("helpful");
  const [page, setPage] = useState(1);
  const summary = useQuery(trpc.ratings.summary.queryOptions({ courseId }));
  const reviews = useQuery({
    ...trpc.ratings.reviews.queryOptions({ courseId, sort, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const user = session.data ?? null;
  const viewer = {
    signedIn: user !== null,
    isStaff: summary.data?.isStaff ?? false,
    isInstructor: (summary.data?.isStaff ?? false) && user?.role === "instructor",
  };
  const pageCount = reviews.data?.pageCount ?? 1;
  // The lesson player's rating prompt links here from another page: scroll once the section is in.
  const { hash } = useLocation();
  const loaded = !summary.isPending;
  useEffect(() => {
    if (loaded && hash === "#ratings-heading")
      document.getElementById("ratings-heading")?.scrollIntoView();
  }, [loaded, hash]);
  const sorts = [
    { value: "helpful", label: t`Most helpful` },
    { value: "newest", label: t`Newest` },
    { value: "lowest", label: t`Lowest rated` },
  ];
  return (
    <section className={s.section} aria-labelledby="ratings-heading">
      <h2 id="ratings-heading">
        <Trans>Ratings and reviews</Trans>
      </h2>
      {summary.isPending ? (
        <LoadingState label={t`Loading ratings…`} />
      ) : summary.isError ? (
        <ErrorState message={t`We could not load the ratings.`} onRetry={() => summary.refetch()} />
      ) : (
        <>
          <Distribution summary={summary.data} />
          <RatingForm summary={summary.data} slug={slug} />
        </>
      )}
      <div className={s.toolbar}>
        <h3>
          <Trans>Reviews</Trans>
        </h3>
        <SelectField
          id="review-sort"
          label={t`Sort reviews`}
          value={sort}
          options={sorts}
          onChange={(e) => {
            setSort(e.target.value as ReviewSort);
            setPage(1);
          }}
        />
      </div>
      {reviews.isError ? (
        <ErrorState message={t`We could not load the reviews.`} onRetry={() => reviews.refetch()} />
      ) : reviews.data && reviews.data.items.length > 0 ? (
        <>
          <ul className={s.reviews}>
            {reviews.data.items.map((review) => (
              <ReviewItem key={review.id} review={review} slug={slug} viewer={viewer} />
            ))}
          </ul>
          {reviews.data.pageCount > 1 && (
            <nav className={s.actions} aria-label={t`Review pages`}>
              <Button size="small" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                <Trans>Previous</Trans>
              </Button>
              <span>
                <Trans>
                  Page {page} of {pageCount}
                </Trans>
              </span>
              <Button
                size="small"
                disabled={page >= reviews.data.pageCount}
                onClick={() => setPage(page + 1)}
              >
                <Trans>Next</Trans>
              </Button>
            </nav>
          )}
        </>
      ) : (
        reviews.data && (
          <p className="muted">
            <Trans>No reviews yet.</Trans>
          </p>
        )
      )}
    </section>
  );
}
