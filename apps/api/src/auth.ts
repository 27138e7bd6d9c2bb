import { type Database, schema, type UserRole, userRole } from "@lumen/db";
import type { SessionUser } from "@lumen/trpc";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import type { ApiEnv } from "./env";
import type { Logger } from "./logger";

/** Header our own middleware sets from the socket (or trusted proxy); clients cannot forge it. */
export const CLIENT_IP_HEADER = "x-lumen-client-ip";

export function createAuth({ db, env, logger }: { db: Database; env: ApiEnv; logger: Logger }) {
  const dev = env.LUMEN_ENV !== "production";
  return betterAuth({
    appName: "Lumen",
    baseURL: env.AUTH_BASE_URL,
    basePath: "/api/auth",
    secret: env.AUTH_SECRET,
    trustedOrigins: [env.WEB_ORIGIN],
    database: drizzleAdapter(db, { provider: "pg", usePlural: true, schema }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      autoSignIn: true,
    },
    user: {
      additionalFields: {
        // Never settable by the client: sign-up always yields a learner.
        role: { type: "string", required: false, defaultValue: "learner", input: false },
      },
    },
    session: {
      // Signed cookie cache: most requests resolve the session without a database read.
      cookieCache: { enabled: true, maxAge: 5 * 60 },
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 100,
      customRules: {
        "/sign-in/email": { window: 60, max: 5 },
        "/sign-up/email": { window: 60, max: 5 },
      },
    },
    advanced: {
      useSecureCookies: !dev,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure: !dev },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
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

/** Resolves the request's session to the user procedures see, or null. */
export async function sessionUser(auth: Auth, headers: Headers): Promise<SessionUser | null> {
  const session = await auth.api.getSession({ headers });
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
 * of a small progress beacon's cost. The memo never widens trust: better-auth's signed cookie
 * cache already accepts a session for up to 5 minutes without asking the database, and an
 * entry here lives `ttlMs` (15 s) at most. Anonymous answers are not memoized.
 */
export function createSessionResolver(
  resolve: (headers: Headers) => Promise<SessionUser | null>,
  { ttlMs = 15_000, maxEntries = 10_000, now = Date.now } = {},
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
