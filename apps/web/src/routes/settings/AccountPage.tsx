import { Trans, useLingui } from "@lingui/react/macro";
import { Navigate, useLocation, useSearchParams } from "react-router";
import { LoadingState } from "../../components/states";
import { Notice } from "../../components/ui/Notice";
import { signInPath } from "../../lib/redirect";
import { useSession } from "../../lib/session";
import { useDocumentTitle } from "../../lib/use-document-title";
import { ChangeEmailForm } from "./account/ChangeEmailForm";
import { ChangePasswordForm } from "./account/ChangePasswordForm";
import { SignOutEverywhere } from "./account/SignOutEverywhere";
import { SettingsNav } from "./SettingsNav";
import s from "./settings.module.css";

export function Component() {
  const session = useSession();
  const location = useLocation();
  const [searchParams] = useSearchParams();
  const { t } = useLingui();
  useDocumentTitle(t`Account`);
  if (session.isPending) return <LoadingState />;
  if (!session.data) return <Navigate to={signInPath(location.pathname)} replace />;
  const { email } = session.data;
  return (
    <>
      <div className={s.heading}>
        <h1>
          <Trans>Account</Trans>
        </h1>
        <p className="lede">
          <Trans>Your password, your email address and where you are signed in.</Trans>
        </p>
      </div>
      <SettingsNav />
      <div className={s.sections}>
        {searchParams.get("email") === "changed" && (
          <Notice tone="success">
            <Trans>Your email address is now {email}.</Trans>
          </Notice>
        )}
        <ChangePasswordForm />
        <ChangeEmailForm current={email} />
        <SignOutEverywhere />
      </div>
    </>
  );
}
