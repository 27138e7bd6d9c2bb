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
  const [searchParams] = useSearchParams();
  const next = safeNextPath(searchParams.get("next"));
  const session = useSession();
  const form = useAuthForm({
    validate: validateSignUp,
    submit: ({ name, email, password }) =>
      signUp({ name: name.trim(), email: email.trim(), password }, next),
    fallbackError: "We could not create your account. Please try again.",
    signsIn: false,
  });
  useDocumentTitle("Create your account");

  if (session.isPending) return <LoadingState />;
  if (session.data) return <Navigate to={next} replace />;
  const signInHref = `/sign-in?${new URLSearchParams({ next }).toString()}`;
  if (form.sentTo) {
    return (
      <div className={s.page}>
        <h1>Check your inbox</h1>
        <p className="lede" role="status">
          We sent an email to {form.sentTo}. Open the link in it to finish: it confirms your address
          and signs you in.
        </p>
        <div className={s.form}>
          <p>No email after a few minutes? Check your spam folder, or:</p>
          <ResendLink email={form.sentTo} next={next} />
        </div>
        <p className={s.switch}>
          Already confirmed? <Link to={signInHref}>Sign in</Link>
        </p>
      </div>
    );
  }
  return (
    <div className={s.page}>
      <h1>Create your account</h1>
      <p className="lede">Free forever for learners. Enroll in any course.</p>
      <form className={s.form} noValidate onSubmit={form.onSubmit}>
        {form.problem && <AuthProblemNotice problem={form.problem} next={next} />}
        <TextField id="name" label="Name" autoComplete="name" required error={form.errors.name} />
        <TextField
          id="email"
          label="Email"
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          error={form.errors.email}
        />
        <TextField
          id="password"
          label="Password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${PASSWORD_MIN} characters.`}
          required
          minLength={PASSWORD_MIN}
          error={form.errors.password}
        />
        <button
          type="submit"
          className={buttonClass({ variant: "primary", block: true })}
          disabled={form.pending}
        >
          {form.pending ? "Creating account…" : "Create account"}
        </button>
      </form>
      <p className={s.switch}>
        Already have an account? <Link to={signInHref}>Sign in</Link>
      </p>
    </div>
  );
}
