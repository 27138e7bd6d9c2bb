import { Trans, useLingui } from "@lingui/react/macro";
import { useMutation } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { ErrorState } from "../../components/states";
import { Button } from "../../components/ui/Button";
import { FormError } from "../../components/ui/Field";
import { Panel } from "../../components/ui/Panel";
import { useDocumentTitle } from "../../lib/use-document-title";
import { postResubscribe, postUnsubscribe, type Unsubscribed } from "./api";
import { scopeText } from "./scope-text";
import s from "./unsubscribe.module.css";

/**
 * Where an email's unsubscribe link leads (signed in or not). Opening it changes nothing (mail
 * scanners open links); the button does, and undo puts back exactly what was there.
 */
export function Component() {
  const { t } = useLingui();
  useDocumentTitle(t`Unsubscribe`);
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const unsubscribe = useMutation({ mutationFn: () => postUnsubscribe(token) });
  const undo = useMutation({
    mutationFn: (done: Unsubscribed) => postResubscribe(token, done.previous),
  });
  if (!token) {
    return (
      <ErrorState
        title={t`This link is incomplete`}
        message={t`Open the unsubscribe link from the email again, or change your email settings after signing in.`}
      />
    );
  }
  const done = unsubscribe.data;
  const stopped = done ? t(scopeText(done.scope)) : "";
  return (
    <Panel as="section" raised stack className={s.panel} aria-labelledby="unsubscribe-title">
      <h1 id="unsubscribe-title">
        {done ? <Trans>You are unsubscribed</Trans> : <Trans>Unsubscribe</Trans>}
      </h1>
      {!done ? (
        <>
          <p>
            <Trans>Stop these emails? You will still see every notification in Lumen.</Trans>
          </p>
          {unsubscribe.isError && <Failure message={unsubscribe.error.message} />}
          <div>
            <Button
              variant="primary"
              onClick={() => unsubscribe.mutate()}
              disabled={unsubscribe.isPending}
            >
              {unsubscribe.isPending ? <Trans>Unsubscribing…</Trans> : <Trans>Unsubscribe</Trans>}
            </Button>
          </div>
        </>
      ) : undo.isSuccess ? (
        <p role="status">
          <Trans>Undone: {stopped} will reach you again.</Trans>
        </p>
      ) : (
        <>
          <p role="status">
            <Trans>We will no longer send you {stopped}.</Trans>
          </p>
          {undo.isError && <Failure message={undo.error.message} />}
          <div>
            <Button onClick={() => undo.mutate(done)} disabled={undo.isPending}>
              {undo.isPending ? <Trans>Undoing…</Trans> : <Trans>Undo</Trans>}
            </Button>
          </div>
        </>
      )}
      <p className={s.more}>
        <Trans>
          Choose per kind in your <Link to="/settings/notifications">email settings</Link> (sign in
          first).
        </Trans>
      </p>
    </Panel>
  );
}

/** The server's message, or ours when it gave none (offline, a proxy's error page). */
function Failure({ message }: { message: string }) {
  return <FormError>{message || <Trans>That did not work. Try again.</Trans>}</FormError>;
}
