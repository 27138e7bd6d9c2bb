import { useLingui } from "@lingui/react/macro";
import { iconButtonClass } from "../../../../components/ui/Button";
import { describedBy, FieldShell, TextField } from "../../../../components/ui/Field";
import { focusAfterMove, MoveButtons } from "../MoveButtons";
import o from "../outline.module.css";
import { type CriterionDraft, type LevelDraft, levelFieldId } from "./assignment-editor";
import s from "./assignment-editor.module.css";
import { moveLevel, removeLevel, updateLevel } from "./assignment-editor-edits";
import { ASSIGNMENT_LIMITS as L } from "./assignment-editor-validate";
import type { AssignmentForm } from "./use-assignment-form";

/** One level of a criterion: name, points (fixed once reviews started), description. */
export function LevelRow({
  form,
  criterion,
  level,
  index,
  levelsHeadingId,
}: {
  form: AssignmentForm;
  criterion: CriterionDraft;
  level: LevelDraft;
  index: number;
  levelsHeadingId: string;
}) {
  const { t } = useLingui();
  const locked = form.rubricLocked;
  const errors = form.errors.levels[level.id] ?? {};
  const id = (field: string) => levelFieldId(level.id, field);
  const count = criterion.levels.length;
  const label = level.label.trim();
  const title = criterion.title.trim();
  const number = index + 1;
  const name = label
    ? title
      ? t`level “${label}” of “${title}”`
      : t`level “${label}” of this criterion`
    : title
      ? t`level ${number} of “${title}”`
      : t`level ${number} of this criterion`;
  const set = (patch: Parameters<typeof updateLevel>[3]) =>
    form.setDraft((d) => updateLevel(d, criterion.id, level.id, patch));
  const move = (delta: -1 | 1) => {
    form.setDraft((d) => moveLevel(d, criterion.id, index, delta));
    const to = index + delta;
    form.focus(focusAfterMove(level.id, delta, delta === -1 ? to > 0 : to < count - 1));
  };
  const remove = () => {
    form.setDraft((d) => removeLevel(d, criterion.id, level.id));
    form.focus(levelsHeadingId);
  };
  return (
    <div className={s.level}>
      <div className={s.toolbar}>
        <TextField
          id={id("label")}
          label={t`Level name`}
          maxLength={L.levelLabelMax}
          autoComplete="off"
          value={level.label}
          error={errors.label}
          onChange={(e) => set({ label: e.target.value })}
        />
        <TextField
          id={id("points")}
          label={t`Points`}
          type="number"
          inputMode="numeric"
          min={0}
          max={L.pointsMax}
          className={s.points}
          readOnly={locked}
          aria-readonly={locked || undefined}
          value={level.points}
          error={errors.points}
          onChange={(e) => set({ points: e.target.value })}
        />
        {!locked && (
          <span className={o.rowActions}>
            <MoveButtons
              id={level.id}
              name={name}
              canUp={index > 0}
              canDown={index < count - 1}
              onMove={move}
            />
            <button
              type="button"
              className={iconButtonClass({ danger: true })}
              aria-label={t`Remove ${name}`}
              title={t`Remove level`}
              disabled={count <= L.levelsMin}
              onClick={remove}
            >
              <span aria-hidden="true">×</span>
            </button>
          </span>
        )}
      </div>
      <TextArea
        id={id("description")}
        label={t`Level description (optional)`}
        rows={1}
        maxLength={L.levelDescriptionMax}
        value={level.description}
        error={errors.description}
        onChange={(description) => set({ description })}
      />
    </div>
  );
}

/** A plain labelled textarea with its hint and error read with it. */
export function TextArea({
  id,
  label,
  hint,
  rows,
  maxLength,
  value,
  error,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  rows: number;
  maxLength: number;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        rows={rows}
        maxLength={maxLength}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      />
    </FieldShell>
  );
}
