import { useLingui } from "@lingui/react/macro";
import {
  MarkdownFieldHead,
  MarkdownPreview,
  useMarkdownPreview,
} from "../../../components/markdown/preview";
import { cx } from "../../../components/ui/cx";
import { describedBy, fieldStyles as f } from "../../../components/ui/Field";
import { intlLocale } from "../../../lib/i18n";
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
  const { t } = useLingui();
  const preview = useMarkdownPreview();
  const hint = t`Markdown: # heading, **bold**, *italic*, [link](https://…), - lists, \`code\`.`;
  const locale = intlLocale();
  return (
    <div className={f.field}>
      <MarkdownFieldHead
        id={id}
        label={label}
        hint={hint}
        preview={preview}
        rowClassName={s.markdownLabelRow}
      />
      <div className={preview.shown ? s.markdownSplit : undefined}>
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
        <MarkdownPreview
          preview={preview}
          source={value}
          label={t`${label} preview`}
          className={s.markdownPreview}
        />
      </div>
      {maxLength !== undefined && (
        <p className={cx(f.hint, f.counter)} aria-hidden="true">
          {value.length.toLocaleString(locale)} / {maxLength.toLocaleString(locale)}
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
