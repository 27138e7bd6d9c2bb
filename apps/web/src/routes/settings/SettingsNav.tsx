import { msg } from "@lingui/core/macro";
import { useLingui } from "@lingui/react/macro";
import { NavLink } from "react-router";
import s from "./settings.module.css";

// Descriptors, translated where shown: a language switch re-renders them.
const LINKS = [
  { to: "/settings/profile", label: msg`Profile` },
  { to: "/settings/account", label: msg`Account` },
  { to: "/settings/notifications", label: msg`Email notifications` },
  { to: "/settings/api-keys", label: msg`API keys` },
  { to: "/settings/webhooks", label: msg`Webhooks` },
  { to: "/settings/privacy", label: msg`Privacy` },
];

/** The settings pages, one link each; the current one is marked (aria-current). */
export function SettingsNav() {
  const { t } = useLingui();
  return (
    <nav aria-label={t`Settings`} className={s.nav}>
      <ul>
        {LINKS.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to}>{t(link.label)}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
