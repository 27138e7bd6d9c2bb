import { fieldStyles as f, TextField } from "../../../../components/ui/Field";
import type { SettingsDraft } from "./quiz-editor";
import { settingsFieldId } from "./quiz-editor";
import s from "./quiz-editor.module.css";
import type { QuizForm } from "./use-quiz-form";

/** Passing score, attempts allowed (or unlimited), and whether the certificate needs a pass. */
export function QuizSettingsFields({ form }: { form: QuizForm }) {
  const { settings } = form.draft;
  const id = (field: string) => settingsFieldId(form.lessonId, field);
  const set = (patch: Partial<SettingsDraft>) =>
    form.setDraft((d) => ({ ...d, settings: { ...d.settings, ...patch } }));
  return (
    <fieldset className={s.settings}>
      <legend>Settings</legend>
      <div className={f.row}>
        <TextField
          id={id("passing")}
          label="Passing score (%)"
          type="number"
          inputMode="numeric"
          min={0}
          max={100}
          value={settings.passingPercent}
          error={form.errors.passingPercent}
          onChange={(e) => set({ passingPercent: e.target.value })}
        />
        <div className={s.attempts}>
          <div className={f.check}>
            <input
              id={id("unlimited")}
              type="checkbox"
              checked={settings.unlimited}
              onChange={(e) => set({ unlimited: e.target.checked })}
            />
            <label htmlFor={id("unlimited")}>Unlimited attempts</label>
          </div>
          {/* A limit only means something without "unlimited": hidden, not greyed out. */}
          {!settings.unlimited && (
            <TextField
              id={id("attempts")}
              label="Attempts allowed"
              type="number"
              inputMode="numeric"
              min={1}
              max={100}
              value={settings.maxAttempts}
              error={form.errors.maxAttempts}
              onChange={(e) => set({ maxAttempts: e.target.value })}
            />
          )}
        </div>
      </div>
      <div className={f.check}>
        <input
          id={id("required")}
          type="checkbox"
          checked={settings.requiredForCertificate}
          aria-describedby={`${id("required")}-hint`}
          onChange={(e) => set({ requiredForCertificate: e.target.checked })}
        />
        <div>
          <label htmlFor={id("required")}>Required for the certificate</label>
          <p id={`${id("required")}-hint`} className={f.hint}>
            Learners must pass this quiz, as well as complete the course, to earn the certificate.
            The best attempt counts.
          </p>
        </div>
      </div>
    </fieldset>
  );
}
