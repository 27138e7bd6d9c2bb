import { useMutation } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { ErrorState } from "../../components/states";
import { Button } from "../../components/ui/Button";
import { FormError } from "../../components/ui/Field";
import { Panel } from "../../components/ui/Panel";
import { useDocumentTitle } from "../../lib/use-document-title";
import { KIND_TEXT } from "../settings/kinds";
import { postResubscribe, postUnsubscribe, type Unsubscribed } from "./api";
import s from "./unsubscribe.module.css";

function scopeText(scope: Unsubscribed["scope"]) {
  if (scope === "all") return "all email from Lumen";
  if (scope === "digest") return "your daily digest";
  return `email about ${KIND_TEXT[scope].label.toLowerCase()}`;
}

/**
 * Where an email's unsubscribe link leads (signed in or not). Opening it changes nothing (mail
 * scanners open links); the button does, and undo puts back exactly what was there.
 */
export function Component() {
  useDocumentTitle("Unsubscribe");
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const unsubscribe = useMutation({ mutationFn: () => postUnsubscribe(token) });
  const undo = useMutation({
    mutationFn: (done: Unsubscribed) => postResubscribe(token, done.previous),
  });
  if (!token) {
    return (
      <ErrorState
        title="This link is incomplete"
        message="Open the unsubscribe link from the email again, or change your email settings after signing in."
      />
    );
  }
  const done = unsubscribe.data;
  return (
    <Panel as="section" raised stack className={s.panel} aria-labelledby="unsubscribe-title">
      <h1 id="unsubscribe-title">{done ? "You are unsubscribed" : "Unsubscribe"}</h1>
      {!done ? (
        <>
          <p>Stop these emails? You will still see every notification in Lumen.</p>
          {unsubscribe.isError && <FormError>{unsubscribe.error.message}</FormError>}
          <div>
            <Button
              variant="primary"
              onClick={() => unsubscribe.mutate()}
              disabled={unsubscribe.isPending}
            >
              {unsubscribe.isPending ? "Unsubscribing…" : "Unsubscribe"}
            </Button>
          </div>
        </>
      ) : undo.isSuccess ? (
        <p role="status">Undone: {scopeText(done.scope)} will reach you again.</p>
      ) : (
        <>
          <p role="status">We will no longer send you {scopeText(done.scope)}.</p>
          {undo.isError && <FormError>{undo.error.message}</FormError>}
          <div>
            <Button onClick={() => undo.mutate(done)} disabled={undo.isPending}>
              {undo.isPending ? "Undoing…" : "Undo"}
            </Button>
          </div>
        </>
      )}
      <p className={s.more}>
        Choose per kind in your <Link to="/settings/notifications">email settings</Link> (sign in
        first).
      </p>
    </Panel>
  );
}
