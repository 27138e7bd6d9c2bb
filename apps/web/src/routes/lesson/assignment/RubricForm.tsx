import { useEffect, useId, useRef } from "react";
import { cx } from "../../../components/ui/cx";
import { fieldStyles as f } from "../../../components/ui/Field";
import s from "./assignment.module.css";
import {
  chooseLevel,
  draftOf,
  firstErrorCriterion,
  levelName,
  type Rubric,
  type ScoreErrors,
  type ScoresForm,
  writeComment,
} from "./scores-form";

/**
 * A grade by rubric: per criterion a group of level radios (its legend is the criterion's
 * title) and a comment. `focusKey` changes when a send is refused: focus then moves to the
 * first criterion with an error.
 */
export function RubricForm({
  rubric,
  form,
  onChange,
  errors,
  focusKey,
  disabled = false,
}: {
  rubric: Rubric;
  form: ScoresForm;
  onChange: (form: ScoresForm) => void;
  errors: ScoreErrors;
  focusKey: number;
  disabled?: boolean;
}) {
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus moves on a new refusal only
  useEffect(() => {
    if (focusKey === 0) return;
    const first = firstErrorCriterion(rubric, errors);
    if (!first) return;
    const group = root.current?.querySelector<HTMLElement>(`[data-criterion="${first}"]`);
    const level = group?.querySelector<HTMLInputElement>("input[type=radio]");
    const chosen = draftOf(form, first).levelId !== null;
    const comment = group?.querySelector<HTMLTextAreaElement>("textarea");
    (chosen ? comment : level)?.focus();
  }, [focusKey]);
  return (
    <div ref={root} className={s.rubricForm}>
      {rubric.map((criterion) => {
        const draft = draftOf(form, criterion.id);
        const error = errors[`scores.${criterion.id}`];
        const base = `${id}-${criterion.id}`;
        const errorId = `${base}-error`;
        const commentHint = criterion.commentRequired
          ? "Required: explain the level you chose."
          : "Optional.";
        const commentInvalid = Boolean(error) && draft.levelId !== null;
        return (
          <fieldset
            key={criterion.id}
            className={cx(s.criterion, error && s.invalid)}
            data-criterion={criterion.id}
            aria-describedby={error ? errorId : undefined}
            disabled={disabled}
          >
            <legend className={s.legend}>{criterion.title}</legend>
            {criterion.description && <p className={s.muted}>{criterion.description}</p>}
            <ul className={s.levels}>
              {criterion.levels.map((level) => {
                const levelId = `${base}-${level.id}`;
                return (
                  <li key={level.id}>
                    <label className={s.level} htmlFor={levelId}>
                      <input
                        id={levelId}
                        type="radio"
                        name={base}
                        value={level.id}
                        checked={draft.levelId === level.id}
                        onChange={() => onChange(chooseLevel(form, criterion.id, level.id))}
                        aria-describedby={level.description ? `${levelId}-text` : undefined}
                      />
                      <span>{levelName(level)}</span>
                    </label>
                    {level.description && (
                      <p id={`${levelId}-text`} className={s.levelText}>
                        {level.description}
                      </p>
                    )}
                  </li>
                );
              })}
            </ul>
            <div className={f.field}>
              <label htmlFor={`${base}-comment`}>Comment on {criterion.title}</label>
              <p id={`${base}-comment-hint`} className={f.hint}>
                {commentHint}
              </p>
              <textarea
                id={`${base}-comment`}
                rows={3}
                maxLength={5_000}
                value={draft.comment}
                aria-required={criterion.commentRequired || undefined}
                aria-invalid={commentInvalid ? true : undefined}
                aria-describedby={cx(`${base}-comment-hint`, commentInvalid && errorId)}
                onChange={(e) => onChange(writeComment(form, criterion.id, e.target.value))}
              />
            </div>
            {error && (
              <p id={errorId} className={f.error}>
                {error}
              </p>
            )}
          </fieldset>
        );
      })}
    </div>
  );
}
