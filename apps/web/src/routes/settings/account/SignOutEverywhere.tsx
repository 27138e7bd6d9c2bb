import { Trans } from "@lingui/react/macro";
import { useMutation } from "@tanstack/react-query";
import { useNavigate } from "react-router";
import { Button } from "../../../components/ui/Button";
import { cx } from "../../../components/ui/cx";
import { FormError } from "../../../components/ui/Field";
import { panelStyles } from "../../../components/ui/Panel";
import { onSignedOut } from "../../../lib/session";
import s from "../settings.module.css";
import { signOutEverywhere } from "./api";

/** Ends every session, this one included, and lands on the sign-in page. */
export function SignOutEverywhere() {
  const navigate = useNavigate();
  const end = useMutation({
    mutationFn: signOutEverywhere,
    onSuccess: async () => {
      await onSignedOut();
      navigate("/sign-in?signedOut=everywhere", { replace: true });
    },
  });
  return (
    <section
      className={cx(panelStyles.raised, panelStyles.stack, s.form)}
      aria-labelledby="everywhere-title"
    >
      <h2 id="everywhere-title" className={s.sectionTitle}>
        <Trans>Sign out of all devices</Trans>
      </h2>
      <p className={s.hint}>
        <Trans>
          Lost a phone, or signed in on a shared computer? This signs you out everywhere, here too.
        </Trans>
      </p>
      {end.isError && (
        <FormError>
          <Trans>We could not sign you out everywhere. Please try again.</Trans>
        </FormError>
      )}
      <div className={s.actions}>
        <Button variant="danger" disabled={end.isPending} onClick={() => end.mutate()}>
          {end.isPending ? <Trans>Signing out…</Trans> : <Trans>Sign out of all devices</Trans>}
        </Button>
      </div>
    </section>
  );
}
