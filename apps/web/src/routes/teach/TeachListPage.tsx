import { useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { Pagination } from "../../components/Pagination";
import skeleton from "../../components/Skeleton.module.css";
import { EmptyState, ErrorState } from "../../components/states";
import { ButtonLink } from "../../components/ui/Button";
import { cx } from "../../components/ui/cx";
import { formatDate, plural } from "../../lib/format";
import { trpc } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import { myCoursesInput } from "../prefetch";
import { analyticsPath } from "./analytics/analytics-view";
import type { AuthoredCourse } from "./api";
import { RequireInstructor } from "./RequireInstructor";
import { StatusBadge } from "./StatusBadge";
import s from "./teach.module.css";

export function Component() {
  useDocumentTitle("Your courses");
  return (
    <RequireInstructor>
      <CourseList />
    </RequireInstructor>
  );
}

function CourseList() {
  const [params] = useSearchParams();
  const mine = useQuery(trpc.authoring.myCourses.queryOptions(myCoursesInput(params)));
  return (
    <>
      <div className={s.heading}>
        <div>
          <h1>Your courses</h1>
          <p className="lede">
            Build a course, publish it when it is ready, and keep improving it.
          </p>
        </div>
        {mine.data && mine.data.total > 0 && (
          <ButtonLink to="/teach/new" variant="primary">
            New course
          </ButtonLink>
        )}
      </div>
      {mine.isPending ? (
        <ListSkeleton />
      ) : mine.isError ? (
        <ErrorState message="We could not load your courses." onRetry={() => mine.refetch()} />
      ) : mine.data.items.length === 0 ? (
        <EmptyState title="You haven't created a course yet">
          <p>Start with a title and a subject; you can change everything later.</p>
          <ButtonLink to="/teach/new" variant="primary">
            Create your first course
          </ButtonLink>
        </EmptyState>
      ) : (
        <>
          <ul className={s.list} aria-label="Your courses">
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
  return (
    <article className={s.row}>
      <div className={s.main}>
        <h2 className={s.title}>
          <Link to={`/teach/courses/${course.id}`}>{course.title}</Link>
        </h2>
        <p className={s.meta}>
          <StatusBadge status={course.status} />
          <span>
            {plural(course.moduleCount, "module")} · {plural(course.lessonCount, "lesson")} ·{" "}
            {plural(course.enrollmentCount, "learner")}
          </span>
          <span>Updated {formatDate(course.updatedAt)}</span>
        </p>
      </div>
      <div className={s.actions}>
        <ButtonLink to={`/teach/courses/${course.id}`} variant="secondary">
          Edit<span className="visually-hidden"> {course.title}</span>
        </ButtonLink>
        <ButtonLink to={analyticsPath(course.id)} variant="ghost">
          Analytics<span className="visually-hidden"> of {course.title}</span>
        </ButtonLink>
        <ButtonLink to={`/courses/${course.slug}`} variant="ghost">
          Preview<span className="visually-hidden"> {course.title}</span>
        </ButtonLink>
      </div>
    </article>
  );
}

function ListSkeleton() {
  return (
    <div role="status" className={s.list}>
      <span className="visually-hidden">Loading your courses…</span>
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
