import { buttonClass, iconButtonClass } from "../../../../components/ui/Button";
import {
  describedBy,
  FieldShell,
  fieldStyles as f,
  TextField,
} from "../../../../components/ui/Field";
import { Notice } from "../../../../components/ui/Notice";
import { plural } from "../../../../lib/format";
import { lessonRubricId } from "../../editor-targets";
import { ConfirmDelete } from "../ConfirmDelete";
import { focusAfterMove, MoveButtons } from "../MoveButtons";
import o from "../outline.module.css";
import {
  type CriterionDraft,
  criterionFieldId,
  type LevelDraft,
  levelFieldId,
  newCriterion,
  newLevel,
  rubricMaxPoints,
} from "./assignment-editor";
import s from "./assignment-editor.module.css";
import {
  addCriterion,
  addLevel,
  moveCriterion,
  moveLevel,
  removeCriterion,
  removeLevel,
  updateCriterion,
  updateLevel,
} from "./assignment-editor-edits";
import { ASSIGNMENT_LIMITS as L } from "./assignment-editor-validate";
import type { AssignmentForm } from "./use-assignment-form";

/**
 * The rubric reviewers grade by: criteria in order, each with its levels (lowest first) and
 * their points. Once reviews have started its structure is fixed and only its words change.
 */
export function RubricBuilder({ form }: { form: AssignmentForm }) {
  const { rubric } = form.draft;
  const locked = form.rubricLocked;
  const headingId = lessonRubricId(form.lessonId);
  const full = rubric.length >= L.criteriaMax;
  const add = () => {
    const criterion = newCriterion();
    form.setDraft((d) => addCriterion(d, criterion));
    form.focus(criterionFieldId(criterion.id, "title"));
  };
  return (
    <section className={s.rubric} aria-labelledby={headingId}>
      <h5 id={headingId} tabIndex={-1}>
        Rubric{" "}
        <span className="muted">
          ({plural(rubric.length, "criterion", "criteria")}, up to{" "}
          {plural(rubricMaxPoints(rubric), "point")})
        </span>
      </h5>
      {locked && (
        <Notice tone="info" as="p">
          Reviews have started, so criteria, levels and points can no longer be added, removed,
          reordered or re-scored: reviews and grades refer to them. You can still reword them.
        </Notice>
      )}
      {form.errors.rubric && (
        <p className={f.error} id={`${headingId}-error`}>
          {form.errors.rubric}
        </p>
      )}
      {rubric.length === 0 ? (
        <p className="muted">
          No criteria yet. Reviewers grade each criterion by choosing one of its levels.
        </p>
      ) : (
        <ol className={s.list}>
          {rubric.map((criterion, index) => (
            <li key={criterion.id}>
              <CriterionCard
                form={form}
                criterion={criterion}
                index={index}
                headingId={headingId}
              />
            </li>
          ))}
        </ol>
      )}
      {!locked && (
        <div className={s.addRow}>
          <button
            type="button"
            className={buttonClass({ variant: "secondary", size: "small" })}
            disabled={full}
            onClick={add}
          >
            Add criterion
          </button>
          {full && (
            <span className={f.hint}>A rubric can have at most {L.criteriaMax} criteria.</span>
          )}
        </div>
      )}
    </section>
  );
}

function CriterionCard({
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
  const locked = form.rubricLocked;
  const count = form.draft.rubric.length;
  const errors = form.errors.criteria[criterion.id] ?? {};
  const id = (field: string) => criterionFieldId(criterion.id, field);
  // Named by title once it has one: positions change as criteria move.
  const name = criterion.title.trim()
    ? `criterion “${criterion.title.trim()}”`
    : `criterion ${index + 1}`;
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
        Criterion {index + 1}
        {criterion.title.trim() && <span className="visually-hidden">: {criterion.title}</span>}
      </legend>
      <div className={s.toolbar}>
        <TextField
          id={id("title")}
          label="Criterion title"
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
              label={`Delete ${name}`}
              question={`Delete ${name}?`}
              onConfirm={remove}
            />
          </span>
        )}
      </div>
      <TextArea
        id={id("description")}
        label="Criterion description (optional)"
        hint="What reviewers look for."
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
          Comment required: reviewers explain the level they chose
        </label>
      </div>
      <section className={s.levels} aria-labelledby={levelsHeadingId}>
        <h6 id={levelsHeadingId} tabIndex={-1}>
          Levels, lowest first
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
              Add level<span className="visually-hidden"> to {name}</span>
            </button>
            {levelsFull && <span className={f.hint}>At most {L.levelsMax} levels.</span>}
          </div>
        )}
      </section>
    </fieldset>
  );
}

function LevelRow({
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
  const locked = form.rubricLocked;
  const errors = form.errors.levels[level.id] ?? {};
  const id = (field: string) => levelFieldId(level.id, field);
  const count = criterion.levels.length;
  const name = `level ${level.label.trim() ? `“${level.label.trim()}”` : index + 1} of ${
    criterion.title.trim() ? `“${criterion.title.trim()}”` : "this criterion"
  }`;
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
          label="Level name"
          maxLength={L.levelLabelMax}
          autoComplete="off"
          value={level.label}
          error={errors.label}
          onChange={(e) => set({ label: e.target.value })}
        />
        <TextField
          id={id("points")}
          label="Points"
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
              aria-label={`Remove ${name}`}
              title="Remove level"
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
        label="Level description (optional)"
        rows={1}
        maxLength={L.levelDescriptionMax}
        value={level.description}
        error={errors.description}
        onChange={(description) => set({ description })}
      />
    </div>
  );
}

function TextArea({
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
