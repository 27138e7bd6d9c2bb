import { Trans, useLingui } from "@lingui/react/macro";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Link, Navigate, useLocation } from "react-router";
import { ErrorState, LoadingState } from "../../components/states";
import { Button } from "../../components/ui/Button";
import { FormError } from "../../components/ui/Field";
import { Panel } from "../../components/ui/Panel";
import { signInPath } from "../../lib/redirect";
import { useSession } from "../../lib/session";
import { apiFieldErrors, trpc } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import {
  DELIVERY_CHOICES,
  type Delivery,
  type EmailSettings,
  KIND_TEXT,
  type NotificationKind,
} from "./kinds";
import { SettingsNav } from "./SettingsNav";
import s from "./settings.module.css";

export function Component() {
  const { t } = useLingui();
  const session = useSession();
  const location = useLocation();
  useDocumentTitle(t`Email notifications`);
  if (session.isPending) return <LoadingState />;
  if (!session.data) return <Navigate to={signInPath(location.pathname)} replace />;
  return <Settings />;
}

function Settings() {
  const { t } = useLingui();
  const settings = useQuery(trpc.email.settings.queryOptions());
  return (
    <>
      <div className={s.heading}>
        <h1>
          <Trans>Email notifications</Trans>
        </h1>
        <p className="lede">
          <Trans>
            Choose which notifications reach your inbox, and when. Everything still appears under
            the bell in Lumen.
          </Trans>
        </p>
      </div>
      <SettingsNav />
      {settings.isPending ? (
        <LoadingState label={t`Loading your settings…`} />
      ) : settings.isError ? (
        <ErrorState
          message={t`We could not load your email settings.`}
          onRetry={() => settings.refetch()}
        />
      ) : (
        <SettingsForm initial={settings.data} />
      )}
    </>
  );
}

type Status = { tone: "idle" } | { tone: "saved" } | { tone: "error"; message: string };

function SettingsForm({ initial }: { initial: EmailSettings }) {
  const { t } = useLingui();
  const queryClient = useQueryClient();
  const [choices, setChoices] = useState<Record<string, Delivery>>(() =>
    Object.fromEntries(initial.preferences.map((p) => [p.kind, p.delivery])),
  );
  const [status, setStatus] = useState<Status>({ tone: "idle" });
  const save = useMutation(
    trpc.email.updateSettings.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.email.settings.queryKey(), saved);
        setStatus({ tone: "saved" });
      },
      onError: (error) => {
        const fields = Object.values(apiFieldErrors(error));
        setStatus({
          tone: "error",
          message:
            fields[0] ?? t`Your settings were not saved. Check your connection and try again.`,
        });
      },
    }),
  );

  const choose = (kind: NotificationKind, delivery: Delivery) => {
    setChoices((current) => ({ ...current, [kind]: delivery }));
    setStatus({ tone: "idle" });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      preferences: initial.preferences.map((p) => ({
        kind: p.kind,
        delivery: choices[p.kind] ?? p.delivery,
      })),
    });
  };

  return (
    <Panel as="form" raised stack className={s.form} onSubmit={onSubmit}>
      <h2 className={s.sectionTitle}>
        <Trans>What to send</Trans>
      </h2>
      <div className={s.kinds}>
        {orderedKinds(initial).map((kind) => (
          <fieldset key={kind} className={s.kind} aria-describedby={`${kind}-hint`}>
            <legend className={s.kindLabel}>{t(KIND_TEXT[kind].label)}</legend>
            <p id={`${kind}-hint`} className={s.hint}>
              {t(KIND_TEXT[kind].hint)}
            </p>
            <div className={s.choices}>
              {DELIVERY_CHOICES.map((choice) => (
                <label key={choice.value} className={s.choice}>
                  <input
                    type="radio"
                    name={kind}
                    value={choice.value}
                    checked={choices[kind] === choice.value}
                    onChange={() => choose(kind, choice.value)}
                  />
                  {t(choice.label)}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
      </div>
      <h2 className={s.sectionTitle}>
        <Trans>Time and language</Trans>
      </h2>
      {/* The profile is the one place both are set (ADR 0028): emails read them there. */}
      <p className={s.hint}>
        <Trans>
          Emails are written in your profile's language, with dates in its time zone. Change them on
          your <Link to="/settings/profile">profile</Link>.
        </Trans>
      </p>
      {status.tone === "error" && <FormError>{status.message}</FormError>}
      <div className={s.actions}>
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {save.isPending ? <Trans>Saving…</Trans> : <Trans>Save settings</Trans>}
        </Button>
        <p role="status" className={s.status}>
          {status.tone === "saved" ? <Trans>Saved. Your email settings are up to date.</Trans> : ""}
        </p>
      </div>
    </Panel>
  );
}

/** The forum's kinds first (the most frequent), in the order KIND_TEXT lists them. */
function orderedKinds(settings: EmailSettings): NotificationKind[] {
  const order = Object.keys(KIND_TEXT);
  return settings.preferences
    .map((p) => p.kind)
    .sort((a, b) => order.indexOf(a) - order.indexOf(b));
}
