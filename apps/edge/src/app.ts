import { Hono } from "hono";
import type { AppEnv } from "./env";
import { notFound, onError } from "./errors";
import { requestLog } from "./middleware/request-log";
import { serverTiming } from "./middleware/server-timing";
import { attachments } from "./routes/attachments";
import { catalog } from "./routes/catalog";
import { certificates } from "./routes/certificates";
import { health } from "./routes/health";
import { internalMedia } from "./routes/internal-media";
import { playback } from "./routes/playback";
import { catalogPurge } from "./routes/purge";
import { statusLists } from "./routes/status-lists";
import { uploads } from "./routes/uploads";

/**
 * Builds the edge app. Each feature (catalog, playback, certificates) is its own sub-app in
 * `routes/` mounted here with `app.route()`. Hono answers HEAD with the matching GET route.
 * Guards are middleware (`middleware/`): the request's Server-Timing first, its logger next, then per route
 * `requireToken(purpose)` or `requireInternalSecret()`.
 */
export function createApp() {
  const app = new Hono<AppEnv>();
  app.use(serverTiming);
  app.use(requestLog);
  app.route("/", health);
  app.route("/", catalog);
  app.route("/", catalogPurge);
  app.route("/", uploads);
  app.route("/", attachments);
  app.route("/", playback);
  app.route("/", internalMedia);
  app.route("/", certificates);
  app.route("/", statusLists);
  app.notFound(notFound);
  app.onError(onError);
  return app;
}

export type EdgeApp = ReturnType<typeof createApp>;
