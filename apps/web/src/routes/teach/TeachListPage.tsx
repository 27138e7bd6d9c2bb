import { useQuery } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { Pagination } from "../../components/Pagination";
import { EmptyState, ErrorState } from "../../components/states";
import { formatDate, plural } from "../../lib/format";
import { trpc } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import { myCoursesInput } from "../prefetch";
import type { AuthoredCourse } from "./api";
import { RequireInstructor } from "./RequireInstructor";
import { StatusBadge } from "./StatusBadge";
import "./teach.css";

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
      <div className="page-heading teach-heading">
        <div>
          <h1>Your courses</h1>
          <p className="lede">
            Build a course, publish it when it is ready, and keep improving it.
          </p>
        </div>
        {mine.data && mine.data.total > 0 && (
          <Link to="/teach/new" className="button button-primary">
            New course
          </Link>
        )}
      </div>
      {mine.isPending ? (
        <ListSkeleton />
      ) : mine.isError ? (
        <ErrorState message="We could not load your courses." onRetry={() => mine.refetch()} />
      ) : mine.data.items.length === 0 ? (
        <EmptyState title="You haven't created a course yet">
          <p>Start with a title and a subject; you can change everything later.</p>
          <Link to="/teach/new" className="button button-primary">
            Create your first course
          </Link>
        </EmptyState>
      ) : (
        <>
          <ul className="authored-list" aria-label="Your courses">
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
    <article className="authored-row">
      <div className="authored-main">
        <h2 className="authored-title">
          <Link to={`/teach/courses/${course.id}`}>{course.title}</Link>
        </h2>
        <p className="authored-meta">
          <StatusBadge status={course.status} />
          <span>
            {plural(course.moduleCount, "module")} · {plural(course.lessonCount, "lesson")} ·{" "}
            {plural(course.enrollmentCount, "learner")}
          </span>
          <span>Updated {formatDate(course.updatedAt)}</span>
        </p>
      </div>
      <div className="authored-actions">
        <Link to={`/teach/courses/${course.id}`} className="button button-secondary">
          Edit<span className="visually-hidden"> {course.title}</span>
        </Link>
        <Link to={`/courses/${course.slug}`} className="button button-ghost">
          Preview<span className="visually-hidden"> {course.title}</span>
        </Link>
      </div>
    </article>
  );
}

function ListSkeleton() {
  return (
    <div role="status" className="authored-list">
      <span className="visually-hidden">Loading your courses…</span>
      {[0, 1, 2].map((i) => (
        <div key={i} className="authored-row" aria-hidden="true">
          <div className="authored-main">
            <span className="skeleton skeleton-line skeleton-title" style={{ width: "45%" }} />
            <span className="skeleton skeleton-line" style={{ width: "70%" }} />
          </div>
        </div>
      ))}
    </div>
  );
}
