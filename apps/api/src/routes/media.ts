import { COVER_MAX_BYTES, getMediaBlob, setCourseCover } from "@lumen/core/authoring";
import type { Database } from "@lumen/db";
import type { Outbox } from "@lumen/jobs";
import { ifNoneMatchMatches } from "@lumen/shared";
import { Hono } from "hono";
import type { Auth } from "../auth";
import { bodyLimit } from "../body-limit";
import { ApiError } from "../http-errors";
import { requireUser } from "../require-user";
import { SANDBOXED_FILE_HEADERS, uuidParam } from "./served-file";

/** The one route allowed a body above MAX_BODY_BYTES; app.ts exempts it from the global limit. */
export const COVER_UPLOAD_PATH = "/api/courses/:courseId/cover";

const IMMUTABLE = "public, max-age=31536000, immutable";

type MediaEnv = { Variables: { requestId: string } };

/**
 * Cover upload (raw image bytes as the body, typed by content, not by headers) and the
 * public, content-addressed media it produces. Both call plain services, like tRPC does.
 */
export function mediaRoutes({ db, outbox, auth }: { db: Database; outbox: Outbox; auth: Auth }) {
  const app = new Hono<MediaEnv>();
  app.put(
    COVER_UPLOAD_PATH,
    bodyLimit({
      maxSize: COVER_MAX_BYTES,
      onError: () => {
        throw new ApiError(413, "PAYLOAD_TOO_LARGE", "Cover images can be at most 2 MiB.");
      },
    }),
    // Editing is privileged: the session and role come from the database, not a cache.
    requireUser(auth, { fresh: true }),
    async (c) => {
      const { user } = c.var;
      const courseId = uuidParam(c.req.param("courseId"), "course");
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      // Domain errors (not yours, not an image, …) are rendered by app.onError.
      return c.json(await setCourseCover({ db, outbox, user, courseId, bytes }));
    },
  );

  app.get("/media/:key", async (c) => {
    const blob = await getMediaBlob({ db, key: c.req.param("key") });
    // The key is the SHA-256 of the bytes: a strong validator that never changes.
    const headers = {
      "Cache-Control": IMMUTABLE,
      ETag: `"${blob.key}"`,
      ...SANDBOXED_FILE_HEADERS,
    };
    if (ifNoneMatchMatches(c.req.header("if-none-match"), `"${blob.key}"`)) {
      return c.body(null, 304, headers);
    }
    return c.body(new Uint8Array(blob.bytes), 200, {
      ...headers,
      "Content-Type": blob.contentType,
    });
  });

  return app;
}
