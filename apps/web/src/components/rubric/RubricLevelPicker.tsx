import { Trans, useLingui } from "@lingui/react/macro";
import { fieldStyles as f } from "../ui/Field";
import s from "./RubricLevelPicker.module.css";
import { levelPoints, pickerIds } from "./rubric-picker";

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
  const { t } = useLingui();
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
      <legend className={s.legend}>
        {criterion.title ? (
          <span translate="no">{criterion.title}</span>
        ) : (
          <Trans>Untitled criterion</Trans>
        )}
      </legend>
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
                <label htmlFor={id}>
                  <LevelLabel label={level.label} points={level.points} />
                </label>
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
          <CommentLabel title={criterion.title} required={criterion.commentRequired} />
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

/** "Good — 3 points", the author's level name kept out of translation. */
function LevelLabel({ label, points }: { label: string; points: number }) {
  const worth = levelPoints(points);
  if (!label) return <Trans>Unnamed level — {worth}</Trans>;
  const name = <span translate="no">{label}</span>;
  return (
    <Trans>
      {name} — {worth}
    </Trans>
  );
}

function CommentLabel({ title, required }: { title: string; required: boolean }) {
  if (!title) {
    return required ? (
      <Trans>Comment on this criterion (required)</Trans>
    ) : (
      <Trans>Comment on this criterion (optional)</Trans>
    );
  }
  const name = <span translate="no">{title}</span>;
  return required ? (
    <Trans>Comment on {name} (required)</Trans>
  ) : (
    <Trans>Comment on {name} (optional)</Trans>
  );
}
