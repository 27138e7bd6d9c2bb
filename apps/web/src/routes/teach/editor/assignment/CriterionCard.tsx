import { Trans, useLingui } from "@lingui/react/macro";
import { buttonClass } from "../../../../components/ui/Button";
import { fieldStyles as f, TextField } from "../../../../components/ui/Field";
import { ConfirmDelete } from "../ConfirmDelete";
import { focusAfterMove, MoveButtons } from "../MoveButtons";
import o from "../outline.module.css";
import { type CriterionDraft, criterionFieldId, levelFieldId, newLevel } from "./assignment-editor";
import s from "./assignment-editor.module.css";
import {
  addLevel,
  moveCriterion,
  removeCriterion,
  updateCriterion,
} from "./assignment-editor-edits";
import { ASSIGNMENT_LIMITS as L } from "./assignment-editor-validate";
import { LevelRow, TextArea } from "./LevelRow";
import type { AssignmentForm } from "./use-assignment-form";

/** One criterion of the rubric: its title, description, comment rule and levels. */
export function CriterionCard({
  form,
  criterion,
  index,
  headingId,
}: {
  form: AssignmentForm;
  criterion: CriterionDraft;
  index: number;
  headingId: string;
}) {
  const { t } = useLingui();
  const locked = form.rubricLocked;
  const count = form.draft.rubric.length;
  const errors = form.errors.criteria[criterion.id] ?? {};
  const id = (field: string) => criterionFieldId(criterion.id, field);
  // Named by title once it has one: positions change as criteria move.
  const title = criterion.title.trim();
  const number = index + 1;
  const levelsMax = L.levelsMax;
  const name = title ? t`criterion “${title}”` : t`criterion ${number}`;
  const set = (patch: Parameters<typeof updateCriterion>[2]) =>
    form.setDraft((d) => updateCriterion(d, criterion.id, patch));
  const move = (delta: -1 | 1) => {
    form.setDraft((d) => moveCriterion(d, index, delta));
    const to = index + delta;
    form.focus(focusAfterMove(criterion.id, delta, delta === -1 ? to > 0 : to < count - 1));
  };
  const remove = () => {
    form.setDraft((d) => removeCriterion(d, criterion.id));
    form.focus(headingId);
  };
  const levelsFull = criterion.levels.length >= L.levelsMax;
  const add = () => {
    const level = newLevel(criterion.levels);
    form.setDraft((d) => addLevel(d, criterion.id, level));
    form.focus(levelFieldId(level.id, "label"));
  };
  const levelsHeadingId = id("levels");
  return (
    <fieldset className={s.card}>
      <legend className={s.cardLegend}>
        <Trans>Criterion {number}</Trans>
        {title && <span className="visually-hidden">: {criterion.title}</span>}
      </legend>
      <div className={s.toolbar}>
        <TextField
          id={id("title")}
          label={t`Criterion title`}
          maxLength={L.titleMax}
          autoComplete="off"
          value={criterion.title}
          error={errors.title}
          onChange={(e) => set({ title: e.target.value })}
        />
        {!locked && (
          <span className={o.rowActions}>
            <MoveButtons
              id={criterion.id}
              name={name}
              canUp={index > 0}
              canDown={index < count - 1}
              onMove={move}
            />
            <ConfirmDelete
              label={t`Delete ${name}`}
              question={t`Delete ${name}?`}
              onConfirm={remove}
            />
          </span>
        )}
      </div>
      <TextArea
        id={id("description")}
        label={t`Criterion description (optional)`}
        hint={t`What reviewers look for.`}
        rows={2}
        maxLength={L.criterionDescriptionMax}
        value={criterion.description}
        error={errors.description}
        onChange={(description) => set({ description })}
      />
      <div className={f.check}>
        <input
          id={id("commentRequired")}
          type="checkbox"
          checked={criterion.commentRequired}
          onChange={(e) => set({ commentRequired: e.target.checked })}
        />
        <label htmlFor={id("commentRequired")}>
          <Trans>Comment required: reviewers explain the level they chose</Trans>
        </label>
      </div>
      <section className={s.levels} aria-labelledby={levelsHeadingId}>
        <h6 id={levelsHeadingId} tabIndex={-1}>
          <Trans>Levels, lowest first</Trans>
        </h6>
        <ol className={s.list}>
          {criterion.levels.map((level, levelIndex) => (
            <li key={level.id}>
              <LevelRow
                form={form}
                criterion={criterion}
                level={level}
                index={levelIndex}
                levelsHeadingId={levelsHeadingId}
              />
            </li>
          ))}
        </ol>
        {errors.levels && <p className={f.error}>{errors.levels}</p>}
        {!locked && (
          <div className={s.addRow}>
            <button
              id={id("addLevel")}
              type="button"
              className={buttonClass({ variant: "secondary", size: "small" })}
              disabled={levelsFull}
              onClick={add}
            >
              <Trans>
                Add level<span className="visually-hidden"> to {name}</span>
              </Trans>
            </button>
            {levelsFull && (
              <span className={f.hint}>
                <Trans>At most {levelsMax} levels.</Trans>
              </span>
            )}
          </div>
        )}
      </section>
    </fieldset>
  );
}
