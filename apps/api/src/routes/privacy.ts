import { NotFoundError } from "@lumen/core/kernel";
import {
  EXPORT_NOT_FOUND,
  type ExportDownload,
  exportLinkQuery,
  openExportDownload,
  openSignedExportDownload,
  type SignedExportDownload,
} from "@lumen/core/privacy";
import type { Database } from "@lumen/db";
import type { MediaContext } from "@lumen/media";
import { type Context, Hono } from "hono";
import { accepts } from "hono/accepts";
import { z } from "zod";
import type { Auth } from "../auth";
import { ApiError } from "../http-errors";
import { requireUser } from "../require-user";

const PATH = "/api/privacy/exports/:id/download";

/**
 * `GET /api/privacy/exports/:id/download`: the data export as a ZIP attachment, streamed from
 * media storage, reached two ways (ADR 0027, "Data export download links"):
 * - with `?expires=…&signature=…`, the signed link of the ready email and the privacy page: no
 *   session (a mail client, another device) — 403 when altered or another export's, 410 once
 *   the link's day is over (`renewUrl` names the privacy page, which hands out a fresh one);
 *   a browser that opens a refused link (Accept prefers text/html) is sent (303) to the privacy
 *   page with the reason, `?download=invalid|expired|gone`, which says it in the reader's language;
 * - without, the owner's session (someone else's id is the 404 of an unknown one).
 * Either way: 410 once the export's 7 days are over, 409 while it is being prepared.
 */
export function privacyRoutes({
  db,
  media,
  auth,
  linkSecret,
  webOrigin,
}: {
  db: Database;
  media: MediaContext;
  auth: Auth;
  /** EMAIL_TOKEN_SECRET: the download links are links in email, like unsubscribe links. */
  linkSecret: string;
  webOrigin: string;
}) {
  const app = new Hono();
  const renewUrl = `${webOrigin.replace(/\/$/, "")}/settings/privacy`;
  const exportId = (raw: string) => {
    const id = z.uuid().safeParse(raw);
    if (!id.success) throw notFound();
    return id.data;
  };

  app.get(PATH, async (c, next) => {
    const { expires, signature } = c.req.query();
    if (expires === undefined && signature === undefined) return next();
    // A refusal is a page for a browser and JSON for a program: the answer varies with Accept.
    c.header("Vary", "Accept");
    const refuse = (reason: LinkRefusal, error: ApiError) => {
      if (!prefersPage(c)) throw error;
      c.header("Cache-Control", "no-store");
      return c.redirect(`${renewUrl}?download=${reason}`, 303);
    };
    const id = z.uuid().safeParse(c.req.param("id"));
    if (!id.success) return refuse("invalid", notFound());
    const link = exportLinkQuery.safeParse({ expires, signature });
    if (!link.success) return refuse("invalid", badLink(renewUrl));
    let download: SignedExportDownload;
    try {
      download = await openSignedExportDownload({
        db,
        store: media.store,
        secret: linkSecret,
        exportId: id.data,
        link: link.data,
      });
    } catch (error) {
      // Deleted (with its account) or never there: nothing to download, and no owner to ask.
      if (error instanceof NotFoundError) return refuse("gone", notFound());
      throw error;
    }
    if (download.kind === "bad-signature") return refuse("invalid", badLink(renewUrl));
    if (download.kind === "link-expired") {
      return refuse(
        "expired",
        new ApiError(
          410,
          "LINK_EXPIRED",
          "This download link has expired. Open your privacy settings for a fresh link.",
          { renewUrl },
        ),
      );
    }
    if (download.kind === "expired") return refuse("gone", gone(renewUrl));
    return serve(c, download, renewUrl);
  });

  const signedIn = requireUser(auth, { message: "Sign in to download your data export." });
  app.get(PATH, signedIn, async (c) => {
    const download = await openExportDownload({
      db,
      store: media.store,
      user: c.var.user,
      exportId: exportId(c.req.param("id")),
    });
    return serve(c, download, renewUrl);
  });
  return app;
}

/** Why a signed link did not download, as the privacy page's `?download=` names it. */
type LinkRefusal = "invalid" | "expired" | "gone";

/**
 * Whether the request is a person's browser opening the link (a click in a mail client): its
 * Accept names text/html above application/json. Wildcards count for neither, so fetch, curl
 * and API clients (any type, JSON, or no Accept at all) keep the JSON answer.
 */
function prefersPage(c: Context) {
  const supports = ["application/json", "text/html"];
  return accepts(c, { header: "Accept", supports, default: "application/json" }) === "text/html";
}

const notFound = () => new ApiError(404, "NOT_FOUND", EXPORT_NOT_FOUND);

function gone(renewUrl: string) {
  return new ApiError(410, "GONE", "This export has expired. Request a new one.", { renewUrl });
}

function badLink(renewUrl: string) {
  return new ApiError(
    403,
    "FORBIDDEN",
    "This download link is not valid. Open your privacy settings for a fresh link.",
    { renewUrl },
  );
}

function serve(c: Context, download: ExportDownload, renewUrl: string) {
  if (download.kind === "expired") throw gone(renewUrl);
  if (download.kind === "failed") {
    throw new ApiError(409, "CONFLICT", "This export could not be prepared. Request a new one.");
  }
  if (download.kind === "not-ready") {
    throw new ApiError(409, "CONFLICT", "This export is still being prepared.");
  }
  const { archive, filename } = download;
  return c.body(archive.body, 200, {
    "Content-Type": "application/zip",
    "Content-Length": String(archive.size),
    "Content-Disposition": `attachment; filename="${filename}"`,
    "X-Content-Type-Options": "nosniff",
    // Personal: never stored by any cache; a signed link is not passed on as a referrer.
    "Cache-Control": "private, no-store",
    "Referrer-Policy": "no-referrer",
  });
}
