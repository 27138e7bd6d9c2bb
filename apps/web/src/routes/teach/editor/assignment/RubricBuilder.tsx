import { plural } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import { buttonClass } from "../../../../components/ui/Button";
import { fieldStyles as f } from "../../../../components/ui/Field";
import { Notice } from "../../../../components/ui/Notice";
import { lessonRubricId } from "../../editor-targets";
import { criterionFieldId, newCriterion, rubricMaxPoints } from "./assignment-editor";
import s from "./assignment-editor.module.css";
import { addCriterion } from "./assignment-editor-edits";
import { ASSIGNMENT_LIMITS as L } from "./assignment-editor-validate";
import { CriterionCard } from "./CriterionCard";
import type { AssignmentForm } from "./use-assignment-form";

/**
 * The rubric reviewers grade by: criteria in order, each with its levels (lowest first) and
 * their points. Once reviews have started its structure is fixed and only its words change.
 */
export function RubricBuilder({ form }: { form: AssignmentForm }) {
  const { t } = useLingui();
  const { rubric } = form.draft;
  const locked = form.rubricLocked;
  const headingId = lessonRubricId(form.lessonId);
  const full = rubric.length >= L.criteriaMax;
  const criteriaMax = L.criteriaMax;
  const maxPoints = rubricMaxPoints(rubric);
  const add = () => {
    const criterion = newCriterion();
    form.setDraft((d) => addCriterion(d, criterion));
    form.focus(criterionFieldId(criterion.id, "title"));
  };
  return (
    <section className={s.rubric} aria-labelledby={headingId}>
      <h5 id={headingId} tabIndex={-1}>
        <Trans>Rubric</Trans>{" "}
        <span className="muted">
          {t`(${plural(rubric.length, { one: "# criterion", other: "# criteria" })}, up to ${plural(maxPoints, { one: "# point", other: "# points" })})`}
        </span>
      </h5>
      {locked && (
        <Notice tone="info" as="p">
          <Trans>
            Reviews have started, so criteria, levels and points can no longer be added, removed,
            reordered or re-scored: reviews and grades refer to them. You can still reword them.
          </Trans>
        </Notice>
      )}
      {form.errors.rubric && (
        <p className={f.error} id={`${headingId}-error`}>
          {form.errors.rubric}
        </p>
      )}
      {rubric.length === 0 ? (
        <p className="muted">
          <Trans>
            No criteria yet. Reviewers grade each criterion by choosing one of its levels.
          </Trans>
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
            <Trans>Add criterion</Trans>
          </button>
          {full && (
            <span className={f.hint}>
              <Trans>A rubric can have at most {criteriaMax} criteria.</Trans>
            </span>
          )}
        </div>
      )}
    </section>
  );
}
