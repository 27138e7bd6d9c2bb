import type { MessageDescriptor } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
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

// Translated where shown (`t(descriptor)`).
const WINDOW_UNITS: ReadonlyArray<{ value: WindowUnit; label: MessageDescriptor }> = [
  { value: "hours", label: msg`hours` },
  { value: "days", label: msg`days` },
];
const LEASE_UNITS: ReadonlyArray<{ value: LeaseUnit; label: MessageDescriptor }> = [
  { value: "minutes", label: msg`minutes` },
  { value: "hours", label: msg`hours` },
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
  const { t } = useLingui();
  const { settings } = form.draft;
  const errors = form.errors.settings;
  const id = (field: string) => assignmentFieldId(form.lessonId, field);
  const set = form.setSettings;
  return (
    <fieldset className={s.settings}>
      <legend>
        <Trans>Settings</Trans>
      </legend>
      <Check
        id={id("allowAttachments")}
        label={t`Allow file attachments`}
        hint={t`Learners may attach files to their submission, besides its text.`}
        checked={settings.allowAttachments}
        onChange={(allowAttachments) => set({ allowAttachments })}
      />
      <div className={f.row}>
        <TextField
          id={id("reviewsToGive")}
          label={t`Reviews each learner gives`}
          hint={t`Before their lesson is complete.`}
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
          label={t`Reviews each submission needs`}
          hint={t`Its grade is the median of these.`}
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
          label={t`Due date (optional)`}
          hint={t`Submissions close then, in your time zone. Empty: open while the course is.`}
          type="datetime-local"
          value={settings.dueAt}
          error={errors.dueAt}
          onChange={(e) => set({ dueAt: e.target.value })}
        />
        <TextField
          id={id("reviewsCloseAt")}
          label={t`Reviews close at (optional)`}
          hint={t`Every review window ends by then, whatever its length.`}
          type="datetime-local"
          value={settings.reviewsCloseAt}
          error={errors.reviewsCloseAt}
          onChange={(e) => set({ reviewsCloseAt: e.target.value })}
        />
      </div>
      <div className={f.row}>
        <AmountWithUnit
          id={id("window")}
          label={t`Review window`}
          hint={t`How long after a submission its reviews may come in.`}
          amount={settings.windowAmount}
          unit={settings.windowUnit}
          units={WINDOW_UNITS.map((u) => ({ value: u.value, label: t(u.label) }))}
          error={errors.window}
          onAmount={(windowAmount) => set({ windowAmount })}
          onUnit={(unit) => isWindowUnit(unit) && set({ windowUnit: unit })}
        />
        <AmountWithUnit
          id={id("lease")}
          label={t`Time to finish a review`}
          hint={t`A reviewer holds a submission this long; then it goes back to the pool.`}
          amount={settings.leaseAmount}
          unit={settings.leaseUnit}
          units={LEASE_UNITS.map((u) => ({ value: u.value, label: t(u.label) }))}
          error={errors.lease}
          onAmount={(leaseAmount) => set({ leaseAmount })}
          onUnit={(unit) => isLeaseUnit(unit) && set({ leaseUnit: unit })}
        />
      </div>
      <fieldset className={s.choice}>
        <legend>
          <Trans>When a review window closes with too few reviews</Trans>
        </legend>
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
                <label htmlFor={optionId}>{t(option.label)}</label>
                <p id={`${optionId}-hint`} className={f.hint}>
                  {t(option.hint)}
                </p>
              </div>
            </div>
          );
        })}
      </fieldset>
      <Check
        id={id("weightByCalibration")}
        label={t`Weight reviews by calibration accuracy`}
        hint={t`Reviewers who graded the calibration examples closer to you count for more in the median (never less than a quarter).`}
        checked={settings.weightByCalibration}
        onChange={(weightByCalibration) => set({ weightByCalibration })}
      />
      <div className={f.row}>
        <TextField
          id={id("passingPercent")}
          label={t`Passing score (%)`}
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
        counts={t`Its grade counts once reviewed (or graded by staff).`}
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
  const { t } = useLingui();
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
        label={t`${label} unit`}
        options={units}
        value={unit}
        onChange={(e) => onUnit(e.target.value)}
      />
    </div>
  );
}
