import type { SessionUser } from "@lumen/core/kernel";
import type { MiddlewareHandler } from "hono";
import { type Auth, sessionUser } from "./auth";
import { ApiError } from "./http-errors";

/** What a route behind requireUser reads: the signed-in user as `c.var.user`. */
export type UserEnv = { Variables: { user: SessionUser } };

/**
 * Guards a REST route that needs a signed-in user: puts the session's user on the context, or
 * answers 401 with `message` (rendered by app.onError). `fresh` reads the session and role from
 * the database rather than the signed cookie cache: privileged routes (editing) ask for it.
 */
export function requireUser(
  auth: Auth,
  { fresh = false, message = "Sign in to continue." } = {},
): MiddlewareHandler<UserEnv> {
  return async (c, next) => {
    const user = await sessionUser(auth, c.req.raw.headers, { fresh });
    if (!user) throw new ApiError(401, "UNAUTHORIZED", message);
    c.set("user", user);
    await next();
  };
}
