import { Trans, useLingui } from "@lingui/react/macro";
import { fieldStyles as f, TextField } from "../../../components/ui/Field";
import s from "./AssessmentRulesFields.module.css";

/**
 * The rules every graded lesson (quiz, exercise) shares, as the two editors lay them out:
 * attempts allowed (or unlimited) and whether the certificate needs a pass. `fieldId` names
 * each field's id (`unlimited`, `maxAttempts`, `required`), so each editor can move focus to
 * a field with an error.
 */
export function AttemptsFields({
  fieldId,
  unlimited,
  maxAttempts,
  error,
  onChange,
}: {
  fieldId: (field: string) => string;
  unlimited: boolean;
  maxAttempts: string;
  error?: string;
  onChange: (patch: { unlimited?: boolean; maxAttempts?: string }) => void;
}) {
  const { t } = useLingui();
  return (
    <div className={s.attempts}>
      <div className={f.check}>
        <input
          id={fieldId("unlimited")}
          type="checkbox"
          checked={unlimited}
          onChange={(e) => onChange({ unlimited: e.target.checked })}
        />
        <label htmlFor={fieldId("unlimited")}>
          <Trans>Unlimited attempts</Trans>
        </label>
      </div>
      {/* A limit only means something without "unlimited": hidden, not greyed out. */}
      {!unlimited && (
        <TextField
          id={fieldId("maxAttempts")}
          label={t`Attempts allowed`}
          type="number"
          inputMode="numeric"
          min={1}
          max={100}
          value={maxAttempts}
          error={error}
          onChange={(e) => onChange({ maxAttempts: e.target.value })}
        />
      )}
    </div>
  );
}

export function RequiredForCertificateField({
  fieldId,
  checked,
  onChange,
  lesson,
  counts,
}: {
  fieldId: (field: string) => string;
  checked: boolean;
  onChange: (required: boolean) => void;
  /** What learners must pass. */
  lesson: "quiz" | "exercise" | "assignment";
  /** Which result counts (translated): by default the best attempt; an assignment's one grade. */
  counts?: string;
}) {
  const { t } = useLingui();
  const id = fieldId("required");
  const mustPass = {
    quiz: t`Learners must pass this quiz, as well as complete the course, to earn the certificate.`,
    exercise: t`Learners must pass this exercise, as well as complete the course, to earn the certificate.`,
    assignment: t`Learners must pass this assignment, as well as complete the course, to earn the certificate.`,
  }[lesson];
  return (
    <div className={f.check}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onChange(e.target.checked)}
      />
      <div>
        <label htmlFor={id}>
          <Trans>Required for the certificate</Trans>
        </label>
        <p id={`${id}-hint`} className={f.hint}>
          {mustPass} {counts ?? t`The best attempt counts.`}
        </p>
      </div>
    </div>
  );
}
