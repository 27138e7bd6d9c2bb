import { Trans, useLingui } from "@lingui/react/macro";
import { type FormEvent, type KeyboardEvent, useId, useRef, useState } from "react";
import { buttonClass, iconButtonClass } from "../../../components/ui/Button";
import { fieldStyles as f } from "../../../components/ui/Field";
import o from "./outline.module.css";

/**
 * A title that is renamed in place: the Rename button swaps it for a field; Enter saves,
 * Escape cancels, and focus returns to the Rename button either way.
 */
export function InlineTitle({
  title,
  what,
  onRename,
  as: Tag = "span",
  maxLength = 200,
}: {
  title: string;
  what: "module" | "lesson";
  onRename: (title: string) => void;
  as?: "h3" | "span";
  maxLength?: number;
}) {
  const { t } = useLingui();
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const inputId = useId();
  const finish = () => {
    setEditing(false);
    setError(null);
    requestAnimationFrame(() => renameButton.current?.focus());
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get("title") ?? "").trim();
    if (!value) {
      return setError(
        what === "module" ? t`The module needs a title.` : t`The lesson needs a title.`,
      );
    }
    if (value !== title) onRename(value);
    finish();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      finish();
    }
  };

  if (editing) {
    return (
      <form className={o.rename} onSubmit={onSubmit} onKeyDown={onKeyDown}>
        <label htmlFor={inputId} className="visually-hidden">
          {what === "module" ? <Trans>Module title</Trans> : <Trans>Lesson title</Trans>}
        </label>
        <input
          id={inputId}
          name="title"
          defaultValue={title}
          maxLength={maxLength}
          // biome-ignore lint/a11y/noAutofocus: the user just asked to edit this title
          autoFocus
          onFocus={(e) => e.currentTarget.select()}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error` : undefined}
        />
        <button type="submit" className={buttonClass({ variant: "primary", size: "small" })}>
          <Trans>Save</Trans>
        </button>
        <button
          type="button"
          className={buttonClass({ variant: "ghost", size: "small" })}
          onClick={finish}
        >
          <Trans>Cancel</Trans>
        </button>
        {error && (
          <p id={`${inputId}-error`} className={f.error}>
            {error}
          </p>
        )}
      </form>
    );
  }
  return (
    <span className={o.inlineTitle}>
      <Tag className={o.inlineTitleText} translate="no">
        {title}
      </Tag>
      <button
        ref={renameButton}
        type="button"
        className={iconButtonClass()}
        aria-label={what === "module" ? t`Rename module “${title}”` : t`Rename lesson “${title}”`}
        title={t`Rename`}
        onClick={() => setEditing(true)}
      >
        <svg viewBox="0 0 20 20" aria-hidden="true">
          <path
            d="M13.6 3.6a2 2 0 0 1 2.8 2.8L7 15.8 3.5 16.5l.7-3.5z"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.6"
            strokeLinejoin="round"
          />
        </svg>
      </button>
    </span>
  );
}
