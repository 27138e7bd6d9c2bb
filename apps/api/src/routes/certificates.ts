import { CERTIFICATE_NOT_FOUND, openCertificatePdf } from "@lumen/core/certificates";
import type { Database } from "@lumen/db";
import type { MediaContext } from "@lumen/media";
import { Hono } from "hono";
import { z } from "zod";
import type { Auth } from "../auth";
import { ApiError } from "../http-errors";
import { requireUser } from "../require-user";

/**
 * `GET /api/certificates/:id/pdf`: the certificate PDF, for its learner, the course's
 * instructors and admins. Anyone else gets the 404 of an unknown id (the service decides);
 * 409 while the runner is still rendering it.
 */
export function certificateRoutes({
  db,
  media,
  auth,
}: {
  db: Database;
  media: MediaContext;
  auth: Auth;
}) {
  const app = new Hono();
  const signedIn = requireUser(auth, { message: "Sign in to download your certificate." });
  app.get("/api/certificates/:id/pdf", signedIn, async (c) => {
    const { user } = c.var;
    const id = z.uuid().safeParse(c.req.param("id"));
    if (!id.success) throw new ApiError(404, "NOT_FOUND", CERTIFICATE_NOT_FOUND);
    const { pdf, filename } = await openCertificatePdf({
      db,
      store: media.store,
      user,
      certificateId: id.data,
    });
    return c.body(pdf.body, 200, {
      "Content-Type": "application/pdf",
      "Content-Length": String(pdf.size),
      "Content-Disposition": `attachment; filename="${filename}"`,
      "X-Content-Type-Options": "nosniff",
      // Personal: never stored by a shared cache; revalidated when the learner asks again.
      "Cache-Control": "private, no-cache",
    });
  });
  return app;
}
