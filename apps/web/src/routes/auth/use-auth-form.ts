import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { AuthError } from "../../lib/auth";
import { authErrorMessage, type FieldErrors, fieldForAuthError } from "../../lib/auth-validation";
import { onSignedIn } from "../../lib/session";

export interface AuthValues {
  name: string;
  email: string;
  password: string;
}
export type AuthField = keyof AuthValues;

const FIELD_ORDER: readonly AuthField[] = ["name", "email", "password"];

/**
 * Shared submit logic of the sign-in and sign-up forms: validate, send, map server errors
 * onto fields, and move focus to the first problem so keyboard users land on it.
 */
export function useAuthForm(options: {
  validate: (values: AuthValues) => FieldErrors<AuthField>;
  submit: (values: AuthValues) => Promise<void>;
  fallbackError: string;
}) {
  const [errors, setErrors] = useState<FieldErrors<AuthField>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: async (values: AuthValues) => {
      await options.submit(values);
      // The page redirects itself once the session query sees the user.
      await onSignedIn();
    },
    onError: (error) => {
      const code = error instanceof AuthError ? error.code : null;
      const message = authErrorMessage(code, error.message || options.fallbackError);
      const field = fieldForAuthError(code);
      if (field && document.getElementById(field)) {
        const next: FieldErrors<AuthField> = {};
        next[field] = message;
        setErrors(next);
        focusField(field);
      } else {
        setFormError(message);
      }
    },
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const read = (field: AuthField) => {
      const value = data.get(field);
      return typeof value === "string" ? value : "";
    };
    const values: AuthValues = {
      name: read("name"),
      email: read("email"),
      password: read("password"),
    };
    const found = options.validate(values);
    setErrors(found);
    setFormError(null);
    const first = FIELD_ORDER.find((f) => found[f]);
    if (first) return focusField(first);
    mutation.mutate(values);
  };

  return { errors, formError, pending: mutation.isPending, onSubmit };
}

function focusField(id: string) {
  document.getElementById(id)?.focus();
}
