import { Trans, useLingui } from "@lingui/react/macro";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Button } from "../../../components/ui/Button";
import { cx } from "../../../components/ui/cx";
import { FormError, fieldStyles as f, SelectField, TextField } from "../../../components/ui/Field";
// A plain <form> in the card look: Panel's props have no form attributes (noValidate).
import { panelStyles } from "../../../components/ui/Panel";
import { apiErrorCode, apiFieldErrors, trpc } from "../../../lib/trpc";
import settings from "../settings.module.css";
import s from "./api-keys.module.css";
import { type ApiKeyScope, EXPIRY_CHOICES, SCOPE_TEXT } from "./view";

/** Name, scope and lifetime of a new key; the token goes to `onCreated`, never to the cache. */
export function CreateKeyForm({
  onCreated,
}: {
  onCreated: (created: { name: string; token: string }) => void;
}) {
  const { t } = useLingui();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [scope, setScope] = useState<ApiKeyScope>("read");
  const [expiry, setExpiry] = useState("90");
  const create = useMutation(
    trpc.apiKeys.create.mutationOptions({
      onSuccess: async ({ key, token }) => {
        setName("");
        onCreated({ name: key.name, token });
        await queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() });
      },
    }),
  );
  const fieldErrors = apiFieldErrors(create.error);
  const general =
    create.isError && Object.keys(fieldErrors).length === 0
      ? apiErrorCode(create.error) === "BAD_REQUEST"
        ? create.error.message
        : t`The key was not created. Check your connection and try again.`
      : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const days = EXPIRY_CHOICES.find((c) => c.value === expiry)?.days ?? null;
    create.mutate({ name, scope, expiresInDays: days });
  };
  return (
    <form
      className={cx(panelStyles.raised, panelStyles.stack, s.create)}
      onSubmit={submit}
      aria-labelledby="new-key"
      noValidate
    >
      <h2 id="new-key" className={s.sectionTitle}>
        <Trans>Create a key</Trans>
      </h2>
      <div className={f.row}>
        <TextField
          id="name"
          label={t`Name`}
          hint={t`What uses it, e.g. “HR sync”.`}
          required
          maxLength={80}
          autoComplete="off"
          value={name}
          error={fieldErrors.name}
          onChange={(event) => setName(event.target.value)}
        />
        <SelectField
          id="expiry"
          label={t`Expires after`}
          value={expiry}
          onChange={(event) => setExpiry(event.target.value)}
          options={EXPIRY_CHOICES.map((c) => ({ value: c.value, label: t(c.label) }))}
        />
      </div>
      <fieldset className={settings.fieldset}>
        <legend className={settings.legend}>
          <Trans>Access</Trans>
        </legend>
        {(Object.keys(SCOPE_TEXT) as ApiKeyScope[]).map((value) => (
          <label key={value} className={f.check}>
            <input
              type="radio"
              name="scope"
              value={value}
              checked={scope === value}
              onChange={() => setScope(value)}
              aria-describedby={`scope-${value}-hint`}
            />
            <span>
              <span className={s.scopeLabel}>{t(SCOPE_TEXT[value].label)}</span>
              <span id={`scope-${value}-hint`} className={f.hint}>
                {t(SCOPE_TEXT[value].hint)}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      {general && <FormError>{general}</FormError>}
      <div className={f.actions}>
        <Button type="submit" variant="primary" disabled={create.isPending}>
          {create.isPending ? <Trans>Creating…</Trans> : <Trans>Create key</Trans>}
        </Button>
      </div>
    </form>
  );
}
