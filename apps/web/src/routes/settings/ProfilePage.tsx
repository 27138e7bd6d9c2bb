import { Trans, useLingui } from "@lingui/react/macro";
import { isLocale } from "@lumen/shared/locales";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Navigate, useLocation } from "react-router";
import { ErrorState, LoadingState } from "../../components/states";
import { Button } from "../../components/ui/Button";
import { FormError, SelectField, TextField } from "../../components/ui/Field";
import { AuthError, sessionQuery } from "../../lib/auth";
import { nameProblem } from "../../lib/auth-validation";
import { activateLocale, activeLocale } from "../../lib/i18n";
import { signInPath } from "../../lib/redirect";
import { useSession } from "../../lib/session";
import { useDocumentTitle } from "../../lib/use-document-title";
import {
  PROFILE_LANGUAGES,
  type Profile,
  profileLanguage,
  profileQuery,
  updateProfile,
} from "./account/api";
import { formClass } from "./account/form-class";
import { browserDefaults, timeZoneOptions } from "./kinds";
import { SettingsNav } from "./SettingsNav";
import s from "./settings.module.css";

export function Component() {
  const { t } = useLingui();
  const session = useSession();
  const location = useLocation();
  useDocumentTitle(t`Profile`);
  if (session.isPending) return <LoadingState />;
  if (!session.data) return <Navigate to={signInPath(location.pathname)} replace />;
  return <ProfileSettings />;
}

function ProfileSettings() {
  const { t } = useLingui();
  const profile = useQuery(profileQuery);
  // Here, not in the form: a saved language change remounts the form (keyed below).
  const [saved, setSaved] = useState(false);
  return (
    <>
      <div className={s.heading}>
        <h1>
          <Trans>Profile</Trans>
        </h1>
        <p className="lede">
          <Trans>Your name as it appears on certificates, your language and time zone.</Trans>
        </p>
      </div>
      <SettingsNav />
      {profile.isPending ? (
        <LoadingState label={t`Loading your profile…`} />
      ) : profile.isError || !profile.data ? (
        <ErrorState
          message={t`We could not load your profile.`}
          onRetry={() => profile.refetch()}
        />
      ) : (
        // Keyed by the stored language: a switch from the header's menu shows here at once.
        <ProfileForm
          key={profile.data.locale ?? ""}
          initial={profile.data}
          saved={saved}
          onSavedChange={setSaved}
        />
      )}
    </>
  );
}

type Field = "name" | "locale" | "timeZone";
const FIELD_FOR_CODE: Record<string, Field> = {
  INVALID_NAME: "name",
  INVALID_LOCALE: "locale",
  INVALID_TIME_ZONE: "timeZone",
};

function ProfileForm({
  initial,
  saved,
  onSavedChange,
}: {
  initial: Profile;
  /** Whether the last save succeeded (kept by the page across the form's remount). */
  saved: boolean;
  onSavedChange: (saved: boolean) => void;
}) {
  const { t } = useLingui();
  const queryClient = useQueryClient();
  const [timeZone, setTimeZone] = useState(initial.timeZone ?? browserDefaults().timeZone);
  // Never chosen yet: propose the language the page is shown in (the header's menu).
  const [locale, setLocale] = useState(profileLanguage(initial.locale ?? activeLocale()));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const save = useMutation({
    mutationFn: updateProfile,
    onSuccess: async (_, input) => {
      onSavedChange(true);
      // The same setting as the header's language menu: the page switches without a reload.
      if (isLocale(input.locale)) await activateLocale(input.locale);
      // The header shows the name from the session: read both again.
      await queryClient.invalidateQueries({ queryKey: profileQuery.queryKey });
      await queryClient.fetchQuery({ ...sessionQuery, staleTime: 0 });
    },
    onError: (error) => {
      const field = error instanceof AuthError ? FIELD_FOR_CODE[error.code ?? ""] : undefined;
      if (field) {
        setErrors({ [field]: error.message });
        document.getElementById(field)?.focus();
      }
    },
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name") ?? "");
    const problem = nameProblem(name);
    setErrors(problem ? { name: problem } : {});
    if (problem) return document.getElementById("name")?.focus();
    onSavedChange(false);
    save.mutate({ name: name.trim(), locale, timeZone });
  };
  const edited = () => {
    onSavedChange(false);
    if (save.isSuccess || save.isError) save.reset();
  };
  const formError = save.isError && Object.keys(errors).length === 0;

  return (
    <form className={formClass} noValidate onSubmit={onSubmit} onChange={edited}>
      <TextField
        id="name"
        label={t`Name on certificates`}
        hint={t`Write it the way it should be printed, e.g. with accents.`}
        autoComplete="name"
        defaultValue={initial.name}
        required
        maxLength={100}
        error={errors.name}
      />
      <div className={s.where}>
        <SelectField
          id="locale"
          label={t`Language`}
          hint={t`For Lumen's pages and your emails.`}
          error={errors.locale}
          value={locale}
          onChange={(event) => setLocale(event.target.value)}
          options={PROFILE_LANGUAGES}
          // Endonyms and IANA zone names: data, not interface text.
          translate="no"
        />
        <SelectField
          id="timeZone"
          label={t`Time zone`}
          hint={t`Dates and deadlines are shown in it, in Lumen and in your emails.`}
          error={errors.timeZone}
          value={timeZone}
          onChange={(event) => setTimeZone(event.target.value)}
          options={timeZoneOptions(timeZone)}
          translate="no"
        />
      </div>
      {formError && (
        <FormError>
          <Trans>Your profile was not saved. Please try again.</Trans>
        </FormError>
      )}
      <div className={s.actions}>
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {save.isPending ? <Trans>Saving…</Trans> : <Trans>Save profile</Trans>}
        </Button>
        <p role="status" className={s.status}>
          {saved && !save.isPending ? <Trans>Saved. Your profile is up to date.</Trans> : ""}
        </p>
      </div>
    </form>
  );
}
