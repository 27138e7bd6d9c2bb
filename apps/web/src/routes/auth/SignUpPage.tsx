import { Trans, useLingui } from "@lingui/react/macro";
import { Link, Navigate, useSearchParams } from "react-router";
import { LoadingState } from "../../components/states";
import { buttonClass } from "../../components/ui/Button";
import { TextField } from "../../components/ui/Field";
import { signUp } from "../../lib/auth";
import { PASSWORD_MIN, validateSignUp } from "../../lib/auth-validation";
import { safeNextPath } from "../../lib/redirect";
import { useSession } from "../../lib/session";
import { useDocumentTitle } from "../../lib/use-document-title";
import { AuthProblemNotice, ResendLink } from "./AuthProblemNotice";
import s from "./auth.module.css";
import { useAuthForm } from "./use-auth-form";

export function Component() {
  const { t } = useLingui();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get("next"));
  const session = useSession();
  const form = useAuthForm({
    validate: validateSignUp,
    submit: ({ name, email, password }) =>
      signUp({ name: name.trim(), email: email.trim(), password }, next),
    fallbackError: t`We could not create your account. Please try again.`,
    signsIn: false,
  });
  useDocumentTitle(t`Create your account`);

  if (session.isPending) return <LoadingState />;
  if (session.data) return <Navigate to={next} replace />;
  const signInHref = `/sign-in?${new URLSearchParams({ next }).toString()}`;
  const { sentTo } = form;
  if (sentTo) {
    return (
      <div className={s.page}>
        <h1>
          <Trans>Check your inbox</Trans>
        </h1>
        <p className="lede" role="status">
          <Trans>
            We sent an email to {sentTo}. Open the link in it to finish: it confirms your address
            and signs you in.
          </Trans>
        </p>
        <div className={s.form}>
          <p>
            <Trans>No email after a few minutes? Check your spam folder, or:</Trans>
          </p>
          <ResendLink email={sentTo} next={next} />
        </div>
        <p className={s.switch}>
          <Trans>
            Already confirmed? <Link to={signInHref}>Sign in</Link>
          </Trans>
        </p>
      </div>
    );
  }
  return (
    <div className={s.page}>
      <h1>
        <Trans>Create your account</Trans>
      </h1>
      <p className="lede">
        <Trans>Free forever for learners. Enroll in any course.</Trans>
      </p>
      <form className={s.form} noValidate onSubmit={form.onSubmit}>
        {form.problem && <AuthProblemNotice problem={form.problem} next={next} />}
        <TextField
          id="name"
          label={t`Name`}
          autoComplete="name"
          required
          error={form.errors.name}
        />
        <TextField
          id="email"
          label={t`Email`}
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          error={form.errors.email}
        />
        <TextField
          id="password"
          label={t`Password`}
          type="password"
          autoComplete="new-password"
          hint={t`At least ${PASSWORD_MIN} characters.`}
          required
          minLength={PASSWORD_MIN}
          error={form.errors.password}
        />
        <button
          type="submit"
          className={buttonClass({ variant: "primary", block: true })}
          disabled={form.pending}
        >
          {form.pending ? <Trans>Creating account…</Trans> : <Trans>Create account</Trans>}
        </button>
      </form>
      <p className={s.switch}>
        <Trans>
          Already have an account? <Link to={signInHref}>Sign in</Link>
        </Trans>
      </p>
    </div>
  );
}
