import { Plural, Trans, useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { Pagination } from "../../components/Pagination";
import skeleton from "../../components/Skeleton.module.css";
import { EmptyState, ErrorState } from "../../components/states";
import { ButtonLink } from "../../components/ui/Button";
import { cx } from "../../components/ui/cx";
import { formatDate } from "../../lib/format";
import { trpc } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import { myCoursesInput } from "../prefetch";
import { analyticsPath } from "./analytics/analytics-view";
import type { AuthoredCourse } from "./api";
import { RequireInstructor } from "./RequireInstructor";
import { StatusBadge } from "./StatusBadge";
import s from "./teach.module.css";

export function Component() {
  const { t } = useLingui();
  useDocumentTitle(t`Your courses`);
  return (
    <RequireInstructor>
      <CourseList />
    </RequireInstructor>
  );
}

function CourseList() {
  const { t } = useLingui();
  const [params] = useSearchParams();
  const mine = useQuery(trpc.authoring.myCourses.queryOptions(myCoursesInput(params)));
  return (
    <>
      <div className={s.heading}>
        <div>
          <h1>
            <Trans>Your courses</Trans>
          </h1>
          <p className="lede">
            <Trans>Build a course, publish it when it is ready, and keep improving it.</Trans>
          </p>
        </div>
        {mine.data && mine.data.total > 0 && (
          <ButtonLink to="/teach/new" variant="primary">
            <Trans>New course</Trans>
          </ButtonLink>
        )}
      </div>
      {mine.isPending ? (
        <ListSkeleton />
      ) : mine.isError ? (
        <ErrorState message={t`We could not load your courses.`} onRetry={() => mine.refetch()} />
      ) : mine.data.items.length === 0 ? (
        <EmptyState title={t`You haven't created a course yet`}>
          <p>
            <Trans>Start with a title and a subject; you can change everything later.</Trans>
          </p>
          <ButtonLink to="/teach/new" variant="primary">
            <Trans>Create your first course</Trans>
          </ButtonLink>
        </EmptyState>
      ) : (
        <>
          <ul className={s.list} aria-label={t`Your courses`}>
            {mine.data.items.map((course) => (
              <li key={course.id}>
                <AuthoredRow course={course} />
              </li>
            ))}
          </ul>
          <Pagination
            page={mine.data.page}
            pageCount={mine.data.pageCount}
            hrefFor={(p) => (p > 1 ? `/teach?page=${p}` : "/teach")}
          />
        </>
      )}
    </>
  );
}

function AuthoredRow({ course }: { course: AuthoredCourse }) {
  const updated = formatDate(course.updatedAt);
  const title = course.title;
  return (
    <article className={s.row}>
      <div className={s.main}>
        <h2 className={s.title} translate="no">
          <Link to={`/teach/courses/${course.id}`}>{course.title}</Link>
        </h2>
        <p className={s.meta}>
          <StatusBadge status={course.status} />
          <span>
            <Plural value={course.moduleCount} one="# module" other="# modules" /> ·{" "}
            <Plural value={course.lessonCount} one="# lesson" other="# lessons" /> ·{" "}
            <Plural value={course.enrollmentCount} one="# learner" other="# learners" />
          </span>
          <span>
            <Trans>Updated {updated}</Trans>
          </span>
        </p>
      </div>
      <div className={s.actions}>
        <ButtonLink to={`/teach/courses/${course.id}`} variant="secondary">
          <Trans>
            Edit
            <span className="visually-hidden" translate="no">
              {" "}
              {title}
            </span>
          </Trans>
        </ButtonLink>
        <ButtonLink to={analyticsPath(course.id)} variant="ghost">
          <Trans>
            Analytics
            <span className="visually-hidden">
              {" "}
              of <span translate="no">{title}</span>
            </span>
          </Trans>
        </ButtonLink>
        <ButtonLink to={`/courses/${course.slug}`} variant="ghost">
          <Trans>
            Preview
            <span className="visually-hidden" translate="no">
              {" "}
              {title}
            </span>
          </Trans>
        </ButtonLink>
      </div>
    </article>
  );
}

function ListSkeleton() {
  return (
    <div role="status" className={s.list}>
      <span className="visually-hidden">
        <Trans>Loading your courses…</Trans>
      </span>
      {[0, 1, 2].map((i) => (
        <div key={i} className={s.row} aria-hidden="true">
          <div className={s.main}>
            <span className={cx(skeleton.line, skeleton.title)} style={{ width: "45%" }} />
            <span className={skeleton.line} style={{ width: "70%" }} />
          </div>
        </div>
      ))}
    </div>
  );
}
