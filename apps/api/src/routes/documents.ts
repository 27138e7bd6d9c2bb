import type { Database } from "@lumen/db";
import type { MediaContext } from "@lumen/media";
import { Hono } from "hono";
import type { Auth } from "../auth";

/** The PDF upload route; it carries its own body limit, app.ts exempts it from the global one. */
export const DOCUMENT_UPLOAD_PATH = "/api/lessons/:lessonId/document";

/**
 * CONTRACT STUB (replace): PDF lesson documents. `PUT DOCUMENT_UPLOAD_PATH` (raw PDF body,
 * editors), `GET /api/lessons/:lessonId/document` (inline) and `?download=1` (attachment),
 * for whoever may open the lesson.
 */
export function documentRoutes(_deps: { db: Database; media: MediaContext; auth: Auth }) {
  return new Hono();
}
