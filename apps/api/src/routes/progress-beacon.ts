import type { SessionUser } from "@lumen/core/kernel";
import { type ProgressIngest, recordProgressInput } from "@lumen/core/progress";
import { PROGRESS_BEACON_PATH } from "@lumen/shared/constants";
import { Hono } from "hono";
import { z } from "zod";
import { ApiError } from "../http-errors";

/**
 * The progress beacon (PROGRESS_BEACON_PATH, where the SPA sends every progress batch): the
 * same input and result as tRPC's `progress.record` — the same zod schema, the same ingest —
 * as a plain JSON route. Progress is the API's hottest write (every player sends a batch every
 * few seconds), and tRPC's fetch adapter and procedure chain cost ~100 µs of the ~330 µs the
 * API's stack spent on a 12-event batch in process (ADR 0029). The app's middleware (origin
 * check, body limit, CORS, security headers) applies as to every route; errors use the API's
 * one HTTP error shape (`{ error: { code, message, requestId } }`).
 */
export function progressBeaconRoutes(deps: {
  progress: ProgressIngest;
  resolveSession: (headers: Headers) => Promise<SessionUser | null>;
}) {
  const app = new Hono();
  app.post(PROGRESS_BEACON_PATH, async (c) => {
    const user = await deps.resolveSession(c.req.raw.headers);
    if (!user) throw new ApiError(401, "UNAUTHORIZED", "Sign in to continue.");
    const body: unknown = await c.req.json().catch(() => {
      throw new ApiError(400, "BAD_REQUEST", "The request body is not JSON.");
    });
    const input = recordProgressInput.safeParse(body);
    if (!input.success) {
      throw new ApiError(400, "BAD_REQUEST", "Invalid input", {
        fieldErrors: z.flattenError(input.error).fieldErrors,
      });
    }
    return c.json(await deps.progress.record(user, input.data.events));
  });
  return app;
}
