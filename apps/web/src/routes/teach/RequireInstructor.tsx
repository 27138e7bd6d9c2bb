import { Trans } from "@lingui/react/macro";
import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { LoadingState, stateStyles } from "../../components/states";
import { ButtonLink } from "../../components/ui/Button";
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
      <div className={stateStyles.state}>
        <h1>
          <Trans>Teaching is for instructors</Trans>
        </h1>
        <p>
          <Trans>
            Your account can enroll in courses. Ask an administrator if you want to teach on Lumen.
          </Trans>
        </p>
        <ButtonLink to="/" variant="primary">
          <Trans>Browse the catalog</Trans>
        </ButtonLink>
      </div>
    );
  }
  return children;
}
