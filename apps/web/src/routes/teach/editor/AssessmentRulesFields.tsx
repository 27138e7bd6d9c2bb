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
  return (
    <div className={s.attempts}>
      <div className={f.check}>
        <input
          id={fieldId("unlimited")}
          type="checkbox"
          checked={unlimited}
          onChange={(e) => onChange({ unlimited: e.target.checked })}
        />
        <label htmlFor={fieldId("unlimited")}>Unlimited attempts</label>
      </div>
      {/* A limit only means something without "unlimited": hidden, not greyed out. */}
      {!unlimited && (
        <TextField
          id={fieldId("maxAttempts")}
          label="Attempts allowed"
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
  counts = "The best attempt counts.",
}: {
  fieldId: (field: string) => string;
  checked: boolean;
  onChange: (required: boolean) => void;
  /** What learners must pass: "quiz", "exercise". */
  lesson: string;
  /** Which result counts: the best attempt, or (an assignment) its one grade. */
  counts?: string;
}) {
  const id = fieldId("required");
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
        <label htmlFor={id}>Required for the certificate</label>
        <p id={`${id}-hint`} className={f.hint}>
          Learners must pass this {lesson}, as well as complete the course, to earn the certificate.{" "}
          {counts}
        </p>
      </div>
    </div>
  );
}
