import { buttonClass } from "../../../components/ui/Button";
import { fieldStyles as f } from "../../../components/ui/Field";
import { plural } from "../../../lib/format";
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
  /** "assignment", "exercise": the button says "Save <noun>". */
  noun: string;
}) {
  const { save } = form;
  return (
    <>
      {formError && (
        <p className={f.formError} role="alert">
          {formError}
        </p>
      )}
      {form.problemCount > 0 && !formError && (
        <p className={f.formError} role="alert">
          {form.refused ? `The ${noun} wasn't saved. ` : ""}
          Fix {plural(form.problemCount, "problem")} marked above before saving.
        </p>
      )}
      <div className={f.actions}>
        <button
          type="submit"
          className={buttonClass({ variant: "primary" })}
          disabled={save.isPending || !form.dirty}
        >
          {save.isPending ? "Saving…" : `Save ${noun}`}
        </button>
        <SaveStatus
          state={form.status}
          error={form.refused ? "Not saved." : save.error?.message}
          onRetry={() => form.submit()}
        />
      </div>
    </>
  );
}
