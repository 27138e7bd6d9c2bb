import { useLingui } from "@lingui/react/macro";
import { LOCALE_NAMES, LOCALES } from "@lumen/shared/locales";
import type { UiLocale } from "../lib/i18n";
import { useLocaleSwitch } from "../lib/i18n/use-locale";
import s from "./Header.module.css";
import { iconButtonClass } from "./ui/Button";
import { MenuButton, type MenuOption } from "./ui/Menu";

// Each language in itself (an Arabic reader finds "العربية" in an English page).
const OPTIONS: ReadonlyArray<MenuOption<UiLocale>> = LOCALES.map((locale) => ({
  value: locale,
  label: LOCALE_NAMES[locale],
  lang: locale,
}));

/**
 * The page's language, a menu like the theme's. Same setting as the profile's language field:
 * a signed-in choice is saved there.
 */
export function LanguageMenu() {
  const { t } = useLingui();
  const { locale, choose, error } = useLocaleSwitch();
  return (
    <>
      <MenuButton
        label={t`Language`}
        icon={
          // A globe.
          <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className={s.themeIcon}>
            {/* Paths only: the icon button fills other shapes (Button.module.css). */}
            <path d="M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18ZM3 12h18M12 3a14 14 0 0 1 0 18M12 3a14 14 0 0 0 0 18" />
          </svg>
        }
        options={OPTIONS}
        value={locale}
        onChange={(next) => void choose(next)}
        buttonClassName={iconButtonClass({ large: true })}
      />
      {error && (
        <span role="alert" className="visually-hidden">
          {t`Your language was not saved on your profile. It stays on this device.`}
        </span>
      )}
    </>
  );
}
