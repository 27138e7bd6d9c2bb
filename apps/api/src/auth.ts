import type { SessionUser } from "@lumen/core/kernel";
import { type Database, schema, type UserRole, userRole } from "@lumen/db";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { createEmailVerificationToken } from "better-auth/api";
import { accountMail, accountOf } from "./auth-mail";
import { authInputRules, PASSWORD_MIN } from "./auth-rules";
import type { ApiEnv } from "./env";
import type { Logger } from "./logger";
import type { Mailer } from "./mailer";

/** Header our own middleware sets from the socket (or trusted proxy); clients cannot forge it. */
export const CLIENT_IP_HEADER = "x-lumen-client-ip";

/**
 * How long a session may be trusted without asking the database (ADR 0010): better-auth's
 * signed cookie cache, plus the tRPC path's in-process memo on top of it. Together at most
 * 30 s, so a sign-out or revoked session stops working everywhere within that bound;
 * privileged procedures skip both and ask the database every time.
 */
export const COOKIE_CACHE_SECONDS = 15;
export const SESSION_MEMO_MS = 15_000;

/** Where verification links send people once they are confirmed (and signed in). */
const VERIFIED_CALLBACK = "/sign-in?verified=1";

/** How long a mailed password reset link works; better-auth consumes it on first use. */
export const RESET_LINK_SECONDS = 60 * 60;

