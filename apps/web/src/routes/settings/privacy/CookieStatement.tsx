import { Trans } from "@lingui/react/macro";
import { Panel } from "../../../components/ui/Panel";
import s from "./privacy.module.css";

/**
 * What the API sets (better-auth, apps/api/src/auth.ts): the session token and its signed
 * cache, both httpOnly and SameSite=Lax. Nothing else is set, so no consent is asked for; the
 * `consents` table and its service (@lumen/core/privacy) are ready for when one is, and the
 * consents given would then be listed here (none can exist today, so none is fetched).
 */
export function CookieStatement() {
  return (
    <Panel as="section" stack className={s.panel} aria-labelledby="cookies">
      <h2 id="cookies" className={s.sectionTitle}>
        <Trans>Cookies</Trans>
      </h2>
      <p>
        <Trans>
          Lumen uses only strictly necessary cookies: the ones that keep you signed in. There are no
          analytics, advertising or tracking cookies.
        </Trans>
      </p>
      <ul>
        <li>
          <Trans>
            <code translate="no">better-auth.session_token</code>: your sign-in session, until you
            sign out or it expires.
          </Trans>
        </li>
        <li>
          <Trans>
            <code translate="no">better-auth.session_data</code>: a signed copy of the session for a
            few seconds, so pages load without looking it up every time.
          </Trans>
        </li>
      </ul>
      <p className={s.hint}>
        <Trans>
          Both are sent only to Lumen, are not readable by scripts, and carry the{" "}
          <code translate="no">__Secure-</code> prefix on secure connections.
        </Trans>
      </p>
      <h3 className={s.subTitle}>
        <Trans>Consents</Trans>
      </h3>
      <p>
        <Trans>
          Because nothing optional is set, we ask for no consent, and you have given none. If we
          ever ask for one (for example for optional cookies), the consents you give will be listed
          here, with the date, and you will be able to withdraw them here.
        </Trans>
      </p>
    </Panel>
  );
}
