import { Plural, Trans, useLingui } from "@lingui/react/macro";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Link } from "react-router";
import { EmptyState, ErrorState, LoadingState } from "../../../../components/states";
import { buttonClass } from "../../../../components/ui/Button";
import { DirectionArrow } from "../../../../components/ui/DirectionArrow";
import { queryClient, trpc } from "../../../../lib/trpc";
import { useDebounced } from "../../../../lib/use-debounced";
import { analyticsPath } from "../../analytics/analytics-view";
import editor from "../editor.module.css";
import { CompletionChart } from "./CompletionChart";
import { LearnersTable } from "./LearnersTable";
import s from "./learners.module.css";
import { type CourseLearner, type CourseLearners, pageCount } from "./learners-view";
import { RevokeDialog } from "./RevokeDialog";

const PAGE_SIZE = 20;
const SEARCH_DELAY_MS = 300;

/**
 * The course's learners, for its instructors: how many, how far (chart), and each one's
 * progress in a searchable, paged table, with certificate revocation. Loads when first shown.
 */
export function LearnersPanel({ courseId, active }: { courseId: string; active: boolean }) {
  const { t } = useLingui();
  const searchId = useId();
  const [text, setText] = useState("");
  const query = useDebounced(text.trim(), SEARCH_DELAY_MS);
  // A new search starts at its first page.
  const [paging, setPaging] = useState({ query, page: 1 });
  const page = paging.query === query ? paging.page : 1;
  const [revoking, setRevoking] = useState<CourseLearner | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const input = { courseId, page, pageSize: PAGE_SIZE, query };
  const learners = useQuery({
    ...trpc.progress.courseLearners.queryOptions(input),
    enabled: active,
    placeholderData: keepPreviousData,
  });

  const onRevoked = (learner: CourseLearner, revokedAt: string) => {
    markRevoked(courseId, learner.enrollmentId, revokedAt);
    const { name } = learner;
    setAnnouncement(t`${name}'s certificate was revoked.`);
    // The Revoke button is gone: keep keyboard focus in the panel, not on the page's body.
    requestAnimationFrame(() => document.getElementById("learners-heading")?.focus());
    void queryClient.invalidateQueries(trpc.progress.courseLearners.queryFilter({ courseId }));
  };

  return (
    <section aria-labelledby="learners-heading" className={s.panel}>
      <div className={editor.sectionHeading}>
        <h2 id="learners-heading" tabIndex={-1}>
          <Trans>Learners</Trans>
        </h2>
        {/* This tab is live (progress as it is written) and revokes certificates; the
            dashboard's table sorts, filters the learners at risk and exports, from the rollups. */}
        <Link to={analyticsPath(courseId, "learners")}>
          <Trans>Sort, find learners at risk and export in Analytics</Trans>
        </Link>
      </div>
      {learners.isPending ? (
        <LoadingState label={t`Loading learners…`} />
      ) : learners.isError ? (
        <ErrorState
          message={t`We couldn't load this course's learners.`}
          onRetry={() => learners.refetch()}
        />
      ) : learners.data.total === 0 && query === "" ? (
        <EmptyState title={t`No learners yet`}>
          <p>
            <Trans>When learners enroll, you'll see how far each of them has got here.</Trans>
          </p>
        </EmptyState>
      ) : (
        <LearnersView
          data={learners.data}
          query={query}
          fetching={learners.isFetching}
          searchId={searchId}
          text={text}
          onText={setText}
          onPage={(next) => setPaging({ query, page: next })}
          onRevoke={setRevoking}
        />
      )}
      {revoking?.certificate && (
        <RevokeDialog
          certificateId={revoking.certificate.id}
          learnerName={revoking.name}
          onRevoked={(revokedAt) => onRevoked(revoking, revokedAt)}
          onClose={() => setRevoking(null)}
        />
      )}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </section>
  );
}

function LearnersView({
  data,
  query,
  fetching,
  searchId,
  text,
  onText,
  onPage,
  onRevoke,
}: {
  data: CourseLearners;
  query: string;
  fetching: boolean;
  searchId: string;
  text: string;
  onText: (text: string) => void;
  onPage: (page: number) => void;
  onRevoke: (learner: CourseLearner) => void;
}) {
  const { t } = useLingui();
  const pages = pageCount(data.total, data.pageSize);
  const page = data.page;
  return (
    <>
      <p className={s.summary}>
        {query ? (
          <Trans>
            <strong>
              <Plural value={data.total} one="# learner" other="# learners" />
            </strong>{" "}
            match “{query}” · completion counts{" "}
            <Plural
              value={data.requiredLessons}
              one="# required lesson"
              other="# required lessons"
            />
          </Trans>
        ) : (
          <Trans>
            <strong>
              <Plural value={data.total} one="# learner" other="# learners" />
            </strong>{" "}
            enrolled · completion counts{" "}
            <Plural
              value={data.requiredLessons}
              one="# required lesson"
              other="# required lessons"
            />
          </Trans>
        )}
      </p>
      <CompletionChart distribution={data.distribution} />
      <search className={s.search}>
        <label htmlFor={searchId}>
          <Trans>Search learners</Trans>
        </label>
        <input
          id={searchId}
          type="search"
          value={text}
          placeholder={t`Name or email`}
          onChange={(e) => onText(e.target.value)}
        />
      </search>
      <div aria-busy={fetching} className={s.results}>
        {data.learners.length === 0 ? (
          <p className="muted">
            <Trans>No learners match “{query}”.</Trans>
          </p>
        ) : (
          <LearnersTable
            learners={data.learners}
            requiredLessons={data.requiredLessons}
            onRevoke={onRevoke}
          />
        )}
      </div>
      {pages > 1 && (
        <nav className={s.pager} aria-label={t`Learner pages`}>
          <button
            type="button"
            className={buttonClass({ variant: "ghost", size: "small" })}
            disabled={data.page <= 1}
            onClick={() => onPage(data.page - 1)}
          >
            <DirectionArrow to="start" /> <Trans>Previous</Trans>
          </button>
          <span aria-live="polite">
            <Trans>
              Page {page} of {pages}
            </Trans>
          </span>
          <button
            type="button"
            className={buttonClass({ variant: "ghost", size: "small" })}
            disabled={data.page >= pages}
            onClick={() => onPage(data.page + 1)}
          >
            <Trans>Next</Trans> <DirectionArrow to="end" />
          </button>
        </nav>
      )}
    </>
  );
}

/** The row shows "Revoked" at once; the refetch that follows confirms it. */
function markRevoked(courseId: string, enrollmentId: string, revokedAt: string) {
  queryClient.setQueriesData<CourseLearners>(
    trpc.progress.courseLearners.queryFilter({ courseId }),
    (data) =>
      data && {
        ...data,
        learners: data.learners.map((l) =>
          l.enrollmentId === enrollmentId && l.certificate
            ? { ...l, certificate: { ...l.certificate, revokedAt } }
            : l,
        ),
      },
  );
}
