import { Plural, Trans, useLingui } from "@lingui/react/macro";
import { buttonClass } from "../../../components/ui/Button";
import { fieldStyles as f } from "../../../components/ui/Field";
import { SaveStatus } from "./SaveStatus";
import type { PromptedLessonForm } from "./use-prompted-lesson-form";

/**
 * The end of a prompted lesson form (exercise, assignment): the form-wide error or how many
 * fields to fix, Save, and the save status with its retry.
 */
export function PromptedFormFooter({
  form,
  formError,
  noun,
}: {
  form: PromptedLessonForm;
  /** An error that belongs to no one field. */
  formError: string | undefined;
  /** Which lesson form: the button says "Save assignment" or "Save exercise". */
  noun: "assignment" | "exercise";
}) {
  const { t } = useLingui();
  const { save } = form;
  const notSaved =
    noun === "assignment" ? t`The assignment wasn't saved.` : t`The exercise wasn't saved.`;
  const saveLabel = noun === "assignment" ? t`Save assignment` : t`Save exercise`;
  return (
    <>
      {formError && (
        <p className={f.formError} role="alert">
          {formError}
        </p>
      )}
      {form.problemCount > 0 && !formError && (
        <p className={f.formError} role="alert">
          {form.refused ? `${notSaved} ` : ""}
          <Plural
            value={form.problemCount}
            one="Fix # problem marked above before saving."
            other="Fix # problems marked above before saving."
          />
        </p>
      )}
      <div className={f.actions}>
        <button
          type="submit"
          className={buttonClass({ variant: "primary" })}
          disabled={save.isPending || !form.dirty}
        >
          {save.isPending ? <Trans>Saving…</Trans> : saveLabel}
        </button>
        <SaveStatus
          state={form.status}
          error={form.refused ? t`Not saved.` : save.error?.message}
          onRetry={() => form.submit()}
        />
      </div>
    </>
  );
}
