import { createApp } from "./app";
import { type Env, parseEnv } from "./env";
import { internalErrorBody } from "./errors";
import { logger, requestIdOf } from "./log";

const app = createApp();

/** Worker entry: bindings are validated here, before any route can read them. */
const worker = {
  fetch(request: Request, env: unknown, ctx: ExecutionContext): Response | Promise<Response> {
    let bindings: Env;
    try {
      bindings = parseEnv(env);
    } catch (err) {
      // Misconfiguration is an operator problem: details to the log, a generic body to clients.
      logger.error("invalid config", { requestId: requestIdOf(request)(), err });
      return Response.json(internalErrorBody, { status: 500 });
    }
    return app.fetch(request, bindings, ctx);
  },
} satisfies ExportedHandler<unknown>;

export default worker;
