import { Trans, useLingui } from "@lingui/react/macro";
import { fieldStyles as f, TextField } from "../../../../components/ui/Field";
import { AttemptsFields, RequiredForCertificateField } from "../AssessmentRulesFields";
import type { SettingsDraft } from "./quiz-editor";
import { settingsFieldId } from "./quiz-editor";
import s from "./quiz-editor.module.css";
import type { QuizForm } from "./use-quiz-form";

/** Passing score, attempts allowed (or unlimited), and whether the certificate needs a pass. */
export function QuizSettingsFields({ form }: { form: QuizForm }) {
  const { t } = useLingui();
  const { settings } = form.draft;
  const id = (field: string) => settingsFieldId(form.lessonId, field);
  const set = (patch: Partial<SettingsDraft>) =>
    form.setDraft((d) => ({ ...d, settings: { ...d.settings, ...patch } }));
  return (
    <fieldset className={s.settings}>
      <legend>
        <Trans>Settings</Trans>
      </legend>
      <div className={f.row}>
        <TextField
          id={id("passing")}
          label={t`Passing score (%)`}
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          value={settings.passingPercent}
          error={form.errors.passingPercent}
          onChange={(e) => set({ passingPercent: e.target.value })}
        />
        <AttemptsFields
          fieldId={id}
          unlimited={settings.unlimited}
          maxAttempts={settings.maxAttempts}
          error={form.errors.maxAttempts}
          onChange={set}
        />
      </div>
      <RequiredForCertificateField
        fieldId={id}
        checked={settings.requiredForCertificate}
        onChange={(requiredForCertificate) => set({ requiredForCertificate })}
        lesson="quiz"
      />
    </fieldset>
  );
}
