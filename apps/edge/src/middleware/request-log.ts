import type { MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import type { AppEnv } from "../env";
import { logger, requestIdOf } from "../log";

/**
 * Gives every request its logger (`c.var.log`): each line carries the request id and the
 * matched route pattern (`/v/:token/:path{.+}`), never the path itself, which can hold a token.
 */
export const requestLog: MiddlewareHandler<AppEnv> = async (c, next) => {
  const requestId = requestIdOf(c.req.raw);
  // Read when a line is written: by then the route is the handler's, not this middleware's.
  c.set(
    "log",
    logger.child(() => ({ requestId: requestId(), route: routePath(c, -1) })),
  );
  await next();
};
