import { Trans } from "@lingui/react/macro";
import { useMutation } from "@tanstack/react-query";
import { buttonClass } from "../../components/ui/Button";
import { fieldStyles as f } from "../../components/ui/Field";
import { resendVerification } from "../../lib/auth";
import type { AuthProblem } from "./auth-problem";
import { RetryCountdown } from "./RetryCountdown";

/**
 * The form-level part of a failed sign-in or sign-up: a message, the wait before the next
 * try (other accounts can still sign in meanwhile), or the way out of an unconfirmed email.
 */
export function AuthProblemNotice({ problem, next }: { problem: AuthProblem; next: string }) {
  switch (problem.kind) {
    case "field":
      return null;
    case "form":
      return (
        <p className={f.formError} role="alert">
          {problem.message}
        </p>
      );
    case "wait":
      return (
        <div className={f.formError} role="alert">
          <p>
            <TooManyAttempts email={problem.email} />
          </p>
          <RetryCountdown until={problem.until} />
        </div>
      );
    case "unverified":
      return <UnverifiedNotice email={problem.email} next={next} />;
  }
}

function TooManyAttempts({ email }: { email: string }) {
  return email ? (
    <Trans>Too many attempts for {email}. Please wait.</Trans>
  ) : (
    <Trans>Too many attempts. Please wait.</Trans>
  );
}

export function ResendLink({ email, next }: { email: string; next: string }) {
  const resend = useMutation({ mutationFn: () => resendVerification(email, next) });
  return (
    <>
      <button
        type="button"
        className={buttonClass({ variant: "secondary" })}
        disabled={resend.isPending}
        onClick={() => resend.mutate()}
      >
        {resend.isPending ? <Trans>Sending…</Trans> : <Trans>Send the link again</Trans>}
      </button>
      {resend.isSuccess && (
        <p role="status">
          <Trans>We sent a new link to {email}.</Trans>
        </p>
      )}
      {resend.isError && (
        <p role="alert">
          <Trans>We could not send the link just now. Please try again in a minute.</Trans>
        </p>
      )}
    </>
  );
}

function UnverifiedNotice({ email, next }: { email: string; next: string }) {
  return (
    <div className={f.formError} role="alert">
      <p>
        <Trans>Confirm your email address first: open the link we sent to {email}.</Trans>
      </p>
      <ResendLink email={email} next={next} />
    </div>
  );
}