export function createAuth({
  db,
  env,
  logger,
  mailer,
}: {
  db: Database;
  env: ApiEnv;
  logger: Logger;
  mailer: Mailer;
}) {
  const dev = env.LUMEN_ENV !== "production";
  const verifyUrl = async (email: string) => {
    const token = await createEmailVerificationToken(env.AUTH_SECRET, email);
    const callback = encodeURIComponent(VERIFIED_CALLBACK);
    return `${env.AUTH_BASE_URL}/api/auth/verify-email?token=${token}&callbackURL=${callback}`;
  };
  return betterAuth({
    appName: "Lumen",
    baseURL: env.AUTH_BASE_URL,
    basePath: "/api/auth",
    secret: env.AUTH_SECRET,
    trustedOrigins: [env.WEB_ORIGIN],
    database: drizzleAdapter(db, { provider: "pg", usePlural: true, schema }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN,
      maxPasswordLength: 128,
      // Sign-up answers the same whether or not the address has an account: no session
      // until the emailed link is opened, and an existing address gets a mail saying so.
      requireEmailVerification: true,
      // In the existing account's language, not the sign-up form's.
      onExistingUserSignUp: async ({ user }, request) => {
        const to = { email: user.email, userId: user.id };
        const mail = user.emailVerified
          ? { kind: "existing" as const, url: `${env.WEB_ORIGIN}/sign-in` }
          : { kind: "verify" as const, url: await verifyUrl(user.email) };
        await mailer.send(await accountMail(db, to, request, mail));
      },
      // The mail links straight to the web page (not via better-auth's redirect endpoint):
      // the page posts the token with the new password, checked by auth-rules like sign-up's.
      sendResetPassword: async ({ user, token }, request) => {
        const url = `${env.WEB_ORIGIN}/reset-password?token=${encodeURIComponent(token)}`;
        const to = { email: user.email, userId: user.id };
        await mailer.send(await accountMail(db, to, request, { kind: "reset", url }));
      },
      resetPasswordTokenExpiresIn: RESET_LINK_SECONDS,
      // Whoever knew the old password (a thief, a shared computer) is signed out too.
      revokeSessionsOnPasswordReset: true,
    },
    emailVerification: {
      sendOnSignUp: true,
      // Signing in unverified says so; the form offers to resend instead of mailing each try.
      sendOnSignIn: false,
      autoSignInAfterVerification: true,
      expiresIn: 60 * 60,
      sendVerificationEmail: async ({ user, url }, request) => {
        const to = { email: user.email, userId: user.id };
        // A verified user only gets one for an email change: `user.email` is then the NEW
        // address (better-auth's change-email verification), and the switch waits for the link.
        if (!user.emailVerified) {
          await mailer.send(await accountMail(db, to, request, { kind: "verify", url }));
          return;
        }
        await mailer.send(await accountMail(db, to, request, { kind: "change", url }));
        // The current address hears of it too: a hijacked session is then noticed in time.
        const current = (await accountOf(db, user.id))?.email;
        if (current && current !== user.email) {
          const notice = { kind: "change-requested" as const, newEmail: user.email };
          await mailer.send(await accountMail(db, { ...to, email: current }, request, notice));
        }
      },
    },
    hooks: { before: authInputRules },
    user: {
      // The change is mailed to the new address and applied once that link is opened; the
      // current password is checked first (auth-account-routes.ts).
      changeEmail: { enabled: true },
      additionalFields: {
        // Never settable by the client: sign-up always yields a learner.
        role: { type: "string", required: false, defaultValue: "learner", input: false },
        // The browser's zone and language at sign-up (emails, digests); checked in auth-rules.
        timeZone: { type: "string", required: false, input: true },
        locale: { type: "string", required: false, input: true },
      },
    },
    session: {
      // Signed cookie cache: most requests resolve the session without a database read.
      cookieCache: { enabled: true, maxAge: COOKIE_CACHE_SECONDS },
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 100,
      customRules: {
        // Our own limiter (auth-throttle.ts) counts failed sign-ins and sign-up attempts.
        "/sign-in/email": false,
        "/sign-up/email": false,
        // …and password resets and the current-password checks of account changes.
        "/request-password-reset": false,
        "/reset-password": false,
        "/change-password": false,
        "/change-email": false,
        // A class behind one address resends a few links and reloads many pages.
        "/send-verification-email": { window: 60, max: 10 },
        "/get-session": { window: 60, max: 600 },
      },
    },
    advanced: {
      useSecureCookies: !dev,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure: !dev },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      // Mail goes out after the answer, so its latency reveals nothing about the address.
      backgroundTasks: { handler: (task) => mailer.background(task) },
    },
    telemetry: { enabled: false },
    logger: {
      // Keep better-auth's messages in our one JSON log stream.
      log: (level, message, ...args) =>
        logger[level](`auth: ${message}`, args.length ? { details: args } : {}),
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;

/**
 * Resolves the request's session to the user procedures see, or null. `fresh` skips the
 * cookie cache and reads session and user from the database (privileged work).
 */
export async function sessionUser(
  auth: Auth,
  headers: Headers,
  { fresh = false } = {},
): Promise<SessionUser | null> {
  const session = await auth.api.getSession({ headers, query: { disableCookieCache: fresh } });
  if (!session) return null;
  const { id, name, email, role } = session.user;
  return { id, name, email, role: parseRole(role) };
}

function parseRole(role: unknown): UserRole {
  return userRole.enumValues.find((r) => r === role) ?? "learner";
}

/**
 * `sessionUser` with a short in-process memo keyed by the request's Cookie header. Resolving a
 * session costs ~1 ms of CPU even on a cookie-cache hit (HMAC check, decoding), which is most
 * of a small progress beacon's cost. An entry lives `ttlMs` (SESSION_MEMO_MS) at most, on top
 * of the cookie cache's COOKIE_CACHE_SECONDS: a revoked session is refused within their sum.
 * Anonymous answers are not memoized.
 */
export function createSessionResolver(
  resolve: (headers: Headers) => Promise<SessionUser | null>,
  { ttlMs = SESSION_MEMO_MS, maxEntries = 10_000, now = () => Date.now() } = {},
) {
  const memo = new Map<string, { user: SessionUser; expiresAt: number }>();
  return async (headers: Headers): Promise<SessionUser | null> => {
    const cookie = headers.get("cookie");
    if (!cookie) return resolve(headers);
    const hit = memo.get(cookie);
    if (hit && hit.expiresAt > now()) return hit.user;
    if (hit) memo.delete(cookie);
    const user = await resolve(headers);
    if (user) {
      // Oldest first out: Map keeps insertion order.
      if (memo.size >= maxEntries) memo.delete(memo.keys().next().value ?? "");
      memo.set(cookie, { user, expiresAt: now() + ttlMs });
    }
    return user;
  };
}
