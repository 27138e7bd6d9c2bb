import { Trans, useLingui } from "@lingui/react/macro";
import { RubricLevelPicker } from "../../../../components/rubric/RubricLevelPicker";
import { buttonClass } from "../../../../components/ui/Button";
import { fieldStyles as f } from "../../../../components/ui/Field";
import { ConfirmDelete } from "../ConfirmDelete";
import { MarkdownField } from "../MarkdownField";
import {
  type ExampleDraft,
  exampleFieldId,
  examplePickerPrefix,
  newExample,
  parseNumber,
} from "./assignment-editor";
import s from "./assignment-editor.module.css";
import { addExample, removeExample, updateExample } from "./assignment-editor-edits";
import { ASSIGNMENT_LIMITS as L } from "./assignment-editor-validate";
import type { AssignmentForm } from "./use-assignment-form";

/**
 * Calibration (optional): up to three example submissions the instructor grades by the
 * rubric. Learners grade them first and see how close they came before reviewing peers.
 */
export function CalibrationExamples({ form }: { form: AssignmentForm }) {
  const { examples } = form.draft;
  const headingId = `assignment-examples-${form.lessonId}`;
  const full = examples.length >= L.examplesMax;
  const examplesMax = L.examplesMax;
  const add = () => {
    const example = newExample();
    form.setDraft((d) => addExample(d, example));
    form.focus(exampleFieldId(example.key, "body"));
  };
  return (
    <section className={s.examples} aria-labelledby={headingId}>
      <h5 id={headingId} tabIndex={-1}>
        <Trans>
          Calibration examples <span className="muted">(optional, up to {examplesMax})</span>
        </Trans>
      </h5>
      <p className={f.hint}>
        <Trans>
          Grade an example submission by the rubric; learners grade it first and see how close they
          came before they review their peers.
        </Trans>
      </p>
      {examples.length > 0 && (
        <ol className={s.list}>
          {examples.map((example, index) => (
            <li key={example.key}>
              <ExampleCard form={form} example={example} index={index} headingId={headingId} />
            </li>
          ))}
        </ol>
      )}
      <div className={s.addRow}>
        <button
          type="button"
          className={buttonClass({ variant: "secondary", size: "small" })}
          disabled={full}
          onClick={add}
        >
          <Trans>Add calibration example</Trans>
        </button>
      </div>
    </section>
  );
}

function ExampleCard({
  form,
  example,
  index,
  headingId,
}: {
  form: AssignmentForm;
  example: ExampleDraft;
  index: number;
  headingId: string;
}) {
  const { t } = useLingui();
  const errors = form.errors.examples[example.key];
  const number = index + 1;
  const name = t`example ${number}`;
  const cardHeading = exampleFieldId(example.key, "heading");
  return (
    <article className={s.card} aria-labelledby={cardHeading}>
      <div className={s.toolbar}>
        <h6 id={cardHeading} tabIndex={-1} className={s.grow}>
          <Trans>Example {number}</Trans>
        </h6>
        <ConfirmDelete
          label={t`Delete ${name}`}
          question={t`Delete ${name}?`}
          onConfirm={() => {
            form.setDraft((d) => removeExample(d, example.key));
            form.focus(headingId);
          }}
        />
      </div>
      <MarkdownField
        id={exampleFieldId(example.key, "body")}
        label={t`Example submission`}
        value={example.body}
        onChange={(body) => form.setDraft((d) => updateExample(d, example.key, { body }))}
        maxLength={L.exampleMax}
        rows={5}
        error={errors?.body}
      />
      <fieldset className={s.grade}>
        <legend>
          <Trans>Your grade for example {number}</Trans>
        </legend>
        {errors?.grade && <p className={f.error}>{errors.grade}</p>}
        {form.draft.rubric.map((criterion) => (
          <RubricLevelPicker
            key={criterion.id}
            idPrefix={examplePickerPrefix(example.key)}
            criterion={{
              ...criterion,
              levels: criterion.levels.map((l) => ({ ...l, points: parseNumber(l.points) || 0 })),
            }}
            value={example.scores[criterion.id]}
            error={errors?.scores[criterion.id]}
            onChange={(value) =>
              form.setDraft((d) =>
                updateExample(d, example.key, { score: { criterionId: criterion.id, value } }),
              )
            }
          />
        ))}
      </fieldset>
    </article>
  );
}
