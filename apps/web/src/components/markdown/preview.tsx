import { t } from "@lingui/core/macro";
import { useId, useState } from "react";
import { useActiveLocale } from "../../lib/i18n/use-active-locale";
import { Markdown } from "../Markdown";
import { linkButtonClass } from "../ui/Button";
import { fieldStyles as f } from "../ui/Field";

/** A Markdown field's preview: whether it is shown, and the id tying its toggle to it. */
export function useMarkdownPreview() {
  const [shown, setShown] = useState(false);
  const id = useId();
  return { shown, id, toggle: () => setShown((was) => !was) };
}

export type MarkdownPreviewState = ReturnType<typeof useMarkdownPreview>;

/**
 * A Markdown field's head: its label with the preview toggle beside it, then its hint (id
 * `<id>-hint`, as `describedBy` expects).
 */
export function MarkdownFieldHead({
  id,
  label,
  hint,
  preview,
  rowClassName,
}: {
  id: string;
  label: string;
  hint: string;
  preview: MarkdownPreviewState;
  rowClassName: string | undefined;
}) {
  return (
    <>
      <div className={rowClassName}>
        <label htmlFor={id}>{label}</label>
        <PreviewToggle preview={preview} />
      </div>
      <p id={`${id}-hint`} className={f.hint}>
        {hint}
      </p>
    </>
  );
}

/** The "Show preview" / "Hide preview" button beside a Markdown field's label. */
function PreviewToggle({ preview }: { preview: MarkdownPreviewState }) {
  // The global `t` (pages' tests render this without Lingui's provider), re-rendered on a switch.
  useActiveLocale();
  return (
    <button
      type="button"
      className={linkButtonClass}
      aria-expanded={preview.shown}
      aria-controls={preview.id}
      onClick={preview.toggle}
    >
      {preview.shown ? t`Hide preview` : t`Show preview`}
    </button>
  );
}

/**
 * The field's text rendered by the same safe renderer readers get (so what the writer previews
 * is what they will see), in a labelled region hidden until the toggle shows it.
 */
export function MarkdownPreview({
  preview,
  source,
  label,
  className,
  emptyClassName = "muted",
}: {
  preview: MarkdownPreviewState;
  source: string;
  label: string;
  className: string | undefined;
  emptyClassName?: string | undefined;
}) {
  useActiveLocale();
  return (
    <section id={preview.id} className={className} aria-label={label} hidden={!preview.shown}>
      {source.trim() ? (
        <Markdown source={source} headingBase={3} />
      ) : (
        <p className={emptyClassName}>{t`Nothing to preview yet.`}</p>
      )}
    </section>
  );
}
