import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Navigate, useLocation } from "react-router";
import { ErrorState, LoadingState } from "../../components/states";
import { Button } from "../../components/ui/Button";
import { FormError, SelectField } from "../../components/ui/Field";
import { Panel } from "../../components/ui/Panel";
import { signInPath } from "../../lib/redirect";
import { useSession } from "../../lib/session";
import { apiFieldErrors, trpc } from "../../lib/trpc";
import { useDocumentTitle } from "../../lib/use-document-title";
import {
  browserDefaults,
  DELIVERY_CHOICES,
  type Delivery,
  type EmailSettings,
  KIND_TEXT,
  localeOptions,
  type NotificationKind,
  timeZoneOptions,
} from "./kinds";
import { SettingsNav } from "./SettingsNav";
import s from "./settings.module.css";

export function Component() {
  const session = useSession();
  const location = useLocation();
  useDocumentTitle("Email notifications");
  if (session.isPending) return <LoadingState />;
  if (!session.data) return <Navigate to={signInPath(location.pathname)} replace />;
  return <Settings />;
}

function Settings() {
  const settings = useQuery(trpc.email.settings.queryOptions());
  return (
    <>
      <div className={s.heading}>
        <h1>Email notifications</h1>
        <p className="lede">
          Choose which notifications reach your inbox, and when. Everything still appears under the
          bell in Lumen.
        </p>
      </div>
      <SettingsNav />
      {settings.isPending ? (
        <LoadingState label="Loading your settings…" />
      ) : settings.isError ? (
        <ErrorState
          message="We could not load your email settings."
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
  const queryClient = useQueryClient();
  const detected = browserDefaults();
  const [timeZone, setTimeZone] = useState(initial.timeZone ?? detected.timeZone);
  const [locale, setLocale] = useState(initial.locale ?? detected.locale);
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
            fields[0] ?? "Your settings were not saved. Check your connection and try again.",
        });
      },
    }),
  );
  const fieldErrors = save.isError ? apiFieldErrors(save.error) : {};

  const choose = (kind: NotificationKind, delivery: Delivery) => {
    setChoices((current) => ({ ...current, [kind]: delivery }));
    setStatus({ tone: "idle" });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({
      timeZone,
      locale,
      preferences: initial.preferences.map((p) => ({
        kind: p.kind,
        delivery: choices[p.kind] ?? p.delivery,
      })),
    });
  };

  return (
    <Panel as="form" raised stack className={s.form} onSubmit={onSubmit}>
      <h2 className={s.sectionTitle}>What to send</h2>
      <div className={s.kinds}>
        {orderedKinds(initial).map((kind) => (
          <fieldset key={kind} className={s.kind} aria-describedby={`${kind}-hint`}>
            <legend className={s.kindLabel}>{KIND_TEXT[kind].label}</legend>
            <p id={`${kind}-hint`} className={s.hint}>
              {KIND_TEXT[kind].hint}
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
                  {choice.label}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
      </div>
      <h2 className={s.sectionTitle}>Time and language</h2>
      <div className={s.where}>
        <SelectField
          id="timeZone"
          label="Time zone"
          hint={
            initial.timeZone
              ? "Dates in emails use it, and your daily digest covers your day in it."
              : "Detected from this browser. Dates in emails and your daily digest's day use it."
          }
          error={fieldErrors.timeZone}
          value={timeZone}
          onChange={(event) => {
            setTimeZone(event.target.value);
            setStatus({ tone: "idle" });
          }}
          options={timeZoneOptions(timeZone)}
        />
        <SelectField
          id="locale"
          label="Language for dates"
          hint="How dates and times are written in your emails."
          error={fieldErrors.locale}
          value={locale}
          onChange={(event) => {
            setLocale(event.target.value);
            setStatus({ tone: "idle" });
          }}
          options={localeOptions(locale)}
        />
      </div>
      {status.tone === "error" && <FormError>{status.message}</FormError>}
      <div className={s.actions}>
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save settings"}
        </Button>
        <p role="status" className={s.status}>
          {status.tone === "saved" ? "Saved. Your email settings are up to date." : ""}
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
