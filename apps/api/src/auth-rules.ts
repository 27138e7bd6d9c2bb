import { canonicalLocale, localeInput, timeZoneInput } from "@lumen/core/email";
import { LOCALES, singleLine } from "@lumen/shared";
import { dictionary } from "@zxcvbn-ts/language-common";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { z } from "zod";

export const NAME_MAX = 100;
export const PASSWORD_MIN = 8;

/** The languages a profile may choose (the UI's catalogs); sign-up keeps the browser's tag. */
export const PROFILE_LOCALES = LOCALES;

/**
 * A person's display name: the shared one-line text rule (no control characters, no lone
 * surrogates, NFC, trimmed), 1–100 characters.
 */
export const personName = singleLine({
  label: "Name",
  max: NAME_MAX,
  tooLong: `Use at most ${NAME_MAX} characters.`,
}).min(1, "Enter your name.");

/**
 * The most common passwords (the zxcvbn-ts "common" list, ~18,000 of them long enough to
 * pass the length rule), compared case-insensitively. Bundled: no network lookups.
 */
const COMMON_PASSWORDS = new Set(
  dictionary["passwords-common"]
    .filter((p) => p.length >= PASSWORD_MIN)
    .map((p) => p.toLowerCase()),
);

export const isCommonPassword = (password: string) => COMMON_PASSWORDS.has(password.toLowerCase());

const COMMON_PASSWORD_MESSAGE =
  "That password is one of the most common ones, so it is easy to guess. Choose another.";

/** Where each endpoint carries a name or a new password in its body. */
const FIELDS: Record<string, { name?: "name"; password?: "password" | "newPassword" }> = {
  "/sign-up/email": { name: "name", password: "password" },
  "/update-user": { name: "name" },
  "/change-password": { password: "newPassword" },
  "/reset-password": { password: "newPassword" },
};

const body = z.record(z.string(), z.unknown()).catch({});

/**
 * better-auth `before` hook: names and new passwords are checked before any lookup, so the
 * answer never depends on whether an account exists. The trimmed name is what gets stored.
 */
export const authInputRules = createAuthMiddleware(async (ctx) => {
  const fields = FIELDS[ctx.path];
  if (!fields) return;
  const input = body.parse(ctx.body);
  const password = fields.password && input[fields.password];
  if (typeof password === "string" && isCommonPassword(password)) {
    throw new APIError("BAD_REQUEST", {
      code: "PASSWORD_TOO_COMMON",
      message: COMMON_PASSWORD_MESSAGE,
    });
  }
  // A changed password signs out every other session, whatever the client asked for.
  if (ctx.path === "/change-password") {
    return { context: { body: { ...input, revokeOtherSessions: true } } };
  }
  const place = placeOf(input, ctx.path === "/update-user");
  if (!fields.name || (ctx.path === "/update-user" && input.name === undefined)) {
    return Object.keys(place).length > 0
      ? { context: { body: { ...input, ...place } } }
      : undefined;
  }
  const name = personName.safeParse(input.name);
  if (!name.success) {
    const message = name.error.issues[0]?.message ?? "Enter your name.";
    throw new APIError("BAD_REQUEST", { code: "INVALID_NAME", message });
  }
  return { context: { body: { ...input, ...place, name: name.data } } };
});

/**
 * The time zone and locale a sign-up (or a profile update) may carry: the browser's, for
 * dates in emails and the digest's day (ADR 0022). Absent is fine; a bad value is refused
 * rather than stored. The profile page offers only the UI's languages. Only the endpoints in
 * FIELDS get here.
 */
function placeOf(
  input: Record<string, unknown>,
  fromProfile: boolean,
): { timeZone?: string; locale?: string } {
  const place: { timeZone?: string; locale?: string } = {};
  if (input.timeZone !== undefined) {
    const zone = timeZoneInput.safeParse(input.timeZone);
    if (!zone.success) {
      const message = zone.error.issues[0]?.message ?? "Choose a time zone.";
      throw new APIError("BAD_REQUEST", { code: "INVALID_TIME_ZONE", message });
    }
    place.timeZone = zone.data;
  }
  if (input.locale !== undefined) {
    const locale = localeInput.safeParse(input.locale);
    if (!locale.success) {
      const message = locale.error.issues[0]?.message ?? "Choose a language.";
      throw new APIError("BAD_REQUEST", { code: "INVALID_LOCALE", message });
    }
    place.locale = canonicalLocale(locale.data);
    if (fromProfile && !PROFILE_LOCALES.some((l) => l === place.locale)) {
      const message = "Choose English, Spanish or Arabic.";
      throw new APIError("BAD_REQUEST", { code: "INVALID_LOCALE", message });
    }
  }
  return place;
}
