import { useMutation } from "@tanstack/react-query";
import { Link, NavLink, useNavigate } from "react-router";
import { type SessionUser, signOut } from "../lib/auth";
import { navLinksFor, roleBadge } from "../lib/navigation";
import { onSignedOut, useSession } from "../lib/session";
import s from "./Header.module.css";
import layout from "./Layout.module.css";
import { NotificationBell } from "./notifications/NotificationBell";
import { ThemeMenu } from "./ThemeMenu";
import { Badge } from "./ui/Badge";
import { ButtonLink, buttonClass } from "./ui/Button";
import { cx } from "./ui/cx";

export function Header() {
  const session = useSession();
  const user = session.data ?? null;
  return (
    <header className={s.header}>
      <div className={cx(layout.container, s.inner)}>
        <Link to="/" className={s.brand}>
          <span className={s.brandMark} aria-hidden="true" />
          Lumen
        </Link>
        <nav aria-label="Main" className={s.nav}>
          <ul>
            {navLinksFor(user).map((link) => (
              <li key={link.to}>
                <NavLink to={link.to} end={link.to === "/"}>
                  {link.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className={s.account}>
          <ThemeMenu />
          {session.isPending ? null : <Account user={user} />}
        </div>
      </div>
    </header>
  );
}

function Account({ user }: { user: SessionUser | null }) {
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
          Sign in
        </ButtonLink>
        <ButtonLink to="/sign-up" variant="primary">
          Sign up
        </ButtonLink>
      </>
    );
  }
  const badge = roleBadge(user.role);
  return (
    <>
      <NotificationBell />
      <span className={s.accountName}>{user.name}</span>
      {badge && (
        <Badge tone="info">
          <span className="visually-hidden">Role: </span>
          {badge}
        </Badge>
      )}
      <button
        type="button"
        className={buttonClass({ variant: "ghost" })}
        onClick={() => signOutMutation.mutate()}
        disabled={signOutMutation.isPending}
      >
        Sign out
      </button>
    </>
  );
}
