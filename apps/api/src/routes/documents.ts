import {
  assertCanUploadDocument,
  DOCUMENT_MAX_BYTES,
  NotPdfError,
  openLessonDocument,
  uploadLessonDocument,
} from "@lumen/core/documents";
import type { Database } from "@lumen/db";
import type { MediaContext } from "@lumen/media";
import { singleLine } from "@lumen/shared";
import { Hono } from "hono";
import { z } from "zod";
import { type Auth, sessionUser } from "../auth";
import { bodyLimit } from "../body-limit";
import { ApiError } from "../http-errors";
import { requireUser } from "../require-user";

export { DOCUMENT_MAX_BYTES };

/** The PDF upload route; it carries its own body limit, app.ts exempts it from the global one. */
export const DOCUMENT_UPLOAD_PATH = "/api/lessons/:lessonId/document";

/**
 * The served PDF runs nothing on our origin: a sandboxed, opaque-origin document that may
 * load nothing. Inline views allow inline styles, which older Chromium PDF viewers' synthetic
 * page needs. Checked in Chromium 156: the built-in viewer renders under this policy, top
 * level and in an iframe. (Older Chromium and some Safari versions refused to run their
 * viewer in a sandboxed document; the download link is the way out there.)
 */
const INLINE_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
const ATTACHMENT_CSP = "default-src 'none'; sandbox";

const lessonIdParam = z.uuid();

/**
 * PDF lesson documents: upload (raw PDF bytes as the body, typed by content, editors only)
 * and delivery to whoever may open the lesson, inline or as a download. Both call the plain
 * document services; errors render through app.onError.
 */
export function documentRoutes({
  db,
  media,
  auth,
}: {
  db: Database;
  media: MediaContext;
  auth: Auth;
}) {
  const app = new Hono();

  app.put(
    DOCUMENT_UPLOAD_PATH,
    bodyLimit({
      maxSize: DOCUMENT_MAX_BYTES,
      onError: () => {
        throw new ApiError(413, "PAYLOAD_TOO_LARGE", "PDF documents can be at most 50 MiB.");
      },
    }),
    // Editing is privileged: the session and role come from the database, not a cache.
    requireUser(auth, { fresh: true }),
    async (c) => {
      const { user } = c.var;
      const lessonId = parseLessonId(c.req.param("lessonId"));
      // Refuse strangers, wrong lesson kinds and unstorable names before reading up to 50 MiB.
      await assertCanUploadDocument({ db, user, lessonId });
      const filename = parseFilename(c.req.query("filename"));
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      try {
        return c.json(
          await uploadLessonDocument({ db, media, user, input: { lessonId, filename }, bytes }),
        );
      } catch (error) {
        if (error instanceof NotPdfError) {
          throw new ApiError(415, "UNSUPPORTED_MEDIA_TYPE", error.message);
        }
        throw error;
      }
    },
  );

  app.get(DOCUMENT_UPLOAD_PATH, async (c) => {
    const user = await sessionUser(auth, c.req.raw.headers);
    const lessonId = parseLessonId(c.req.param("lessonId"));
    const { document, object } = await openLessonDocument({ db, media, user, lessonId });
    const download = c.req.query("download") === "1";
    return c.body(object.body, 200, {
      "Content-Type": "application/pdf",
      "Content-Length": String(object.size),
      "Content-Disposition": contentDisposition(
        download ? "attachment" : "inline",
        document.filename,
      ),
      "X-Content-Type-Options": "nosniff",
      // Only for this learner's browser; a few minutes, so a replaced document shows up soon.
      "Cache-Control": "private, max-age=300",
      "Content-Security-Policy": download ? ATTACHMENT_CSP : INLINE_CSP,
    });
  });

  return app;
}

/** The name is then tidied for download (sanitizeFilename); this refuses what can't be stored. */
const filenameParam = singleLine({ label: "File name", max: 255 }).optional();

function parseFilename(raw: string | undefined): string | undefined {
  const parsed = filenameParam.safeParse(raw);
  if (parsed.success) return parsed.data;
  const fieldErrors = { filename: parsed.error.issues.map((issue) => issue.message) };
  throw new ApiError(400, "BAD_REQUEST", fieldErrors.filename[0] ?? "Bad file name.", {
    fieldErrors,
  });
}

function parseLessonId(raw: string): string {
  const parsed = lessonIdParam.safeParse(raw);
  if (!parsed.success) throw new ApiError(400, "BAD_REQUEST", "Malformed lesson id.");
  return parsed.data;
}

/**
 * RFC 6266: an ASCII fallback name for old clients and the exact name, percent-encoded as
 * UTF-8 (RFC 8187), for everyone else.
 */
export function contentDisposition(type: "inline" | "attachment", filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\%]/g, "_");
  const encoded = encodeURIComponent(filename).replace(
    /['()*!]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
