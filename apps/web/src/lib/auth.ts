import type { SessionUser } from "@lumen/core/kernel";
import { queryOptions } from "@tanstack/react-query";
import { activeLocale } from "./i18n";
import { profileLocaleFor } from "./i18n/choice";

/**
 * better-auth over plain fetch: a handful of endpoints do not justify its client runtime in the
 * initial bundle. Same origin (Vite proxies /api), so the session cookie just flows.
 */

// The signed-in user has the shape the API hands the domain (core's actor); imported as a type
// only, so no server code reaches the bundle.
export type { SessionUser };

/** The session's user plus their profile's language and time zone (the SPA shows both). */
export interface SignedInUser extends SessionUser {
  locale: string | null;
  timeZone: string | null;
}
export type Role = SessionUser["role"];

export class AuthError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
    readonly status: number,
    /** From a 429's Retry-After: how long until another attempt may succeed. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

export async function callAuth(path: string, init?: RequestInit): Promise<unknown> {
  const response = await fetch(`/api/auth/${path}`, {
    credentials: "same-origin",
    ...init,
    headers: { "content-type": "application/json", ...init?.headers },
  });
  const body: unknown = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    const { message, code } = readError(body);
    const retryAfter = Number(response.headers.get("retry-after"));
    throw new AuthError(
      message ?? `Request failed (${response.status}).`,
      code,
      response.status,
      Number.isFinite(retryAfter) && retryAfter > 0 ? Math.ceil(retryAfter) : null,
    );
  }
  return body;
}

function readError(body: unknown): { message: string | null; code: string | null } {
  if (typeof body !== "object" || body === null) return { message: null, code: null };
  const message = "message" in body && typeof body.message === "string" ? body.message : null;
  const code = "code" in body && typeof body.code === "string" ? body.code : null;
  return { message, code };
}

const ROLES: readonly Role[] = ["learner", "instructor", "admin"];

/** Narrows better-auth's `{ user, session } | null` to the fields the SPA uses. */
export function parseSession(body: unknown): SignedInUser | null {
  if (typeof body !== "object" || body === null || !("user" in body)) return null;
  const user: unknown = body.user;
  if (typeof user !== "object" || user === null) return null;
  const [id, name, email, role, locale, timeZone] = [
    "id",
    "name",
    "email",
    "role",
    "locale",
    "timeZone",
  ].map((k): unknown => Reflect.get(user, k));
  if (typeof id !== "string" || typeof email !== "string") return null;
  return {
    id,
    email,
    name: typeof name === "string" && name ? name : email,
    role: ROLES.find((r) => r === role) ?? "learner",
    locale: typeof locale === "string" && locale ? locale : null,
    timeZone: typeof timeZone === "string" && timeZone ? timeZone : null,
  };
}

export const sessionQuery = queryOptions({
  queryKey: ["auth", "session"],
  queryFn: async () => parseSession(await callAuth("get-session")),
  staleTime: 5 * 60_000,
});

export async function signIn(input: { email: string; password: string }): Promise<void> {
  await callAuth("sign-in/email", { method: "POST", body: JSON.stringify(input) });
}

/** Where the emailed link lands once it has confirmed the address (and signed the user in). */
export function verifiedCallback(next: string): string {
  return `/sign-in?${new URLSearchParams({ verified: "1", next }).toString()}`;
}

/**
 * Asks for an account. The answer is the same whether or not the address already has one:
 * the inbox tells the rest (a confirmation link, or a note that the account exists).
 */
export async function signUp(input: { name: string; email: string; password: string }, next = "/") {
  // The browser's zone and the language the page is shown in become the account's (pages,
  // emails, digests); changeable on the profile or with the header's language menu.
  const place = {
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || undefined,
    locale: profileLocaleFor(activeLocale()) ?? undefined,
  };
  const body = { ...input, ...place, callbackURL: verifiedCallback(next) };
  await callAuth("sign-up/email", { method: "POST", body: JSON.stringify(body) });
}

export async function resendVerification(email: string, next = "/"): Promise<void> {
  const body = { email, callbackURL: verifiedCallback(next) };
  await callAuth("send-verification-email", { method: "POST", body: JSON.stringify(body) });
}

export async function signOut(): Promise<void> {
  await callAuth("sign-out", { method: "POST", body: "{}" });
}

/** Mails a reset link if the address has an account; the answer is the same either way. */
export async function requestPasswordReset(email: string): Promise<void> {
  await callAuth("request-password-reset", { method: "POST", body: JSON.stringify({ email }) });
}

/** Spends the mailed token on a new password; every session of the account ends. */
export async function resetPassword(token: string, newPassword: string): Promise<void> {
  await callAuth("reset-password", {
    method: "POST",
    body: JSON.stringify({ token, newPassword }),
  });
}
