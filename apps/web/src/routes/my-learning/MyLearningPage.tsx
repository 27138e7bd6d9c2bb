import { useQuery } from "@tanstack/react-query";
import { Link, Navigate, useLocation } from "react-router";
import { CourseCard } from "../../components/CourseCard";
import { EmptyState, ErrorState, LoadingState } from "../../components/states";
import { formatDate } from "../../lib/format";
import { signInPath } from "../../lib/redirect";
import { useSession } from "../../lib/session";
import { trpc } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";

export function Component() {
  const session = useSession();
  const location = useLocation();
  useDocumentTitle("My learning");
  if (session.isPending) return <LoadingState />;
  if (!session.data) return <Navigate to={signInPath(location.pathname)} replace />;
  return <MyCourses />;
}

function MyCourses() {
  const mine = useQuery(trpc.enrollment.mine.queryOptions());
  return (
    <>
      <div className="page-heading">
        <h1>My learning</h1>
        <p className="lede">Your courses, most recently enrolled first.</p>
      </div>
      {mine.isPending ? (
        <LoadingState label="Loading your courses…" />
      ) : mine.isError ? (
        <ErrorState message="We could not load your courses." onRetry={() => mine.refetch()} />
      ) : mine.data.length === 0 ? (
        <EmptyState title="No courses yet">
          <p>Courses you enroll in appear here.</p>
          <Link to="/" className="button button-primary">
            Browse the catalog
          </Link>
        </EmptyState>
      ) : (
        <ul className="card-grid" aria-label="Enrolled courses">
          {mine.data.map((enrollment) => (
            <li key={enrollment.enrollmentId}>
              <CourseCard
                course={enrollment.course}
                footer={
                  enrollment.completedAt
                    ? `Completed ${formatDate(enrollment.completedAt)}`
                    : `Enrolled ${formatDate(enrollment.enrolledAt)}`
                }
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
