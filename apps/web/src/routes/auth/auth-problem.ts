import { t } from "@lingui/core/macro";
import { AuthError } from "../../lib/auth";
import { authErrorMessage, fieldForAuthError } from "../../lib/auth-validation";

export type AuthField = "name" | "email" | "password";

/** What went wrong with a sign-in or sign-up, as the form shows it. */
export type AuthProblem =
  | { kind: "wait"; email: string; until: number }
  | { kind: "unverified"; email: string }
  | { kind: "field"; field: AuthField; message: string }
  | { kind: "form"; message: string };

/** Turns a failed submit into the problem the form shows; `now` is when it failed. */
export function authProblem(
  error: unknown,
  email: string,
  fallback: string,
  now: number,
): AuthProblem {
  const code = error instanceof AuthError ? error.code : null;
  if (error instanceof AuthError && error.status === 429) {
    // A limit without Retry-After still deserves a wait the user can see.
    return { kind: "wait", email, until: now + (error.retryAfterSeconds ?? 60) * 1000 };
  }
  if (code === "EMAIL_NOT_VERIFIED") return { kind: "unverified", email };
  const message = authErrorMessage(code, (error instanceof Error && error.message) || fallback);
  const field = fieldForAuthError(code);
  return field ? { kind: "field", field, message } : { kind: "form", message };
}

/** Whole seconds left until `until`, never negative. */
export function secondsLeft(until: number, now: number): number {
  return Math.max(0, Math.ceil((until - now) / 1000));
}

/** Called while rendering (the countdown), so the active language applies. */
export function waitText(seconds: number): string {
  return seconds > 0 ? t`Try again in ${seconds} s.` : t`You can try again now.`;
}
