import { Trans, useLingui } from "@lingui/react/macro";
import { Link, Navigate, useSearchParams } from "react-router";
import { LoadingState } from "../../components/states";
import { buttonClass } from "../../components/ui/Button";
import { fieldStyles as f, TextField } from "../../components/ui/Field";
import { signIn } from "../../lib/auth";
import { validateSignIn } from "../../lib/auth-validation";
import { safeNextPath } from "../../lib/redirect";
import { useSession } from "../../lib/session";
import { useDocumentTitle } from "../../lib/use-document-title";
import { AuthProblemNotice } from "./AuthProblemNotice";
import s from "./auth.module.css";
import { useAuthForm } from "./use-auth-form";

export function Component() {
  const { t } = useLingui();
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get("next"));
  const session = useSession();
  const form = useAuthForm({
    validate: validateSignIn,
    submit: ({ email, password }) => signIn({ email: email.trim(), password }),
    fallbackError: t`We could not sign you in. Please try again.`,
  });
  useDocumentTitle(t`Sign in`);

  if (session.isPending) return <LoadingState />;
  if (session.data) return <Navigate to={next} replace />;
  const signUpHref = `/sign-up?${new URLSearchParams({ next }).toString()}`;
  // Where an emailed confirmation link lands when it could not sign the user in.
  const linkError = searchParams.get("error");
  return (
    <div className={s.page}>
      <h1>
        <Trans>Sign in</Trans>
      </h1>
      <p className="lede">
        <Trans>Welcome back. Pick up where you left off.</Trans>
      </p>
      <form className={s.form} noValidate onSubmit={form.onSubmit}>
        {linkError && !form.problem && (
          <p className={f.formError} role="alert">
            {linkError === "TOKEN_EXPIRED" ? (
              <Trans>That confirmation link has expired. Sign in to get a new one.</Trans>
            ) : (
              <Trans>That confirmation link does not work. Sign in to get a new one.</Trans>
            )}
          </p>
        )}
        {searchParams.get("signedOut") === "everywhere" && !form.problem && (
          <p role="status">
            <Trans>You are signed out on every device.</Trans>
          </p>
        )}
        {form.problem && <AuthProblemNotice problem={form.problem} next={next} />}
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
          autoComplete="current-password"
          required
          error={form.errors.password}
        />
        <Link to="/forgot-password" className={s.forgot}>
          <Trans>Forgot password?</Trans>
        </Link>
        <button
          type="submit"
          className={buttonClass({ variant: "primary", block: true })}
          disabled={form.pending}
        >
          {form.pending ? <Trans>Signing in…</Trans> : <Trans>Sign in</Trans>}
        </button>
      </form>
      <p className={s.switch}>
        <Trans>
          New to Lumen? <Link to={signUpHref}>Create an account</Link>
        </Trans>
      </p>
    </div>
  );
}
