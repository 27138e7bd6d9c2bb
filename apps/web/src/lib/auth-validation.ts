import { t } from "@lingui/core/macro";
import { inputTextProblem } from "@lumen/shared/text-rules";

export type FieldErrors<K extends string> = Partial<Record<K, string>>;

// Deliberately loose: the server is the judge; this only catches obvious typos early.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const PASSWORD_MIN = 8;
const PASSWORD_MAX = 128;

// Messages are built when called (during render or a submit), in the active language.
export function validateSignIn(input: { email: string; password: string }) {
  const errors: FieldErrors<"email" | "password"> = {};
  if (!input.email.trim()) errors.email = t`Enter your email address.`;
  else if (!EMAIL.test(input.email.trim()))
    errors.email = t`Enter an email address like name@example.com.`;
  if (!input.password) errors.password = t`Enter your password.`;
  return errors;
}

export const NAME_MAX = 100;

/** The server's name rule (apps/api auth-rules.ts), checked early: 1–100 characters, no controls. */
export function nameProblem(raw: string): string | null {
  const name = raw.trim();
  if (!name) return t`Enter your name.`;
  if (name.length > NAME_MAX) return t`Use at most ${NAME_MAX} characters.`;
  return inputTextProblem(name, t`Name`);
}

export function validateSignUp(input: { name: string; email: string; password: string }) {
  const errors: FieldErrors<"name" | "email" | "password"> = {};
  const name = nameProblem(input.name);
  if (name) errors.name = name;
  const { email } = validateSignIn(input);
  if (email) errors.email = email;
  const password = newPasswordProblem(input.password);
  if (password) errors.password = password;
  return errors;
}

/** Sign-up's length rule for any new password (reset, change); the server adds the rest. */
export function newPasswordProblem(password: string): string | null {
  if (!password) return t`Choose a password.`;
  if (password.length < PASSWORD_MIN) return t`Use at least ${PASSWORD_MIN} characters.`;
  if (password.length > PASSWORD_MAX) return t`Use at most ${PASSWORD_MAX} characters.`;
  return null;
}

/** The loose email check of sign-in, for any address field; null when it looks fine. */
export function emailProblem(raw: string): string | null {
  return validateSignIn({ email: raw, password: "-" }).email ?? null;
}

/** better-auth error codes → a message on the field it concerns, where there is one. */
export function fieldForAuthError(code: string | null): "name" | "email" | "password" | null {
  switch (code) {
    case "INVALID_NAME":
      return "name";
    case "USER_ALREADY_EXISTS":
    case "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL":
    case "INVALID_EMAIL":
      return "email";
    case "PASSWORD_TOO_SHORT":
    case "PASSWORD_TOO_LONG":
    case "PASSWORD_TOO_COMMON":
      return "password";
    default:
      return null;
  }
}

export function authErrorMessage(code: string | null, fallback: string): string {
  switch (code) {
    case "INVALID_EMAIL_OR_PASSWORD":
      return t`That email and password do not match an account.`;
    case "USER_ALREADY_EXISTS":
    case "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL":
      return t`An account with this email already exists. Sign in instead.`;
    case "PASSWORD_TOO_SHORT":
      return t`Use at least ${PASSWORD_MIN} characters.`;
    case "PASSWORD_TOO_COMMON":
      return t`That password is one of the most common ones. Choose one that is harder to guess.`;
    case "EMAIL_NOT_VERIFIED":
      return t`Confirm your email address first: open the link we emailed you.`;
    case "INVALID_PASSWORD":
      return t`That is not your current password.`;
    case "CURRENT_PASSWORD_REQUIRED":
      return t`Enter your current password.`;
    case "INVALID_TOKEN":
      return t`This reset link has expired or was already used. Ask for a new one.`;
    default:
      return fallback;
  }
}
