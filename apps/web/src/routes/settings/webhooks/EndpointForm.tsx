import { Trans, useLingui } from "@lingui/react/macro";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useState } from "react";
import { Button } from "../../../components/ui/Button";
import { cx } from "../../../components/ui/cx";
import { FormError, fieldStyles as f, TextField } from "../../../components/ui/Field";
// A plain <form> in the card look: Panel's props have no form attributes (noValidate).
import { panelStyles } from "../../../components/ui/Panel";
import { apiErrorCode, apiFieldErrors, trpc } from "../../../lib/trpc";
import { EventChecks } from "./EventChecks";
import { EVENT_TYPES, type Scope, type WebhookEndpoint, type WebhookEventType } from "./view";
import s from "./webhooks.module.css";

/**
 * Adds an endpoint (its secret goes to `onCreated`, shown once) or edits one (`endpoint`):
 * URL, description and the events it receives.
 */
export function EndpointForm({
  scope,
  endpoint,
  onCreated,
  onDone,
}: {
  scope: Scope;
  endpoint?: WebhookEndpoint;
  onCreated?: (secret: string) => void;
  onDone: () => void;
}) {
  const { t } = useLingui();
  const id = useId();
  const queryClient = useQueryClient();
  const [url, setUrl] = useState(endpoint?.url ?? "");
  const [description, setDescription] = useState(endpoint?.description ?? "");
  const [events, setEvents] = useState<WebhookEventType[]>(endpoint?.events ?? EVENT_TYPES);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.webhooks.list.queryKey() });
  const create = useMutation(
    trpc.webhooks.create.mutationOptions({
      onSuccess: async ({ secret }) => {
        await refresh();
        onCreated?.(secret);
        onDone();
      },
    }),
  );
  const update = useMutation(
    trpc.webhooks.update.mutationOptions({
      onSuccess: async () => {
        await refresh();
        onDone();
      },
    }),
  );
  const saving = endpoint ? update : create;
  const fieldErrors = apiFieldErrors(saving.error);
  const general =
    saving.isError && Object.keys(fieldErrors).length === 0
      ? apiErrorCode(saving.error)
        ? saving.error.message
        : t`The endpoint was not saved. Check your connection and try again.`
      : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (endpoint) update.mutate({ endpointId: endpoint.id, url, description, events });
    else {
      const courseId = scope.kind === "course" ? scope.courseId : undefined;
      create.mutate({ url, description, events, courseId });
    }
  };
  return (
    <form
      className={cx(panelStyles.raised, panelStyles.stack, s.form)}
      onSubmit={submit}
      aria-labelledby={`${id}-t`}
      noValidate
    >
      <h3 id={`${id}-t`} className={s.formTitle}>
        {endpoint ? <Trans>Edit endpoint</Trans> : <Trans>Add an endpoint</Trans>}
      </h3>
      <TextField
        id={`${id}-url`}
        label={t`URL`}
        hint={t`Where we POST each event, signed with the endpoint's secret (Standard Webhooks).`}
        type="url"
        inputMode="url"
        required
        autoComplete="off"
        placeholder="https://example.com/hooks/lumen"
        value={url}
        error={fieldErrors.url}
        onChange={(event) => setUrl(event.target.value)}
      />
      <TextField
        id={`${id}-description`}
        label={t`Description (optional)`}
        maxLength={200}
        autoComplete="off"
        value={description}
        error={fieldErrors.description}
        onChange={(event) => setDescription(event.target.value)}
      />
      <EventChecks idPrefix={id} value={events} error={fieldErrors.events} onChange={setEvents} />
      {general && <FormError>{general}</FormError>}
      <div className={f.actions}>
        <Button type="submit" variant="primary" disabled={saving.isPending}>
          {saving.isPending ? (
            <Trans>Saving…</Trans>
          ) : endpoint ? (
            <Trans>Save endpoint</Trans>
          ) : (
            <Trans>Add endpoint</Trans>
          )}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          <Trans>Cancel</Trans>
        </Button>
      </div>
    </form>
  );
}
