import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";
import { ServerTiming } from "../timing";

/**
 * Gives every request a `ServerTiming` (`c.var.timing`) and writes it on the response as
 * `Server-Timing: worker;dur=…, kv;dur=…, cache;dur=…, origin;dur=…`: the Worker's own time
 * from this middleware (the first in the app) to its response, and the phases a route measured.
 * A client's time minus `worker` is what lies between them (network, or wrangler dev's proxy).
 */
export const serverTiming: MiddlewareHandler<AppEnv> = async (c, next) => {
  const timing = new ServerTiming();
  c.set("timing", timing);
  await next();
  c.header("server-timing", timing.header(), { append: true });
};
