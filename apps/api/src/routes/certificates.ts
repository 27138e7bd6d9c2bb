import type { Database } from "@lumen/db";
import type { MediaContext } from "@lumen/media";
import { Hono } from "hono";
import type { Auth } from "../auth";

/**
 * CONTRACT STUB (replace): `GET /api/certificates/:id/pdf`, the certificate PDF for its
 * learner, the course's instructors and admins; everyone else gets 404.
 */
export function certificateRoutes(_deps: { db: Database; media: MediaContext; auth: Auth }) {
  return new Hono();
}
