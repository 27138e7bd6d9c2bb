import { Trans, useLingui } from "@lingui/react/macro";
import { TextField } from "../../../components/ui/Field";
import { emailProblem } from "../../../lib/auth-validation";
import s from "../settings.module.css";
import { changeEmail } from "./api";
import { FormFooter } from "./FormFooter";
import { formClass } from "./form-class";
import { useAccountForm } from "./use-account-form";

const FIELDS = ["newEmail", "emailPassword"] as const;

/** The new address gets a link; the account keeps the current one until it is opened. */
export function ChangeEmailForm({ current }: { current: string }) {
  const { t } = useLingui();
  const form = useAccountForm({
    fields: FIELDS,
    validate: (v) => ({
      ...(emailProblem(v.newEmail.trim()) && { newEmail: emailProblem(v.newEmail.trim()) ?? "" }),
      ...(v.newEmail.trim().toLowerCase() === current && {
        newEmail: t`That is already your email address.`,
      }),
      ...(!v.emailPassword && { emailPassword: t`Enter your current password.` }),
    }),
    submit: (v) => changeEmail({ newEmail: v.newEmail.trim(), currentPassword: v.emailPassword }),
    fieldForCode: (code) =>
      code === "INVALID_PASSWORD" || code === "CURRENT_PASSWORD_REQUIRED"
        ? "emailPassword"
        : code === "INVALID_EMAIL"
          ? "newEmail"
          : null,
    fallback: t`We could not start the change. Please try again.`,
    onDone: (_, element) => element.reset(),
  });
  return (
    <form className={formClass} noValidate onSubmit={form.onSubmit} aria-labelledby="email-title">
      <h2 id="email-title" className={s.sectionTitle}>
        <Trans>Change email</Trans>
      </h2>
      <p className={s.hint}>
        <Trans>
          Your email is <strong translate="no">{current}</strong>. We send a link to the new
          address; the change happens when you open it.
        </Trans>
      </p>
      <TextField
        id="newEmail"
        label={t`New email`}
        type="email"
        autoComplete="email"
        inputMode="email"
        required
        error={form.errors.newEmail}
      />
      <TextField
        id="emailPassword"
        label={t`Current password`}
        type="password"
        autoComplete="current-password"
        required
        error={form.errors.emailPassword}
      />
      <FormFooter
        form={form}
        label={t`Send confirmation link`}
        pendingLabel={t`Sending…`}
        doneText={t`Check the new address's inbox and open the link to finish.`}
      />
    </form>
  );
}
