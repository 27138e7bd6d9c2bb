import { Trans } from "@lingui/react/macro";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { useLocation, useNavigate } from "react-router";
import { ButtonLink, buttonClass } from "../../components/ui/Button";
import { FormError } from "../../components/ui/Field";
import { Panel, panelStyles } from "../../components/ui/Panel";
import { formatDate } from "../../lib/format";
import { signInPath } from "../../lib/redirect";
import { useSession } from "../../lib/session";
import { apiErrorCode, type CourseDetail, trpc } from "../../lib/trpc";

export function EnrollPanel({ course }: { course: CourseDetail }) {
  const session = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  // Once the user enrolls or leaves, the button they pressed is gone: focus its replacement.
  const [moveFocus, setMoveFocus] = useState(false);
  const toSignIn = () => navigate(signInPath(location.pathname + location.search));
  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries(trpc.catalog.bySlug.queryFilter({ slug: course.slug })),
      queryClient.invalidateQueries(trpc.enrollment.mine.queryFilter()),
    ]);
    setMoveFocus(true);
  };
  const onError = (error: unknown) => {
    if (apiErrorCode(error) === "UNAUTHORIZED") toSignIn();
  };
  const enroll = useMutation(
    trpc.enrollment.enroll.mutationOptions({ onSuccess: refresh, onError }),
  );
  const leave = useMutation(
    trpc.enrollment.unenroll.mutationOptions({ onSuccess: refresh, onError }),
  );
  const failed = enroll.error ?? leave.error;
  const signedIn = Boolean(session.data);
  const enrolledOn = course.enrollment ? formatDate(course.enrollment.enrolledAt) : "";

  return (
    <Panel raised stack>
      {course.enrollment ? (
        <>
          <PanelHeading key="enrolled" focus={moveFocus}>
            <Trans>You're enrolled</Trans>
          </PanelHeading>
          <p className="muted">
            <Trans>Since {enrolledOn}</Trans>
          </p>
          <ButtonLink to="/my-learning" variant="primary" block>
            <Trans>Go to My learning</Trans>
          </ButtonLink>
          <button
            type="button"
            className={buttonClass({ variant: "ghost", block: true })}
            disabled={leave.isPending}
            onClick={() => leave.mutate({ courseId: course.id })}
          >
            {leave.isPending ? <Trans>Leaving…</Trans> : <Trans>Leave course</Trans>}
          </button>
        </>
      ) : (
        <>
          <PanelHeading key="start" focus={moveFocus}>
            <Trans>Start learning</Trans>
          </PanelHeading>
          <p className="muted">
            <Trans>Free to enroll. Learn at your own pace.</Trans>
          </p>
          <button
            type="button"
            className={buttonClass({ variant: "primary", block: true })}
            disabled={enroll.isPending || session.isPending}
            onClick={() => (signedIn ? enroll.mutate({ courseId: course.id }) : toSignIn())}
          >
            {enroll.isPending ? (
              <Trans>Enrolling…</Trans>
            ) : signedIn ? (
              <Trans>Enroll</Trans>
            ) : (
              <Trans>Sign in to enroll</Trans>
            )}
          </button>
        </>
      )}
      {failed && apiErrorCode(failed) !== "UNAUTHORIZED" && (
        <FormError>
          {failed.message || <Trans>That did not work. Please try again.</Trans>}
        </FormError>
      )}
    </Panel>
  );
}

function PanelHeading({ focus, children }: { focus: boolean; children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) heading.current?.focus();
  }, [focus]);
  return (
    <h2 className={panelStyles.title} tabIndex={-1} ref={heading}>
      {children}
    </h2>
  );
}
