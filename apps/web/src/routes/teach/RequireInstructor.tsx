import type { ReactNode } from "react";
import { Link, Navigate, useLocation } from "react-router";
import { LoadingState } from "../../components/states";
import { canTeach } from "../../lib/navigation";
import { signInPath } from "../../lib/redirect";
import { useSession } from "../../lib/session";

/** The authoring view is for instructors and admins; the API enforces it, this explains it. */
export function RequireInstructor({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <LoadingState />;
  if (!session.data)
    return <Navigate to={signInPath(location.pathname + location.search)} replace />;
  if (!canTeach(session.data.role)) {
    return (
      <div className="state">
        <h1>Teaching is for instructors</h1>
        <p>
          Your account can enroll in courses. Ask an administrator if you want to teach on Lumen.
        </p>
        <Link to="/" className="button button-primary">
          Browse the catalog
        </Link>
      </div>
    );
  }
  return children;
}
