import { type ApiKeyPrincipal, type ApiKeyScope, authenticateApiKey } from "@lumen/core/api-keys";
import type { SessionUser } from "@lumen/core/kernel";
import type { Database } from "@lumen/db";
import type { MiddlewareHandler } from "hono";
import { type Auth, sessionUser } from "../auth";
import type { Principal, V1Env } from "./context";
import { ProblemError } from "./problem";

export const WWW_AUTHENTICATE = 'Bearer realm="lumen"';

function unauthorized(): ProblemError {
  // One answer for missing, malformed, unknown, revoked and expired: never say which.
  return new ProblemError(
    "unauthorized",
    "Send a valid API key as `Authorization: Bearer <key>`, or sign in.",
    { headers: { "www-authenticate": WWW_AUTHENTICATE } },
  );
}

/**
 * Who is calling: a personal API key (`Authorization: Bearer`), else the SPA's session cookie
 * (full `write` scope, as the SPA has on tRPC). A request that names a bearer token is judged
 * by it alone, so a bad key never falls back to a cookie sent alongside.
 */
export function authenticate({
  db,
  auth,
  resolveSession = (headers) => sessionUser(auth, headers),
  resolveKey = (token) => authenticateApiKey({ db, token }),
}: {
  db: Database;
  auth: Auth;
  /** A session cookie resolves as on tRPC: through the app's short in-process memo. */
  resolveSession?: (headers: Headers) => Promise<SessionUser | null>;
  /** A key resolves through createApiKeyResolver's memo where revocations reach it. */
  resolveKey?: (token: string) => Promise<ApiKeyPrincipal | null>;
}): MiddlewareHandler<V1Env> {
  return async (c, next) => {
    const header = c.req.header("authorization");
    let principal: Principal | null = null;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
      const found = match?.[1] ? await resolveKey(match[1]) : null;
      if (found) principal = found;
    } else {
      const user = await resolveSession(c.req.raw.headers);
      if (user) principal = { user, scope: "write", keyId: null };
    }
    if (!principal) throw unauthorized();
    c.set("principal", principal);
    await next();
  };
}

/** GET needs `read`, POST and PUT need `write`; a write key may also read. */
export function requireScope(needed: ApiKeyScope): MiddlewareHandler<V1Env> {
  return async (c, next) => {
    const { scope } = c.get("principal");
    if (needed === "write" && scope !== "write") {
      throw new ProblemError(
        "insufficient-scope",
        "This API key is read-only; create a key with the write scope for this request.",
        { required_scope: needed },
      );
    }
    await next();
  };
}

/**
 * For privileged reads (a course's learners): a session's user and role are read from the
 * database, never from the cookie cache, as tRPC's privileged procedures do. An API key's
 * user was read from the database when the key was checked.
 */
export function requireFreshUser({ auth }: { auth: Auth }): MiddlewareHandler<V1Env> {
  return async (c, next) => {
    const principal = c.get("principal");
    if (principal.keyId === null) {
      const user = await sessionUser(auth, c.req.raw.headers, { fresh: true });
      if (!user) throw unauthorized();
      c.set("principal", { ...principal, user });
    }
    await next();
  };
}
