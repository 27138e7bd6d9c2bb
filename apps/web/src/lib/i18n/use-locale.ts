import { useLingui } from "@lingui/react";
import { useEffect, useState } from "react";
import { callAuth, type SignedInUser, sessionQuery } from "../auth";
import { setDisplayTimeZone } from "../format";
import { useSession } from "../session";
import { queryClient } from "../trpc";
import { profileLocaleFor, resolveLocale } from "./choice";
import { activateLocale, activeLocale, type UiLocale } from "./index";

/** The profile query the settings page reads (kept in step when the header switches). */
const PROFILE_QUERY_KEY = ["auth", "profile"];

/**
 * Keeps the page in the signed-in user's profile language and time zone: when the session
 * loads (or the profile changes) with a language we speak, it wins over this device's choice.
 * Mounted once, in the shell.
 */
export function useProfileLocale(): void {
  const session = useSession();
  const profile = session.data?.locale ?? null;
  const timeZone = session.data?.timeZone ?? null;
  useEffect(() => {
    setDisplayTimeZone(timeZone);
  }, [timeZone]);
  useEffect(() => {
    if (!profile) return;
    const wanted = resolveLocale({ profile, stored: activeLocale() });
    if (wanted !== activeLocale()) void activateLocale(wanted);
  }, [profile]);
}

/**
 * The language shown and a switch: it loads the language's chunk and re-renders every message
 * without a reload, sets `<html lang dir>`, remembers it on this device, and for a signed-in
 * user saves it on the profile (the one place the language is stored, ADR 0028).
 */
export function useLocaleSwitch(): {
  locale: UiLocale;
  choose: (next: UiLocale) => Promise<void>;
  error: boolean;
} {
  // Subscribing re-renders the caller when the language changes.
  const { i18n } = useLingui();
  const [error, setError] = useState(false);
  const locale = (i18n.locale as UiLocale) || activeLocale();
  const choose = async (next: UiLocale) => {
    setError(false);
    const user = queryClient.getQueryData(sessionQuery.queryKey);
    const saved = profileLocaleFor(next);
    if (user && saved) {
      // First in the cache, so the profile sync does not switch back while the save runs.
      const updated: SignedInUser = { ...user, locale: saved };
      queryClient.setQueryData(sessionQuery.queryKey, updated);
    }
    await activateLocale(next);
    if (!user || !saved) return;
    try {
      await callAuth("update-user", { method: "POST", body: JSON.stringify({ locale: saved }) });
      await queryClient.invalidateQueries({ queryKey: PROFILE_QUERY_KEY });
    } catch {
      // Shown now, not saved: the menu says so; this device still remembers it.
      setError(true);
    }
  };
  return { locale, choose, error };
}
