import { Trans, useLingui } from "@lingui/react/macro";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link } from "react-router";
import { buttonClass } from "../../components/ui/Button";
import { TextField } from "../../components/ui/Field";
import { requestPasswordReset } from "../../lib/auth";
import { emailProblem } from "../../lib/auth-validation";
import { useDocumentTitle } from "../../lib/use-document-title";
import { AuthProblemNotice } from "./AuthProblemNotice";
import s from "./auth.module.css";
import { authProblem } from "./auth-problem";

/** "Forgot password?": asks for a reset link. The answer never says whether the address is known. */
export function Component() {
  const { t } = useLingui();
  useDocumentTitle(t`Reset your password`);
  const [error, setError] = useState<string | undefined>();
  const send = useMutation({ mutationFn: requestPasswordReset });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "").trim();
    const problem = emailProblem(email);
    setError(problem ?? undefined);
    if (problem) return document.getElementById("email")?.focus();
    send.mutate(email);
  };

  if (send.isSuccess) {
    const email = send.variables;
    return (
      <div className={s.page}>
        <h1>
          <Trans>Check your inbox</Trans>
        </h1>
        <p className="lede" role="status">
          <Trans>
            If {email} has a Lumen account, we sent it a link to choose a new password. The link
            works once, for one hour.
          </Trans>
        </p>
        <p className={s.switch}>
          <Link to="/sign-in">
            <Trans>Back to sign in</Trans>
          </Link>
        </p>
      </div>
    );
  }
  const problem = send.isError
    ? authProblem(
        send.error,
        send.variables ?? "",
        t`We could not send the link. Try again.`,
        Date.now(),
      )
    : null;
  return (
    <div className={s.page}>
      <h1>
        <Trans>Reset your password</Trans>
      </h1>
      <p className="lede">
        <Trans>Enter your account's email address and we will send you a link.</Trans>
      </p>
      <form className={s.form} noValidate onSubmit={onSubmit}>
        {problem && <AuthProblemNotice problem={problem} next="/" />}
        <TextField
          id="email"
          label={t`Email`}
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          error={error}
        />
        <button
          type="submit"
          className={buttonClass({ variant: "primary", block: true })}
          disabled={send.isPending}
        >
          {send.isPending ? <Trans>Sending…</Trans> : <Trans>Send the link</Trans>}
        </button>
      </form>
      <p className={s.switch}>
        <Trans>
          Remembered it? <Link to="/sign-in">Sign in</Link>
        </Trans>
      </p>
    </div>
  );
}
