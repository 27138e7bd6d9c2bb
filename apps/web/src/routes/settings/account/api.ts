import { LOCALE_NAMES, LOCALES } from "@lumen/shared/locales";
import { queryOptions } from "@tanstack/react-query";
import { callAuth } from "../../../lib/auth";

/** The languages the profile offers (the API refuses others), named in their own language. */
export const PROFILE_LANGUAGES = LOCALES.map((value) => ({ value, label: LOCALE_NAMES[value] }));

export interface Profile {
  name: string;
  email: string;
  locale: string | null;
  timeZone: string | null;
}

/** Narrows better-auth's `{ user } | null` to the profile fields. */
export function parseProfile(body: unknown): Profile | null {
  const user: unknown =
    typeof body === "object" && body !== null ? Reflect.get(body, "user") : null;
  if (typeof user !== "object" || user === null) return null;
  const text = (key: string) => {
    const value: unknown = Reflect.get(user, key);
    return typeof value === "string" ? value : null;
  };
  const email = text("email");
  if (!email) return null;
  return { email, name: text("name") ?? "", locale: text("locale"), timeZone: text("timeZone") };
}

/** The profile as stored (not the cookie cache), so a save shows at once after a reload. */
export const profileQuery = queryOptions({
  queryKey: ["auth", "profile"],
  queryFn: async () => {
    return parseProfile(await callAuth("get-session?disableCookieCache=true"));
  },
});

/** One of the profile's languages for a stored tag (sign-up keeps the browser's, e.g. es-MX). */
export function profileLanguage(locale: string | null | undefined): string {
  const base = (locale ?? "en").split("-")[0] ?? "en";
  return PROFILE_LANGUAGES.some((l) => l.value === base) ? base : "en";
}

export async function updateProfile(input: { name: string; locale: string; timeZone: string }) {
  await callAuth("update-user", { method: "POST", body: JSON.stringify(input) });
}

export async function changePassword(input: { currentPassword: string; newPassword: string }) {
  // The API signs out the other sessions whatever is sent; said here too for the reader.
  const body = { ...input, revokeOtherSessions: true };
  await callAuth("change-password", { method: "POST", body: JSON.stringify(body) });
}

/** Where the confirmation link (mailed to the new address) lands once it switched the email. */
export const EMAIL_CHANGED_CALLBACK = "/settings/account?email=changed";

export async function changeEmail(input: { newEmail: string; currentPassword: string }) {
  const body = { ...input, callbackURL: EMAIL_CHANGED_CALLBACK };
  await callAuth("change-email", { method: "POST", body: JSON.stringify(body) });
}

/** Ends every session of the account, this one too, then clears this browser's cookies. */
export async function signOutEverywhere() {
  await callAuth("revoke-sessions", { method: "POST", body: "{}" });
  await callAuth("sign-out", { method: "POST", body: "{}" }).catch(() => undefined);
}
