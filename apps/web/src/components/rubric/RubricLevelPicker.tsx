import { t } from "@lingui/core/macro";
import { useActiveLocale } from "../../lib/i18n/use-active-locale";
import { fieldStyles as f } from "../ui/Field";
import s from "./RubricLevelPicker.module.css";
import { levelOptionLabel, pickerIds } from "./rubric-picker";

export interface PickerCriterion {
  id: string;
  title: string;
  description: string;
  commentRequired: boolean;
  levels: ReadonlyArray<{ id: string; label: string; description: string; points: number }>;
}

export interface PickerValue {
  levelId: string;
  comment: string;
}

/**
 * One criterion of a rubric to grade by: a fieldset named by the criterion's title, a radio
 * per level ("Good — 3 points") with its description, and a comment (required when the
 * criterion asks for one). The error, if any, is read with the group.
 */
export function RubricLevelPicker({
  idPrefix,
  criterion,
  value,
  onChange,
  error,
  disabled = false,
}: {
  /** Tells apart pickers of the same criterion on one page (and names the radio group). */
  idPrefix: string;
  criterion: PickerCriterion;
  value: PickerValue | undefined;
  onChange: (value: PickerValue) => void;
  error?: string | undefined;
  disabled?: boolean;
}) {
  // Plain strings with the global `t` (no provider needed by the pages' tests); this
  // subscription re-renders them on a language switch.
  useActiveLocale();
  const ids = pickerIds(idPrefix, criterion.id);
  const chosen = value?.levelId ?? "";
  const comment = value?.comment ?? "";
  const aboutId = `${ids.fieldset}-about`;
  const groupDescribed =
    [criterion.description ? aboutId : "", error ? ids.error : ""].filter(Boolean).join(" ") ||
    undefined;
  const commentHint = criterion.commentRequired ? t`Required: explain the level you chose.` : "";
  return (
    <fieldset
      id={ids.fieldset}
      className={s.picker}
      aria-describedby={groupDescribed}
      aria-invalid={error ? true : undefined}
      disabled={disabled}
    >
      {criterion.title ? (
        <legend className={s.legend} translate="no">
          {criterion.title}
        </legend>
      ) : (
        <legend className={s.legend}>{t`Untitled criterion`}</legend>
      )}
      {criterion.description && (
        <p id={aboutId} className={f.hint} translate="no">
          {criterion.description}
        </p>
      )}
      <div className={s.levels}>
        {criterion.levels.map((level) => {
          const id = ids.level(level.id);
          return (
            <div key={level.id} className={s.level}>
              <input
                id={id}
                type="radio"
                name={ids.fieldset}
                value={level.id}
                checked={chosen === level.id}
                aria-describedby={level.description ? `${id}-about` : undefined}
                onChange={() => onChange({ levelId: level.id, comment })}
              />
              <div>
                <label htmlFor={id}>{levelOptionLabel(level)}</label>
                {level.description && (
                  <p id={`${id}-about`} className={f.hint} translate="no">
                    {level.description}
                  </p>
                )}
              </div>
            </div>
          );
        })}
      </div>
      <div className={f.field}>
        <label htmlFor={ids.comment}>
          {commentLabel(criterion.title, criterion.commentRequired)}
        </label>
        {commentHint && (
          <p id={`${ids.comment}-hint`} className={f.hint}>
            {commentHint}
          </p>
        )}
        <textarea
          id={ids.comment}
          className={s.comment}
          rows={2}
          value={comment}
          maxLength={5000}
          aria-invalid={error && chosen ? true : undefined}
          aria-describedby={
            [commentHint ? `${ids.comment}-hint` : "", error && chosen ? ids.error : ""]
              .filter(Boolean)
              .join(" ") || undefined
          }
          onChange={(e) => onChange({ levelId: chosen, comment: e.target.value })}
        />
      </div>
      {error && (
        <p id={ids.error} className={f.error}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

function commentLabel(title: string, required: boolean): string {
  if (!title) {
    return required
      ? t`Comment on this criterion (required)`
      : t`Comment on this criterion (optional)`;
  }
  return required ? t`Comment on ${title} (required)` : t`Comment on ${title} (optional)`;
}
