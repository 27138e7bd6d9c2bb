import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";
import s from "./Field.module.css";

/** The field look for controls laid out by hand (a textarea with a counter, a chips box). */
export const fieldStyles = s;

/**
 * Labelled form controls whose hint and error are read with them (aria-describedby) and
 * whose error marks them invalid. Ids are given, so the publish checklist can focus them.
 */
interface Described {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
}

export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  return (
    [hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined
  );
}

export function FieldShell({
  id,
  label,
  hint,
  error,
  children,
}: Described & { children: ReactNode }) {
  return (
    <div className={s.field}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className={s.hint}>
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p id={`${id}-error`} className={s.error}>
          {error}
        </p>
      )}
    </div>
  );
}

export function TextField({
  id,
  label,
  hint,
  error,
  ...input
}: Described & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
      />
    </FieldShell>
  );
}

export function SelectField({
  id,
  label,
  hint,
  error,
  options,
  placeholder,
  ...select
}: Described &
  SelectHTMLAttributes<HTMLSelectElement> & {
    options: ReadonlyArray<{ value: string; label: string }>;
    placeholder?: string;
  }) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        name={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...select}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** A problem with the whole form (not one field), announced when it appears. */
export function FormError({ children }: { children: ReactNode }) {
  return (
    <p className={s.formError} role="alert">
      {children}
    </p>
  );
}
