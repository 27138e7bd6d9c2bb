import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit as honoBodyLimit } from "hono/body-limit";

/**
 * Hono's body limit, judging a declared Content-Length from the headers alone. Hono's own
 * first asks for `req.raw.body`, which makes @hono/node-server build a full web Request for
 * the incoming message; the route then reads its body through web streams instead of the
 * fast path (on the progress route, ~4 % of the API's CPU). Node's HTTP parser reads exactly
 * Content-Length bytes, so the header is as good as counting, and Hono trusts it too. A
 * chunked body, or a Request built in-process without the header, is counted by Hono's.
 */
export function bodyLimit(options: {
  maxSize: number;
  onError: (c: Context) => Response | Promise<Response>;
}): MiddlewareHandler {
  const counting = honoBodyLimit(options);
  return async (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const length = c.req.header("content-length");
    if (length !== undefined && c.req.header("transfer-encoding") === undefined) {
      return Number.parseInt(length, 10) > options.maxSize ? options.onError(c) : next();
    }
    return counting(c, next);
  };
}
