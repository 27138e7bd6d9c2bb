import { Trans, useLingui } from "@lingui/react/macro";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ErrorState, LoadingState } from "../../../components/states";
import { Button } from "../../../components/ui/Button";
import { TextField } from "../../../components/ui/Field";
import { Notice } from "../../../components/ui/Notice";
import { Panel } from "../../../components/ui/Panel";
import { signOut } from "../../../lib/auth";
import { onSignedOut } from "../../../lib/session";
import { apiErrorCode, apiFieldErrors, trpc } from "../../../lib/trpc";
import { When } from "../When";
import { CancelDeletion } from "./CancelDeletion";
import s from "./privacy.module.css";

/**
 * Account deletion (ADR 0027): what goes and what stays, the password again, and the grace
 * period. While a deletion is pending this shows its date and the way back instead.
 */
export function DeleteAccount() {
  const { t } = useLingui();
  const deletion = useQuery(trpc.privacy.deletion.queryOptions());
  return (
    <Panel as="section" raised stack className={s.panel} aria-labelledby="delete-account">
      <h2 id="delete-account" className={s.sectionTitle}>
        <Trans>Delete your account</Trans>
      </h2>
      {deletion.isPending ? (
        <LoadingState label={t`Checking your account…`} />
      ) : deletion.isError ? (
        <ErrorState
          message={t`We could not check whether your account is scheduled for deletion.`}
          onRetry={() => deletion.refetch()}
        />
      ) : deletion.data?.state === "pending" ? (
        <>
          <p>
            <Trans>
              Your account is scheduled for deletion on <When iso={deletion.data.scheduledFor} />.
              Until then you can change your mind.
            </Trans>
          </p>
          <div>
            <CancelDeletion />
          </div>
        </>
      ) : (
        <RequestDeletion />
      )}
    </Panel>
  );
}

function RequestDeletion() {
  const { t } = useLingui();
  const queryClient = useQueryClient();
  const [password, setPassword] = useState("");
  const request = useMutation(
    trpc.privacy.requestDeletion.mutationOptions({
      // Every session ends with the request, this one too: the server has deleted them, and
      // signing out here also clears this browser's cookie cache of the session (trusted for up
      // to 15 s otherwise, ADR 0010). Should that call fail, the cache runs out by itself.
      onSuccess: async () => {
        await signOut().catch(() => undefined);
        await onSignedOut();
      },
      onSettled: () =>
        queryClient.invalidateQueries({ queryKey: trpc.privacy.deletion.queryKey() }),
    }),
  );
  const fieldError = request.isError ? apiFieldErrors(request.error).password : undefined;
  const code = request.isError ? apiErrorCode(request.error) : null;
  const formError =
    request.isError && !fieldError
      ? code === "CONFLICT" || code === "TOO_MANY_REQUESTS"
        ? request.error.message
        : t`Your account was not scheduled for deletion. Check your connection and try again.`
      : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (password) request.mutate({ password });
  };
  return (
    <form className={s.layout} onSubmit={submit} noValidate aria-describedby="delete-what">
      <div id="delete-what" className={s.layout}>
        <p>
          <Trans>
            We delete your profile, sign-ins, progress, quiz attempts, exercise and assignment work,
            notifications, email choices, API keys, webhooks, exports and uploaded files. Your forum
            posts stay readable as by a deleted user; peer reviews you gave stay, anonymous.
            Certificates you earned are withdrawn: their verification page will say so, without your
            name.
          </Trans>
        </p>
        <p>
          <Trans>
            Deletion happens 14 days after you ask. We sign you out everywhere and email you; sign
            in before then to cancel. Want a copy first? Request an export above.
          </Trans>
        </p>
      </div>
      <TextField
        id="delete-password"
        label={t`Your password`}
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={fieldError}
      />
      <div>
        <Button variant="danger" type="submit" disabled={!password || request.isPending}>
          {request.isPending ? <Trans>Scheduling…</Trans> : <Trans>Delete my account</Trans>}
        </Button>
      </div>
      {formError && (
        <Notice tone="error" as="p" role="alert">
          {formError}
        </Notice>
      )}
    </form>
  );
}
