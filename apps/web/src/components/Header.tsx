import { Trans, useLingui } from "@lingui/react/macro";
import { useMutation } from "@tanstack/react-query";
import { Link, NavLink, useNavigate } from "react-router";
import { type SessionUser, signOut } from "../lib/auth";
import { navLinksFor, roleBadge } from "../lib/navigation";
import { onSignedOut, useSession } from "../lib/session";
import s from "./Header.module.css";
import { LanguageMenu } from "./LanguageMenu";
import layout from "./Layout.module.css";
import { NotificationBell } from "./notifications/NotificationBell";
import { ThemeMenu } from "./ThemeMenu";
import { Badge } from "./ui/Badge";
import { ButtonLink, buttonClass, iconButtonClass } from "./ui/Button";
import { cx } from "./ui/cx";

export function Header() {
  const { t } = useLingui();
  const session = useSession();
  const user = session.data ?? null;
  return (
    <header className={s.header}>
      <div className={cx(layout.container, s.inner)}>
        <Link to="/" className={s.brand} translate="no">
          <span className={s.brandMark} aria-hidden="true" />
          Lumen
        </Link>
        <nav aria-label={t`Main`} className={s.nav}>
          <ul>
            {navLinksFor(user).map((link) => (
              <li key={link.to}>
                <NavLink to={link.to} end={link.to === "/"}>
                  {t(link.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className={s.account}>
          <div className={s.prefs}>
            <LanguageMenu />
            <ThemeMenu />
          </div>
          {session.isPending ? null : <Account user={user} />}
        </div>
      </div>
    </header>
  );
}

function Account({ user }: { user: SessionUser | null }) {
  const { t } = useLingui();
  const navigate = useNavigate();
  const signOutMutation = useMutation({
    mutationFn: signOut,
    onSuccess: async () => {
      await onSignedOut();
      navigate("/");
    },
  });
  if (!user) {
    return (
      <>
        <ButtonLink to="/sign-in" variant="ghost">
          <Trans>Sign in</Trans>
        </ButtonLink>
        <ButtonLink to="/sign-up" variant="primary">
          <Trans>Sign up</Trans>
        </ButtonLink>
      </>
    );
  }
  const badge = roleBadge(user.role);
  return (
    <>
      <NotificationBell />
      <Link
        to="/settings/notifications"
        className={cx(iconButtonClass({ large: true }), s.settingsLink)}
        aria-label={t`Email settings`}
        title={t`Email settings`}
      >
        {/* An envelope: where email is chosen. */}
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className={s.themeIcon}>
          <path d="M3 6h18v12H3zM3 7l9 6 9-6" />
        </svg>
      </Link>
      <Link
        to="/settings/api-keys"
        className={cx(iconButtonClass({ large: true }), s.settingsLink)}
        aria-label={t`API keys`}
        title={t`API keys`}
      >
        {/* A key: personal API keys for the REST API. */}
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className={s.themeIcon}>
          <circle cx="8" cy="15" r="4" />
          <path d="M11 12l9-9M16 7l3 3M14 9l2 2" />
        </svg>
      </Link>
      <Link
        to="/settings/webhooks"
        className={cx(iconButtonClass({ large: true }), s.settingsLink)}
        aria-label={t`Webhooks`}
        title={t`Webhooks`}
      >
        {/* A hook: where events are sent out. */}
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className={s.themeIcon}>
          <path d="M12 3v9a4 4 0 1 1-4-4M12 12a4 4 0 1 0 4 4" />
          <circle cx="12" cy="3" r="1" />
        </svg>
      </Link>
      <span className={s.accountName} translate="no">
        {user.name}
      </span>
      {badge && (
        <Badge tone="info">
          <span className="visually-hidden">
            <Trans>Role:</Trans>{" "}
          </span>
          {t(badge)}
        </Badge>
      )}
      <button
        type="button"
        className={buttonClass({ variant: "ghost" })}
        onClick={() => signOutMutation.mutate()}
        disabled={signOutMutation.isPending}
      >
        <Trans>Sign out</Trans>
      </button>
    </>
  );
}
