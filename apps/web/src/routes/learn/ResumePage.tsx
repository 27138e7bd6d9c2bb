import { Trans, useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { Navigate, useParams } from "react-router";
import { EmptyState, ErrorState, LoadingState } from "../../components/states";
import { ButtonLink } from "../../components/ui/Button";
import { resumeLesson } from "../../lib/learn-outline";
import { apiErrorCode, trpc } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import { NotFoundContent } from "../NotFoundPage";
import { lessonPath, useCourseProgress } from "./api";

/**
 * `/courses/:slug/learn`: straight to where the learner left off (the server's resume
 * lesson, else the first unfinished one). Visitors who are not enrolled go to the course page.
 */
export function Component() {
  const { t } = useLingui();
  const { slug = "" } = useParams();
  const course = useQuery(trpc.catalog.bySlug.queryOptions({ slug }));
  const progress = useCourseProgress(course.data);
  useDocumentTitle(course.data?.title ?? null);

  if (course.isPending) return <LoadingState label={t`Opening your course…`} />;
  if (course.isError) {
    const code = apiErrorCode(course.error);
    if (code === "NOT_FOUND" || code === "BAD_REQUEST") {
      return (
        <NotFoundContent
          title={t`Course not found`}
          message={t`We could not find that course. It may have moved or been unpublished.`}
        />
      );
    }
    return (
      <ErrorState message={t`We could not open this course.`} onRetry={() => course.refetch()} />
    );
  }
  const enrolled = course.data.enrollment !== null;
  if (!enrolled && course.data.status !== "draft") {
    return <Navigate to={`/courses/${slug}`} replace />;
  }
  // A failed progress read still opens the course, at its first unfinished lesson.
  if (enrolled && progress.isPending) return <LoadingState label={t`Opening your course…`} />;
  const target = resumeLesson(course.data.modules, progress.data ?? null);
  if (!target) {
    return (
      <EmptyState title={t`No lessons yet`}>
        <p>
          <Trans>This course has no lessons yet. Check back soon.</Trans>
        </p>
        <ButtonLink to={`/courses/${slug}`} variant="secondary">
          <Trans>Back to the course</Trans>
        </ButtonLink>
      </EmptyState>
    );
  }
  return <Navigate to={lessonPath(slug, target.id)} replace />;
}
