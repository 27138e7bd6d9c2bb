import { t } from "@lingui/core/macro";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { AuthError } from "../../../lib/auth";
import { authErrorMessage } from "../../../lib/auth-validation";

type Values<F extends string> = Record<F, string>;

/**
 * Submit logic of the account forms: read the named fields, check them, send, put a server
 * error on its field where it has one, and move focus to the first problem for keyboard users.
 */
export function useAccountForm<F extends string>(options: {
  fields: readonly F[];
  validate: (values: Values<F>) => Partial<Record<F, string>>;
  submit: (values: Values<F>) => Promise<void>;
  fieldForCode: (code: string | null) => F | null;
  fallback: string;
  onDone?: (values: Values<F>, form: HTMLFormElement) => void;
}) {
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const mutation = useMutation({ mutationFn: options.submit });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const values = Object.fromEntries(
      options.fields.map((f) => [f, String(data.get(f) ?? "")]),
    ) as Values<F>;
    const found = options.validate(values);
    setErrors(found);
    setFormError(null);
    const first = options.fields.find((f) => found[f]);
    if (first) return document.getElementById(first)?.focus();
    mutation.mutate(values, {
      onSuccess: () => options.onDone?.(values, form),
      onError: (error) => {
        const code = error instanceof AuthError ? error.code : null;
        const message = authErrorMessage(
          code,
          error instanceof AuthError && error.status !== 500 ? error.message : options.fallback,
        );
        const field = options.fieldForCode(code);
        if (error instanceof AuthError && error.status === 429) {
          const wait = error.retryAfterSeconds ?? 60;
          setFormError(t`Too many attempts. Try again in ${wait} s.`);
        } else if (field) {
          setErrors({ [field]: message } as Partial<Record<F, string>>);
          document.getElementById(field)?.focus();
        } else {
          setFormError(message);
        }
      },
    });
  };

  return {
    errors,
    formError,
    pending: mutation.isPending,
    done: mutation.isSuccess,
    reset: () => mutation.reset(),
    onSubmit,
  };
}
