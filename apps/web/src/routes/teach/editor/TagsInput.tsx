import { type KeyboardEvent, useState } from "react";
import { describedBy } from "../../../components/fields";
import { addTags, COURSE_LIMITS } from "../../../lib/course-form";

/** Tags as removable chips; Enter or a comma adds what was typed, Backspace on empty removes the last. */
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
  const [text, setText] = useState("");
  const full = tags.length >= COURSE_LIMITS.tagsMax;
  const commit = (raw: string) => {
    const next = addTags(tags, raw);
    if (next.length !== tags.length) onChange(next);
    setText("");
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter" || event.key === ",") {
      event.preventDefault();
      commit(text);
    } else if (event.key === "Backspace" && text === "" && tags.length > 0) {
      onChange(tags.slice(0, -1));
    }
  };
  const hint = `Press Enter or comma to add. Up to ${COURSE_LIMITS.tagsMax} tags help learners find the course.`;
  return (
    <div className="field">
      <label htmlFor={id}>Tags</label>
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
      <div className="tags-box">
        {tags.length > 0 && (
          <ul className="tags" aria-label="Current tags">
            {tags.map((tag) => (
              <li key={tag} className="tag">
                {tag}
                <button
                  type="button"
                  className="tag-remove"
                  aria-label={`Remove tag ${tag}`}
                  onClick={() => {
                    onChange(tags.filter((t) => t !== tag));
                    document.getElementById(id)?.focus();
                  }}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        <input
          id={id}
          className="tags-input"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => text.trim() && commit(text)}
          placeholder={full ? "Tag limit reached" : "Add a tag"}
          maxLength={COURSE_LIMITS.tagMaxLength * 2}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
        />
      </div>
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
