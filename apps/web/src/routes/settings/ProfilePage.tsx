import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Navigate, useLocation } from "react-router";
import { ErrorState, LoadingState } from "../../components/states";
import { Button } from "../../components/ui/Button";
import { FormError, SelectField, TextField } from "../../components/ui/Field";
import { AuthError, sessionQuery } from "../../lib/auth";
import { nameProblem } from "../../lib/auth-validation";
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
  const session = useSession();
  const location = useLocation();
  useDocumentTitle("Profile");
  if (session.isPending) return <LoadingState />;
  if (!session.data) return <Navigate to={signInPath(location.pathname)} replace />;
  return <ProfileSettings />;
}

function ProfileSettings() {
  const profile = useQuery(profileQuery);
  return (
    <>
      <div className={s.heading}>
        <h1>Profile</h1>
        <p className="lede">
          Your name as it appears on certificates, your language and time zone.
        </p>
      </div>
      <SettingsNav />
      {profile.isPending ? (
        <LoadingState label="Loading your profile…" />
      ) : profile.isError || !profile.data ? (
        <ErrorState message="We could not load your profile." onRetry={() => profile.refetch()} />
      ) : (
        <ProfileForm initial={profile.data} />
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

function ProfileForm({ initial }: { initial: Profile }) {
  const queryClient = useQueryClient();
  const [timeZone, setTimeZone] = useState(initial.timeZone ?? browserDefaults().timeZone);
  const [locale, setLocale] = useState(profileLanguage(initial.locale));
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const save = useMutation({
    mutationFn: updateProfile,
    onSuccess: async () => {
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
    save.mutate({ name: name.trim(), locale, timeZone });
  };
  const edited = () => {
    if (save.isSuccess || save.isError) save.reset();
  };
  const formError = save.isError && Object.keys(errors).length === 0;

  return (
    <form className={formClass} noValidate onSubmit={onSubmit} onChange={edited}>
      <TextField
        id="name"
        label="Name on certificates"
        hint="Write it the way it should be printed, e.g. with accents."
        autoComplete="name"
        defaultValue={initial.name}
        required
        maxLength={100}
        error={errors.name}
      />
      <div className={s.where}>
        <SelectField
          id="locale"
          label="Language"
          hint="For Lumen's pages and your emails."
          error={errors.locale}
          value={locale}
          onChange={(event) => setLocale(event.target.value)}
          options={PROFILE_LANGUAGES}
        />
        <SelectField
          id="timeZone"
          label="Time zone"
          hint="Dates and deadlines are shown in it."
          error={errors.timeZone}
          value={timeZone}
          onChange={(event) => setTimeZone(event.target.value)}
          options={timeZoneOptions(timeZone)}
        />
      </div>
      {formError && <FormError>Your profile was not saved. Please try again.</FormError>}
      <div className={s.actions}>
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save profile"}
        </Button>
        <p role="status" className={s.status}>
          {save.isSuccess ? "Saved. Your profile is up to date." : ""}
        </p>
      </div>
    </form>
  );
}
