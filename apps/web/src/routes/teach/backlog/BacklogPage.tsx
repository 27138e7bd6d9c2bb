import { Plural, Trans, useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { Breadcrumb } from "../../../components/Breadcrumb";
import { EmptyState, ErrorState, LoadingState } from "../../../components/states";
import { apiErrorCode, trpc } from "../../../lib/trpc";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { NotFoundContent } from "../../NotFoundPage";
import { courseQuery } from "../api";
import { RequireInstructor } from "../RequireInstructor";
import { BacklogChart } from "./BacklogChart";
import s from "./backlog.module.css";
import { type AssignmentBacklog, totalOf } from "./backlog-view";
import { FlaggedReviews } from "./FlaggedReviews";
import { StaffSubmissionPanel } from "./StaffSubmissionPanel";
import { ReviewersTable, SubmissionsTable } from "./SubmissionsTable";

export function Component() {
  const { courseId = "", lessonId = "" } = useParams();
  return (
    <RequireInstructor>
      <Backlog courseId={courseId} lessonId={lessonId} />
    </RequireInstructor>
  );
}

/**
 * An assignment's reviews backlog, for its course's staff: submissions by state, reviews
 * given per learner and flagged reviews; a submission opens below to read and grade.
 */
function Backlog({ courseId, lessonId }: { courseId: string; lessonId: string }) {
  const { t } = useLingui();
  const course = useQuery(courseQuery(courseId));
  const backlog = useQuery({
    ...trpc.assignment.backlog.queryOptions({ lessonId }),
    staleTime: 0,
  });
  const lesson = course.data?.modules.flatMap((m) => m.lessons).find((l) => l.id === lessonId);
  const lessonTitle = lesson?.title;
  const title = lessonTitle ? t`Reviews: ${lessonTitle}` : t`Reviews backlog`;
  useDocumentTitle(title);
  const refused = [course.error, backlog.error].some((e) => {
    const code = apiErrorCode(e);
    return code === "NOT_FOUND" || code === "FORBIDDEN" || code === "BAD_REQUEST";
  });
  if (refused || (course.data && lesson?.kind !== "assignment")) {
    return (
      <NotFoundContent
        title={t`Assignment not found`}
        message={t`We could not find that assignment you can review. It may have moved or been unpublished.`}
      />
    );
  }
  return (
    <div className={s.page}>
      <Breadcrumb>
        <li>
          <Link to="/teach">
            <Trans>Your courses</Trans>
          </Link>
        </li>
        {course.data && (
          <li>
            <Link to={`/teach/courses/${courseId}?tab=outline`} translate="no">
              {course.data.title}
            </Link>
          </li>
        )}
      </Breadcrumb>
      {lessonTitle ? (
        <h1>
          <Trans>
            Reviews: <span translate="no">{lessonTitle}</span>
          </Trans>
        </h1>
      ) : (
        <h1>{title}</h1>
      )}
      {backlog.isPending ? (
        <LoadingState label={t`Loading the backlog…`} />
      ) : backlog.isError ? (
        <ErrorState
          message={t`We couldn't load this assignment's backlog.`}
          onRetry={() => backlog.refetch()}
        />
      ) : totalOf(backlog.data.counts) === 0 ? (
        <EmptyState title={t`No submissions yet`}>
          <p>
            <Trans>
              When learners submit their work, you'll see it here as it moves through review.
            </Trans>
          </p>
        </EmptyState>
      ) : (
        <BacklogView backlog={backlog.data} fetching={backlog.isFetching} />
      )}
    </div>
  );
}

function BacklogView({ backlog, fetching }: { backlog: AssignmentBacklog; fetching: boolean }) {
  const [params, setParams] = useSearchParams();
  const openId = params.get("submission");
  const open = (submissionId: string | null) =>
    setParams(submissionId ? { submission: submissionId } : {}, {
      replace: true,
      preventScrollReset: true,
    });
  useEffect(() => {
    if (openId) document.getElementById("staff-submission-heading")?.focus();
  }, [openId]);
  return (
    <div className={s.sections} aria-busy={fetching}>
      <p className={s.summary}>
        <Trans>
          Each submission needs{" "}
          <Plural value={backlog.reviewsNeeded} one="# review" other="# reviews" />; each learner
          gives <Plural value={backlog.reviewsToGive} one="# review" other="# reviews" />. Reviewers
          stay anonymous, to you as to learners.
        </Trans>
      </p>
      <BacklogChart counts={backlog.counts} />
      <section aria-labelledby="submissions-heading" className={s.section}>
        <h2 id="submissions-heading">
          <Trans>Submissions</Trans>
        </h2>
        <SubmissionsTable backlog={backlog} openId={openId} onOpen={open} />
      </section>
      {openId && (
        <StaffSubmissionPanel
          key={openId}
          lessonId={backlog.lessonId}
          submissionId={openId}
          onClose={() => open(null)}
        />
      )}
      <section aria-labelledby="reviewers-heading" className={s.section}>
        <h2 id="reviewers-heading">
          <Trans>Reviews given per learner</Trans>
        </h2>
        <ReviewersTable backlog={backlog} />
      </section>
      <section aria-labelledby="flagged-heading" className={s.section}>
        <h2 id="flagged-heading">
          <Trans>Flagged reviews</Trans>
        </h2>
        <FlaggedReviews backlog={backlog} onOpen={open} />
      </section>
    </div>
  );
}
