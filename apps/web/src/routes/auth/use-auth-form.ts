import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { FieldErrors } from "../../lib/auth-validation";
import { onSignedIn } from "../../lib/session";
import { type AuthField, type AuthProblem, authProblem } from "./auth-problem";

export interface AuthValues {
  name: string;
  email: string;
  password: string;
}
export type { AuthField };

const FIELD_ORDER: readonly AuthField[] = ["name", "email", "password"];

/**
 * Shared submit logic of the sign-in and sign-up forms: validate, send, map server errors
 * onto fields or the form, and move focus to the first problem so keyboard users land on it.
 * `signsIn: false` (sign-up) ends in `sentTo`, the address to check, instead of a session.
 */
export function useAuthForm(options: {
  validate: (values: AuthValues) => FieldErrors<AuthField>;
  submit: (values: AuthValues) => Promise<void>;
  fallbackError: string;
  signsIn?: boolean;
}) {
  const [errors, setErrors] = useState<FieldErrors<AuthField>>({});
  const [problem, setProblem] = useState<AuthProblem | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: async (values: AuthValues) => {
      await options.submit(values);
      // The page redirects itself once the session query sees the user.
      if (options.signsIn !== false) await onSignedIn();
    },
    onSuccess: (_, values) => {
      if (options.signsIn === false) setSentTo(values.email.trim());
    },
    onError: (error, values) => {
      const found = authProblem(error, values.email.trim(), options.fallbackError, Date.now());
      if (found.kind === "field" && document.getElementById(found.field)) {
        setErrors({ [found.field]: found.message });
        focusField(found.field);
      } else {
        setProblem(found.kind === "field" ? { kind: "form", message: found.message } : found);
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
    setProblem(null);
    const first = FIELD_ORDER.find((f) => found[f]);
    if (first) return focusField(first);
    mutation.mutate(values);
  };

  return { errors, problem, sentTo, pending: mutation.isPending, onSubmit };
}

function focusField(id: string) {
  document.getElementById(id)?.focus();
}
