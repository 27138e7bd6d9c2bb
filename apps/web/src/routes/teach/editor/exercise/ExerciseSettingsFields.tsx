import { Trans, useLingui } from "@lingui/react/macro";
import { fieldStyles as f, SelectField, TextField } from "../../../../components/ui/Field";
import { AttemptsFields, RequiredForCertificateField } from "../AssessmentRulesFields";
import {
  type EditableExercise,
  type ExerciseLanguageName,
  exerciseFieldId,
  isNormalise,
  NORMALISE_OPTIONS,
  STYLE_OPTIONS,
} from "./exercise-editor";
import s from "./exercise-editor.module.css";
import type { ExerciseForm } from "./use-exercise-form";

/**
 * How the exercise runs and is graded: language, test style (stdin → stdout, or a function
 * call), how output is compared, limits per test, passing score, attempts, certificate.
 */
export function ExerciseSettingsFields({
  form,
  languages,
}: {
  form: ExerciseForm;
  languages: EditableExercise["languages"];
}) {
  const { t } = useLingui();
  const { settings } = form.draft;
  const errors = form.errors.settings;
  const id = (field: string) => exerciseFieldId(form.lessonId, field);
  const set = form.setSettings;
  const languageOptions = languages.map((l) => ({ value: l.name, label: l.label }));
  const isLanguage = (value: string): value is ExerciseLanguageName =>
    languages.some((l) => l.name === value);
  return (
    <fieldset className={s.settings}>
      <legend>
        <Trans>Settings</Trans>
      </legend>
      <div className={f.row}>
        <SelectField
          id={id("language")}
          label={t`Language`}
          options={languageOptions}
          value={settings.language}
          onChange={(e) => {
            const language = e.target.value;
            if (isLanguage(language)) set({ language });
          }}
        />
      </div>
      <fieldset className={s.choice}>
        <legend>
          <Trans>Test style</Trans>
        </legend>
        {STYLE_OPTIONS.map((option) => (
          <div key={option.value} className={f.check}>
            <input
              id={id(`style-${option.value}`)}
              type="radio"
              name={id("style")}
              checked={settings.style === option.value}
              aria-describedby={`${id(`style-${option.value}`)}-hint`}
              onChange={() => set({ style: option.value })}
            />
            <div>
              <label htmlFor={id(`style-${option.value}`)}>{t(option.label)}</label>
              <p id={`${id(`style-${option.value}`)}-hint`} className={f.hint}>
                {t(option.hint)}
              </p>
            </div>
          </div>
        ))}
      </fieldset>
      <div className={f.row}>
        {settings.style === "function" ? (
          <TextField
            id={id("functionName")}
            label={t`Function name`}
            hint={t`The function learners write; each test calls it.`}
            autoComplete="off"
            spellCheck={false}
            maxLength={64}
            className={s.mono}
            value={settings.functionName}
            error={errors.functionName}
            onChange={(e) => set({ functionName: e.target.value })}
          />
        ) : (
          <SelectField
            id={id("normalise")}
            label={t`Compare output`}
            options={NORMALISE_OPTIONS.map((o) => ({ value: o.value, label: t(o.label) }))}
            value={settings.normalise}
            onChange={(e) => {
              const normalise = e.target.value;
              if (isNormalise(normalise)) set({ normalise });
            }}
          />
        )}
        {settings.style === "stdio" && settings.normalise === "numeric" && (
          <TextField
            id={id("tolerance")}
            label={t`Tolerance (±)`}
            hint={t`How far a number may be off, absolute or relative (0 to 1).`}
            inputMode="decimal"
            autoComplete="off"
            value={settings.tolerance}
            error={errors.tolerance}
            onChange={(e) => set({ tolerance: e.target.value })}
          />
        )}
      </div>
      <div className={f.row}>
        <TextField
          id={id("timeLimit")}
          label={t`Time limit per test (seconds)`}
          type="number"
          inputMode="decimal"
          min={0.1}
          max={10}
          step={0.1}
          value={settings.timeLimitSeconds}
          error={errors.timeLimit}
          onChange={(e) => set({ timeLimitSeconds: e.target.value })}
        />
        <TextField
          id={id("memoryMb")}
          label={t`Memory limit (MB)`}
          type="number"
          inputMode="numeric"
          min={32}
          max={1024}
          value={settings.memoryMb}
          error={errors.memoryMb}
          onChange={(e) => set({ memoryMb: e.target.value })}
        />
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
      <AttemptsFields
        fieldId={id}
        unlimited={settings.unlimited}
        maxAttempts={settings.maxAttempts}
        error={errors.maxAttempts}
        onChange={set}
      />
      <RequiredForCertificateField
        fieldId={id}
        checked={settings.requiredForCertificate}
        onChange={(requiredForCertificate) => set({ requiredForCertificate })}
        lesson="exercise"
      />
    </fieldset>
  );
}
