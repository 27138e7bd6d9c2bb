import { Trans, useLingui } from "@lingui/react/macro";
import { useQueryClient } from "@tanstack/react-query";
import { TextField } from "../../../components/ui/Field";
import { newPasswordProblem } from "../../../lib/auth-validation";
import s from "../settings.module.css";
import { changePassword } from "./api";
import { FormFooter } from "./FormFooter";
import { formClass } from "./form-class";
import { useAccountForm } from "./use-account-form";

const FIELDS = ["currentPassword", "newPassword"] as const;

export function ChangePasswordForm() {
  const { t } = useLingui();
  const queryClient = useQueryClient();
  const form = useAccountForm({
    fields: FIELDS,
    validate: (v) => ({
      ...(!v.currentPassword && { currentPassword: t`Enter your current password.` }),
      ...(newPasswordProblem(v.newPassword) && {
        newPassword: newPasswordProblem(v.newPassword) ?? "",
      }),
    }),
    submit: (v) => changePassword(v),
    fieldForCode: (code) =>
      code === "INVALID_PASSWORD"
        ? "currentPassword"
        : code?.startsWith("PASSWORD_")
          ? "newPassword"
          : null,
    fallback: t`Your password was not changed. Please try again.`,
    onDone: (_, element) => {
      element.reset();
      void queryClient.invalidateQueries({ queryKey: ["auth"] });
    },
  });
  return (
    <form
      className={formClass}
      noValidate
      onSubmit={form.onSubmit}
      aria-labelledby="password-title"
    >
      <h2 id="password-title" className={s.sectionTitle}>
        <Trans>Change password</Trans>
      </h2>
      <TextField
        id="currentPassword"
        label={t`Current password`}
        type="password"
        autoComplete="current-password"
        required
        error={form.errors.currentPassword}
      />
      <TextField
        id="newPassword"
        label={t`New password`}
        type="password"
        autoComplete="new-password"
        hint={t`At least 8 characters. Your other devices will be signed out.`}
        required
        error={form.errors.newPassword}
      />
      <FormFooter
        form={form}
        label={t`Change password`}
        pendingLabel={t`Changing…`}
        doneText={t`Password changed. Your other devices are signed out.`}
      />
    </form>
  );
}
