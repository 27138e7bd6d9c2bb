import { Trans, useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { type KeyboardEvent, useId, useLayoutEffect, useRef, useState } from "react";
import {
  MarkdownFieldHead,
  MarkdownPreview,
  useMarkdownPreview,
} from "../../components/markdown/preview";
import { cx } from "../../components/ui/cx";
import { describedBy, fieldStyles as f } from "../../components/ui/Field";
import { intlLocale } from "../../lib/i18n";
import { mentionMarkup } from "../../lib/markdown/mention";
import { trpc } from "../../lib/trpc";
import { AddImageButton } from "./AddImageButton";
import s from "./forum.module.css";
import { insertMention, mentionAt, moveActive } from "./mention-query";

export const BODY_MAX = 20_000;

/**
 * A post's Markdown body with a preview and @mention autocomplete: typing `@` and letters lists
 * the course's members; arrows move, Enter or Tab picks, Escape closes.
 */
export function PostBodyField({
  id,
  label,
  courseId,
  value,
  onChange,
  error,
  rows = 6,
}: {
  id: string;
  label: string;
  courseId: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  rows?: number;
}) {
  const { t } = useLingui();
  const preview = useMarkdownPreview();
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(-1);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);
  /**
   * Where the caret goes once an inserted mention or image is in the textarea. Placed as the
   * new value is committed (a layout effect, before the next key is handled), not a frame
   * later: keys typed meanwhile would land at the end and then the caret jump back before them.
   */
  const placeCaret = useRef<number | null>(null);
  useLayoutEffect(() => {
    const at = placeCaret.current;
    if (at === null || textarea.current?.value !== value) return;
    placeCaret.current = null;
    textarea.current.focus();
    textarea.current.setSelectionRange(at, at);
  }, [value]);
  const listId = useId();
  const mention = mentionAt(value, caret);
  const open = mention !== null && dismissedAt !== mention.start;
  const candidates = useQuery({
    ...trpc.forum.mentionCandidates.queryOptions({ courseId, prefix: mention?.prefix ?? "" }),
    enabled: open,
    staleTime: 60_000,
  });
  const options = open ? (candidates.data ?? []) : [];
  const hint = t`Markdown. Type @ and a name to mention a member of the course.`;

  const pick = (index: number) => {
    const member = options[index];
    if (!mention || !member) return;
    const next = insertMention(
      value,
      mention,
      mentionMarkup({ name: member.name, userId: member.id }),
    );
    onChange(next.text);
    setCaret(next.caret);
    setActive(-1);
    placeCaret.current = next.caret;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open || options.length === 0) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      setActive(moveActive(active, options.length, event.key));
    } else if ((event.key === "Enter" || event.key === "Tab") && active >= 0) {
      event.preventDefault();
      pick(active);
    } else if (event.key === "Escape" && mention) {
      event.preventDefault();
      setDismissedAt(mention.start);
      setActive(-1);
    }
  };
  const track = (target: HTMLTextAreaElement) => setCaret(target.selectionStart ?? 0);
  /** Puts an uploaded image's Markdown at the caret (the textarea's value is the latest). */
  const insertAtCaret = (markdown: string) => {
    const el = textarea.current;
    const current = el?.value ?? value;
    const from = el?.selectionStart ?? current.length;
    const to = el?.selectionEnd ?? from;
    onChange(current.slice(0, from) + markdown + current.slice(to));
    const at = from + markdown.length;
    setCaret(at);
    placeCaret.current = at;
  };
  const mentionPrefix = mention?.prefix ?? "";
  const showList = open && (options.length > 0 || candidates.isFetched);

  return (
    <div className={f.field}>
      <MarkdownFieldHead
        id={id}
        label={label}
        hint={hint}
        preview={preview}
        rowClassName={s.labelRow}
      />
      <div className={s.bodyWrap}>
        <textarea
          ref={textarea}
          id={id}
          name={id}
          rows={rows}
          value={value}
          maxLength={BODY_MAX}
          onChange={(e) => {
            onChange(e.target.value);
            track(e.target);
            setActive(-1);
          }}
          onSelect={(e) => track(e.currentTarget)}
          onKeyDown={onKeyDown}
          onBlur={() => setActive(-1)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          aria-autocomplete="list"
          aria-controls={showList ? listId : undefined}
          aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
        />
        {showList && (
          <div
            id={listId}
            role="listbox"
            aria-label={t`Members to mention`}
            className={s.mentionList}
          >
            {options.length === 0 ? (
              <p className={s.mentionEmpty}>
                <Trans>
                  No member matches “<span translate="no">{mentionPrefix}</span>”
                </Trans>
              </p>
            ) : (
              options.map((member, index) => (
                // biome-ignore lint/a11y/useFocusableInteractive: focus stays in the textarea (aria-activedescendant), whose keys pick
                // biome-ignore lint/a11y/useKeyWithClickEvents: the textarea handles the keys (arrows, Enter, Tab, Escape)
                <div
                  key={member.id}
                  id={`${listId}-${index}`}
                  role="option"
                  aria-selected={index === active}
                  className={cx(s.mentionOption, index === active && s.mentionActive)}
                  // Keep focus (and the caret) in the textarea while picking with the pointer.
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => pick(index)}
                >
                  <span translate="no">{member.name}</span>
                  {member.isStaff && (
                    <span className={s.staffNote}>
                      {" "}
                      · <Trans>staff</Trans>
                    </span>
                  )}
                </div>
              ))
            )}
          </div>
        )}
      </div>
      <AddImageButton courseId={courseId} onInsert={insertAtCaret} />
      <MarkdownPreview
        preview={preview}
        source={value}
        label={t`${label} preview`}
        className={s.preview}
      />
      <p className={cx(f.hint, f.counter)} aria-hidden="true">
        {value.length.toLocaleString(intlLocale())} / {BODY_MAX.toLocaleString(intlLocale())}
      </p>
      {error && (
        <p id={`${id}-error`} className={f.error}>
          {error}
        </p>
      )}
    </div>
  );
}
