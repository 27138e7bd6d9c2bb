import { resubscribe, resubscribeInput, unsubscribe, unsubscribeInput } from "@lumen/core/email";
import type { Database } from "@lumen/db";
import { Hono } from "hono";
import { ApiError } from "../http-errors";

export const UNSUBSCRIBE_PATH = "/api/email/unsubscribe";
export const RESUBSCRIBE_PATH = "/api/email/resubscribe";

/**
 * The List-Unsubscribe target (RFC 8058). POST is the one-click unsubscribe a mail client
 * sends, without cookies or a sign-in: the signed token is the authority. GET (someone
 * opening the header's URL) goes to the web app's page, which confirms and offers undo.
 */
export function emailRoutes({
  db,
  secret,
  webOrigin,
}: {
  db: Database;
  secret: string;
  webOrigin: string;
}) {
  const app = new Hono();
  const tokenOf = (raw: string | undefined) => {
    const parsed = unsubscribeInput.safeParse({ token: raw ?? "" });
    if (!parsed.success) {
      throw new ApiError(400, "BAD_REQUEST", "This unsubscribe link is missing its token.");
    }
    return parsed.data.token;
  };
  app.post(UNSUBSCRIBE_PATH, async (c) => {
    const result = await unsubscribe({ db, secret, token: tokenOf(c.req.query("token")) });
    return c.json(result);
  });
  // Undo, from the confirmation page: the same token, and what the kinds were before.
  app.post(RESUBSCRIBE_PATH, async (c) => {
    const body = resubscribeInput.safeParse(await c.req.json().catch(() => null));
    if (!body.success) {
      throw new ApiError(400, "BAD_REQUEST", "Send the link's token and the previous settings.");
    }
    return c.json(await resubscribe({ db, secret, input: body.data }));
  });
  app.get(UNSUBSCRIBE_PATH, (c) => {
    const token = tokenOf(c.req.query("token"));
    return c.redirect(`${webOrigin}/unsubscribe?token=${encodeURIComponent(token)}`, 303);
  });
  return app;
}
