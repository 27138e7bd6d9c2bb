import { Hono } from "hono";
import type { AppEnv } from "./env";
import { notFound, onError } from "./errors";
import { catalog } from "./routes/catalog";
import { health } from "./routes/health";
import { catalogPurge } from "./routes/purge";

/**
 * Builds the edge app. Each feature (catalog, playback, certificates) is its own sub-app in
 * `routes/` mounted here with `app.route()`. Hono answers HEAD with the matching GET route.
 */
export function createApp() {
  const app = new Hono<AppEnv>();
  app.route("/", health);
  app.route("/", catalog);
  app.route("/", catalogPurge);
  app.notFound(notFound);
  app.onError(onError);
  return app;
}

export type EdgeApp = ReturnType<typeof createApp>;
