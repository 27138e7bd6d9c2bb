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
          <p>Too many attempts{problem.email ? ` for ${problem.email}` : ""}. Please wait.</p>
          <RetryCountdown until={problem.until} />
        </div>
      );
    case "unverified":
      return <UnverifiedNotice email={problem.email} next={next} />;
  }
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
        {resend.isPending ? "Sending…" : "Send the link again"}
      </button>
      {resend.isSuccess && <p role="status">We sent a new link to {email}.</p>}
      {resend.isError && (
        <p role="alert">We could not send the link just now. Please try again in a minute.</p>
      )}
    </>
  );
}

function UnverifiedNotice({ email, next }: { email: string; next: string }) {
  return (
    <div className={f.formError} role="alert">
      <p>Confirm your email address first: open the link we sent to {email}.</p>
      <ResendLink email={email} next={next} />
    </div>
  );
}
