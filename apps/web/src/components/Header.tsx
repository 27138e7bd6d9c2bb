import { useMutation } from "@tanstack/react-query";
import { Link, NavLink, useNavigate } from "react-router";
import { type SessionUser, signOut } from "../lib/auth";
import { navLinksFor, roleBadge } from "../lib/navigation";
import { onSignedOut, useSession } from "../lib/session";
import { NotificationBell } from "./notifications/NotificationBell";

export function Header() {
  const session = useSession();
  const user = session.data ?? null;
  return (
    <header className="site-header">
      <div className="container header-inner">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Lumen
        </Link>
        <nav aria-label="Main" className="main-nav">
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
        <div className="account">{session.isPending ? null : <Account user={user} />}</div>
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
        <Link to="/sign-in" className="button button-ghost">
          Sign in
        </Link>
        <Link to="/sign-up" className="button button-primary">
          Sign up
        </Link>
      </>
    );
  }
  const badge = roleBadge(user.role);
  return (
    <>
      <NotificationBell />
      <span className="account-name">{user.name}</span>
      {badge && (
        <span className="badge">
          <span className="visually-hidden">Role: </span>
          {badge}
        </span>
      )}
      <button
        type="button"
        className="button button-ghost"
        onClick={() => signOutMutation.mutate()}
        disabled={signOutMutation.isPending}
      >
        Sign out
      </button>
    </>
  );
}
