import { fieldStyles as f, SelectField, TextField } from "../../../../components/ui/Field";
import { RequiredForCertificateField } from "../AssessmentRulesFields";
import {
  assignmentFieldId,
  FALLBACK_OPTIONS,
  type LeaseUnit,
  type WindowUnit,
} from "./assignment-editor";
import s from "./assignment-editor.module.css";
import type { AssignmentForm } from "./use-assignment-form";

const WINDOW_UNITS: ReadonlyArray<{ value: WindowUnit; label: string }> = [
  { value: "hours", label: "hours" },
  { value: "days", label: "days" },
];
const LEASE_UNITS: ReadonlyArray<{ value: LeaseUnit; label: string }> = [
  { value: "minutes", label: "minutes" },
  { value: "hours", label: "hours" },
];
const isWindowUnit = (v: string): v is WindowUnit => v === "hours" || v === "days";
const isLeaseUnit = (v: string): v is LeaseUnit => v === "minutes" || v === "hours";

/**
 * How the assignment is submitted and reviewed: attachments, how many reviews each learner
 * gives and each submission needs, when submissions are due and reviews close, how long a
 * reviewer holds a submission, what happens when a window closes short of reviews, weighting,
 * passing score and the certificate.
 */
export function AssignmentSettingsFields({ form }: { form: AssignmentForm }) {
  const { settings } = form.draft;
  const errors = form.errors.settings;
  const id = (field: string) => assignmentFieldId(form.lessonId, field);
  const set = form.setSettings;
  return (
    <fieldset className={s.settings}>
      <legend>Settings</legend>
      <Check
        id={id("allowAttachments")}
        label="Allow file attachments"
        hint="Learners may attach files to their submission, besides its text."
        checked={settings.allowAttachments}
        onChange={(allowAttachments) => set({ allowAttachments })}
      />
      <div className={f.row}>
        <TextField
          id={id("reviewsToGive")}
          label="Reviews each learner gives"
          hint="Before their lesson is complete."
          type="number"
          inputMode="numeric"
          min={0}
          max={10}
          value={settings.reviewsToGive}
          error={errors.reviewsToGive}
          onChange={(e) => set({ reviewsToGive: e.target.value })}
        />
        <TextField
          id={id("reviewsNeeded")}
          label="Reviews each submission needs"
          hint="Its grade is the median of these."
          type="number"
          inputMode="numeric"
          min={1}
          max={10}
          value={settings.reviewsNeeded}
          error={errors.reviewsNeeded}
          onChange={(e) => set({ reviewsNeeded: e.target.value })}
        />
      </div>
      <div className={f.row}>
        <TextField
          id={id("dueAt")}
          label="Due date (optional)"
          hint="Submissions close then, in your time zone. Empty: open while the course is."
          type="datetime-local"
          value={settings.dueAt}
          error={errors.dueAt}
          onChange={(e) => set({ dueAt: e.target.value })}
        />
        <TextField
          id={id("reviewsCloseAt")}
          label="Reviews close at (optional)"
          hint="Every review window ends by then, whatever its length."
          type="datetime-local"
          value={settings.reviewsCloseAt}
          error={errors.reviewsCloseAt}
          onChange={(e) => set({ reviewsCloseAt: e.target.value })}
        />
      </div>
      <div className={f.row}>
        <AmountWithUnit
          id={id("window")}
          label="Review window"
          hint="How long after a submission its reviews may come in."
          amount={settings.windowAmount}
          unit={settings.windowUnit}
          units={WINDOW_UNITS}
          error={errors.window}
          onAmount={(windowAmount) => set({ windowAmount })}
          onUnit={(unit) => isWindowUnit(unit) && set({ windowUnit: unit })}
        />
        <AmountWithUnit
          id={id("lease")}
          label="Time to finish a review"
          hint="A reviewer holds a submission this long; then it goes back to the pool."
          amount={settings.leaseAmount}
          unit={settings.leaseUnit}
          units={LEASE_UNITS}
          error={errors.lease}
          onAmount={(leaseAmount) => set({ leaseAmount })}
          onUnit={(unit) => isLeaseUnit(unit) && set({ leaseUnit: unit })}
        />
      </div>
      <fieldset className={s.choice}>
        <legend>When a review window closes with too few reviews</legend>
        {FALLBACK_OPTIONS.map((option) => {
          const optionId = id(`fallback-${option.value}`);
          return (
            <div key={option.value} className={f.check}>
              <input
                id={optionId}
                type="radio"
                name={id("fallback")}
                checked={settings.fallback === option.value}
                aria-describedby={`${optionId}-hint`}
                onChange={() => set({ fallback: option.value })}
              />
              <div>
                <label htmlFor={optionId}>{option.label}</label>
                <p id={`${optionId}-hint`} className={f.hint}>
                  {option.hint}
                </p>
              </div>
            </div>
          );
        })}
      </fieldset>
      <Check
        id={id("weightByCalibration")}
        label="Weight reviews by calibration accuracy"
        hint="Reviewers who graded the calibration examples closer to you count for more in the median (never less than a quarter)."
        checked={settings.weightByCalibration}
        onChange={(weightByCalibration) => set({ weightByCalibration })}
      />
      <div className={f.row}>
        <TextField
          id={id("passingPercent")}
          label="Passing score (%)"
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          value={settings.passingPercent}
          error={errors.passingPercent}
          onChange={(e) => set({ passingPercent: e.target.value })}
        />
      </div>
      <RequiredForCertificateField
        fieldId={id}
        checked={settings.requiredForCertificate}
        onChange={(requiredForCertificate) => set({ requiredForCertificate })}
        lesson="assignment"
        counts="Its grade counts once reviewed (or graded by staff)."
      />
    </fieldset>
  );
}

function Check({
  id,
  label,
  hint,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  hint: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
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
        <label htmlFor={id}>{label}</label>
        <p id={`${id}-hint`} className={f.hint}>
          {hint}
        </p>
      </div>
    </div>
  );
}

/** A number and its unit side by side; the number is the labelled field (and takes focus). */
function AmountWithUnit({
  id,
  label,
  hint,
  amount,
  unit,
  units,
  error,
  onAmount,
  onUnit,
}: {
  id: string;
  label: string;
  hint: string;
  amount: string;
  unit: string;
  units: ReadonlyArray<{ value: string; label: string }>;
  error: string | undefined;
  onAmount: (amount: string) => void;
  onUnit: (unit: string) => void;
}) {
  return (
    <div className={s.amountUnit}>
      <TextField
        id={id}
        label={label}
        hint={hint}
        type="number"
        inputMode="numeric"
        min={1}
        value={amount}
        error={error}
        onChange={(e) => onAmount(e.target.value)}
      />
      <SelectField
        id={`${id}-unit`}
        label={`${label} unit`}
        options={units}
        value={unit}
        onChange={(e) => onUnit(e.target.value)}
      />
    </div>
  );
}
