import { useLingui } from "@lingui/react/macro";
import { type KeyboardEvent, type ReactNode, useState } from "react";
import { describedBy, fieldStyles as f } from "../../../components/ui/Field";
import { RemovableTag } from "../../../components/ui/Tag";
import { addTags, COURSE_LIMITS } from "../course-form";
import s from "./editor.module.css";

/** The course's tags: comma-separated words, normalized, at most ten. */
export function TagsInput({
  id,
  tags,
  onChange,
  error,
}: {
  id: string;
  tags: string[];
  onChange: (tags: string[]) => void;
  error?: string | undefined;
}) {
  const { t } = useLingui();
  const tagsMax = COURSE_LIMITS.tagsMax;
  return (
    <ChipsInput
      id={id}
      label={t`Tags`}
      hint={t`Press Enter or comma to add. Up to ${tagsMax} tags help learners find the course.`}
      listLabel={t`Current tags`}
      removeLabel={(tag) => t`Remove tag ${tag}`}
      items={tags}
      add={addTags}
      full={tags.length >= COURSE_LIMITS.tagsMax}
      placeholder={[t`Add a tag`, t`Tag limit reached`]}
      maxLength={COURSE_LIMITS.tagMaxLength * 2}
      onChange={onChange}
      error={error}
    />
  );
}

/**
 * A list of short values as removable chips; Enter (and the separators `add` splits on, with
 * comma as a key) adds what was typed, Backspace on an empty field removes the last one.
 */
export function ChipsInput({
  id,
  label,
  hint,
  listLabel,
  removeLabel,
  items,
  add,
  full,
  placeholder,
  maxLength,
  commaAdds = true,
  onChange,
  error,
}: {
  id: string;
  label: string;
  hint: ReactNode;
  listLabel: string;
  /** The remove button's name for one item, translated: "Remove tag python". */
  removeLabel: (item: string) => string;
  items: string[];
  add: (existing: readonly string[], raw: string) => string[];
  full: boolean;
  placeholder: [string, string];
  maxLength: number;
  commaAdds?: boolean;
  onChange: (items: string[]) => void;
  error?: string | undefined;
}) {
  const [text, setText] = useState("");
  const commit = (raw: string) => {
    const next = add(items, raw);
    if (next.length !== items.length) onChange(next);
    setText("");
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter" || (commaAdds && event.key === ",")) {
      event.preventDefault();
      commit(text);
    } else if (event.key === "Backspace" && text === "" && items.length > 0) {
      onChange(items.slice(0, -1));
    }
  };
  return (
    <div className={f.field}>
      <label htmlFor={id}>{label}</label>
      <p id={`${id}-hint`} className={f.hint}>
        {hint}
      </p>
      <div className={s.chipsBox}>
        {items.length > 0 && (
          <ul className={s.chips} aria-label={listLabel}>
            {items.map((item) => (
              <RemovableTag
                key={item}
                removeLabel={removeLabel(item)}
                onRemove={() => {
                  onChange(items.filter((t) => t !== item));
                  document.getElementById(id)?.focus();
                }}
              >
                <span translate="no">{item}</span>
              </RemovableTag>
            ))}
          </ul>
        )}
        <input
          id={id}
          className={s.chipsInput}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => text.trim() && commit(text)}
          placeholder={full ? placeholder[1] : placeholder[0]}
          maxLength={maxLength}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
        />
      </div>
      {error && (
        <p id={`${id}-error`} className={f.error}>
          {error}
        </p>
      )}
    </div>
  );
}
