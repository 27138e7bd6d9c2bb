import { Hono } from "hono";
import type { AppEnv } from "./env";
import { notFound, onError } from "./errors";
import { health } from "./routes/health";

/**
 * Builds the edge app. Each feature (catalog, playback, certificates) is its own sub-app in
 * `routes/` mounted here with `app.route()`. Hono answers HEAD with the matching GET route.
 */
export function createApp() {
  const app = new Hono<AppEnv>();
  app.route("/", health);
  app.notFound(notFound);
  app.onError(onError);
  return app;
}

export type EdgeApp = ReturnType<typeof createApp>;
