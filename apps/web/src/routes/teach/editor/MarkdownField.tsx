import { useId, useState } from "react";
import { describedBy } from "../../../components/fields";
import { Markdown } from "../../../components/Markdown";

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
    <div className="field markdown-field">
      <div className="markdown-label-row">
        <label htmlFor={id}>{label}</label>
        <button
          type="button"
          className="link-button"
          aria-expanded={preview}
          aria-controls={previewId}
          onClick={() => setPreview(!preview)}
        >
          {preview ? "Hide preview" : "Show preview"}
        </button>
      </div>
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
      <div className={preview ? "markdown-split" : undefined}>
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
          className="markdown-preview"
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
        <p className="field-hint field-counter" aria-hidden="true">
          {value.length.toLocaleString("en")} / {maxLength.toLocaleString("en")}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
