import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";
import { errorBody } from "../errors";

const encoder = new TextEncoder();

/**
 * Guards the internal routes the API's job runner calls (catalog purge, certificate and status
 * list publishing): `Authorization: Bearer <EDGE_INTERNAL_SECRET>`, else 401 with `refusal`.
 */
export function requireInternalSecret(
  refusal = "Missing or wrong secret.",
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!(await bearerMatches(c.req.header("authorization"), c.env.EDGE_INTERNAL_SECRET))) {
      return c.json(errorBody("unauthorized", refusal), 401, {
        "cache-control": "no-store",
        "www-authenticate": 'Bearer realm="lumen-edge"',
      });
    }
    await next();
  };
}

/**
 * Whether `Authorization: Bearer <token>` carries `secret`, compared in constant time. Both
 * sides are hashed first so the comparison runs over equal lengths and leaks neither the
 * secret's length nor how much of a guess was right.
 */
async function bearerMatches(authorization: string | undefined, secret: string) {
  const token = /^Bearer[ ]+(\S+)\s*$/i.exec(authorization ?? "")?.[1];
  if (!token) return false;
  const [presented, expected] = await Promise.all([
    crypto.subtle.digest("SHA-256", encoder.encode(token)),
    crypto.subtle.digest("SHA-256", encoder.encode(secret)),
  ]);
  return crypto.subtle.timingSafeEqual(presented, expected);
}
