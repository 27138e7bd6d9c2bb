import { Button } from "../../../components/ui/Button";
import { FormError } from "../../../components/ui/Field";
import s from "../settings.module.css";

/** An account form's end: its error, the submit button (busy label while sent), the outcome. */
export function FormFooter({
  form,
  label,
  pendingLabel,
  doneText,
}: {
  form: { formError: string | null | undefined; pending: boolean; done: boolean };
  label: string;
  pendingLabel: string;
  doneText: string;
}) {
  return (
    <>
      {form.formError && <FormError>{form.formError}</FormError>}
      <div className={s.actions}>
        <Button type="submit" variant="primary" disabled={form.pending}>
          {form.pending ? pendingLabel : label}
        </Button>
        <p role="status" className={s.status}>
          {form.done ? doneText : ""}
        </p>
      </div>
    </>
  );
}
