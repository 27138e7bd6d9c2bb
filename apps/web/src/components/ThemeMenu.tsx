import { useLingui } from "@lingui/react/macro";
import { THEME_CHOICES, type ThemeChoice, useThemeChoice } from "../lib/theme";
import s from "./Header.module.css";
import { iconButtonClass } from "./ui/Button";
import { MenuButton } from "./ui/Menu";

const ICONS: Record<ThemeChoice, string> = {
  // A monitor, a sun, a moon.
  system: "M4 5h16v11H4zM9 20h6M12 16v4",
  light:
    "M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8ZM12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4",
  dark: "M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5Z",
};

/** Light, dark, or the system's scheme (the default); remembered on this device. */
export function ThemeMenu() {
  const { t } = useLingui();
  const [choice, choose] = useThemeChoice();
  const options = THEME_CHOICES.map((option) => ({ ...option, label: t(option.label) }));
  return (
    <MenuButton
      label={t`Theme`}
      icon={
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className={s.themeIcon}>
          <path d={ICONS[choice]} />
        </svg>
      }
      options={options}
      value={choice}
      onChange={choose}
      buttonClassName={iconButtonClass({ large: true })}
    />
  );
}
