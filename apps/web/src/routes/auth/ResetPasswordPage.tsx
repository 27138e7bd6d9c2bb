import { Trans, useLingui } from "@lingui/react/macro";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { buttonClass } from "../../components/ui/Button";
import { FormError, TextField } from "../../components/ui/Field";
import { AuthError, resetPassword } from "../../lib/auth";
import { authErrorMessage, newPasswordProblem } from "../../lib/auth-validation";
import { useDocumentTitle } from "../../lib/use-document-title";
import s from "./auth.module.css";

/** Where the mailed reset link lands: choose a new password, then sign in with it. */
export function Component() {
  const { t } = useLingui();
  useDocumentTitle(t`Choose a new password`);
  const [searchParams] = useSearchParams();
  const token = searchParams.get("token") ?? "";
  const [error, setError] = useState<string | undefined>();
  const reset = useMutation({
    mutationFn: (password: string) => resetPassword(token, password),
    onError: (failure) => {
      // A password the server refuses (too common) belongs on the field.
      if (failure instanceof AuthError && failure.code?.startsWith("PASSWORD_")) {
        setError(authErrorMessage(failure.code, failure.message));
        document.getElementById("password")?.focus();
      }
    },
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    const problem = newPasswordProblem(password);
    setError(problem ?? undefined);
    if (problem) return document.getElementById("password")?.focus();
    reset.mutate(password);
  };

  if (reset.isSuccess) {
    return (
      <div className={s.page}>
        <h1>
          <Trans>Password changed</Trans>
        </h1>
        <p className="lede" role="status">
          <Trans>Your new password is set, and you are signed out on every device.</Trans>
        </p>
        <p className={s.switch}>
          <Link to="/sign-in" className={buttonClass({ variant: "primary" })}>
            <Trans>Sign in with your new password</Trans>
          </Link>
        </p>
      </div>
    );
  }
  const linkBroken =
    !token || (reset.error instanceof AuthError && reset.error.code === "INVALID_TOKEN");
  const formProblem =
    reset.isError && !linkBroken && !error
      ? authErrorMessage(null, t`Your password was not changed. Please try again.`)
      : null;
  return (
    <div className={s.page}>
      <h1>
        <Trans>Choose a new password</Trans>
      </h1>
      {linkBroken ? (
        <div className={s.form}>
          <FormError>
            {token
              ? authErrorMessage("INVALID_TOKEN", "")
              : t`This page needs the link from your email. Ask for a new one.`}
          </FormError>
          <Link to="/forgot-password" className={buttonClass({ variant: "primary", block: true })}>
            <Trans>Send me a new link</Trans>
          </Link>
        </div>
      ) : (
        <form className={s.form} noValidate onSubmit={onSubmit}>
          {formProblem && <FormError>{formProblem}</FormError>}
          <TextField
            id="password"
            label={t`New password`}
            type="password"
            autoComplete="new-password"
            hint={t`At least 8 characters. Avoid common passwords.`}
            required
            error={error}
          />
          <button
            type="submit"
            className={buttonClass({ variant: "primary", block: true })}
            disabled={reset.isPending}
          >
            {reset.isPending ? <Trans>Saving…</Trans> : <Trans>Set new password</Trans>}
          </button>
        </form>
      )}
    </div>
  );
}
