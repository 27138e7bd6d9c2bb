import { useId, useState } from "react";
import { Markdown } from "../../../components/Markdown";
import { linkButtonClass } from "../../../components/ui/Button";
import { cx } from "../../../components/ui/cx";
import { describedBy, fieldStyles as f } from "../../../components/ui/Field";
import s from "./editor.module.css";

/**
 * A Markdown textarea with a preview rendered by the same safe renderer learners get, so
 * what the author previews is exactly what learners will see.
 */
export function MarkdownField({
  id,
  label,
  value,
  onChange,
  error,
  maxLength,
  rows = 10,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  maxLength?: number;
  rows?: number;
}) {
  const [preview, setPreview] = useState(false);
  const previewId = useId();
  const hint = "Markdown: # heading, **bold**, *italic*, [link](https://…), - lists, `code`.";
  return (
    <div className={f.field}>
      <div className={s.markdownLabelRow}>
        <label htmlFor={id}>{label}</label>
        <button
          type="button"
          className={linkButtonClass}
          aria-expanded={preview}
          aria-controls={previewId}
          onClick={() => setPreview(!preview)}
        >
          {preview ? "Hide preview" : "Show preview"}
        </button>
      </div>
      <p id={`${id}-hint`} className={f.hint}>
        {hint}
      </p>
      <div className={preview ? s.markdownSplit : undefined}>
        <textarea
          id={id}
          name={id}
          rows={rows}
          value={value}
          maxLength={maxLength}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
        />
        <section
          id={previewId}
          className={s.markdownPreview}
          aria-label={`${label} preview`}
          hidden={!preview}
        >
          {value.trim() ? (
            <Markdown source={value} headingBase={3} />
          ) : (
            <p className="muted">Nothing to preview yet.</p>
          )}
        </section>
      </div>
      {maxLength !== undefined && (
        <p className={cx(f.hint, f.counter)} aria-hidden="true">
          {value.length.toLocaleString("en")} / {maxLength.toLocaleString("en")}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className={f.error}>
          {error}
        </p>
      )}
    </div>
  );
}
