import { NavLink } from "react-router";
import s from "./settings.module.css";

const LINKS = [
  { to: "/settings/profile", label: "Profile" },
  { to: "/settings/account", label: "Account" },
  { to: "/settings/notifications", label: "Email notifications" },
  { to: "/settings/api-keys", label: "API keys" },
  { to: "/settings/webhooks", label: "Webhooks" },
  { to: "/settings/privacy", label: "Privacy" },
];

/** The settings pages, one link each; the current one is marked (aria-current). */
export function SettingsNav() {
  return (
    <nav aria-label="Settings" className={s.nav}>
      <ul>
        {LINKS.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to}>{link.label}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
