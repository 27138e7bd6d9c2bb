import { useEffect, useId } from "react";
import { RubricLevelPicker } from "../../../components/rubric/RubricLevelPicker";
import { pickerFocusId } from "../../../components/rubric/rubric-picker";
import s from "./assignment.module.css";
import {
  draftOf,
  firstErrorCriterion,
  type Rubric,
  type ScoreErrors,
  type ScoresForm,
} from "./scores-form";

/**
 * A grade by rubric: per criterion the shared level picker (a group named by the criterion's
 * title, a radio per level, a comment). `focusKey` changes when a send is refused: focus then
 * moves to the first criterion with an error — its first level, or its comment once a level
 * is chosen.
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
  const prefix = useId();
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus moves on a new refusal only
  useEffect(() => {
    if (focusKey === 0) return;
    const first = rubric.find((c) => c.id === firstErrorCriterion(rubric, errors));
    if (!first) return;
    const chosen = draftOf(form, first.id).levelId ?? undefined;
    document.getElementById(pickerFocusId(prefix, first, chosen))?.focus();
  }, [focusKey]);
  return (
    <div className={s.rubricForm}>
      {rubric.map((criterion) => {
        const draft = draftOf(form, criterion.id);
        return (
          <RubricLevelPicker
            key={criterion.id}
            idPrefix={prefix}
            criterion={criterion}
            value={{ levelId: draft.levelId ?? "", comment: draft.comment }}
            onChange={(value) =>
              onChange({
                ...form,
                scores: {
                  ...form.scores,
                  [criterion.id]: { levelId: value.levelId || null, comment: value.comment },
                },
              })
            }
            error={errors[`scores.${criterion.id}`]}
            disabled={disabled}
          />
        );
      })}
    </div>
  );
}
