import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/**
 * How long a signed download link works: a day, and never past the archive's own expiry
 * (ADR 0027, "Data export download links"). Long enough to open the email on another device
 * the same day; short enough that a forwarded or logged link soon stops working.
 */
export const EXPORT_LINK_TTL_MS = 24 * 60 * 60 * 1000;

/** The query a signed link carries: when it stops working (Unix seconds) and its HMAC. */
export const exportLinkQuery = z.object({
  expires: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 40),
  signature: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});
export type ExportLinkQuery = z.infer<typeof exportLinkQuery>;

export const downloadPathOf = (exportId: string) => `/api/privacy/exports/${exportId}/download`;

/** HMAC-SHA256 over the export, its owner and the expiry, domain-separated from other tokens. */
function mac(secret: string, exportId: string, userId: string, expires: number) {
  return createHmac("sha256", secret)
    .update(`lumen-export-download:${exportId}:${userId}:${expires}`)
    .digest("base64url");
}

export interface SignedExportLink {
  /** The download path with its query; prefix the API's public origin for an absolute URL. */
  path: string;
  expiresAt: Date;
}

/** A link that downloads this export without a session until `expiresAt`. */
export function signExportLink({
  secret,
  exportId,
  userId,
  archiveExpiresAt,
  now = new Date(),
}: {
  secret: string;
  exportId: string;
  userId: string;
  archiveExpiresAt: Date;
  now?: Date;
}): SignedExportLink {
  const until = Math.min(now.getTime() + EXPORT_LINK_TTL_MS, archiveExpiresAt.getTime());
  const expires = Math.floor(until / 1000);
  const query = new URLSearchParams({
    expires: String(expires),
    signature: mac(secret, exportId, userId, expires),
  });
  return { path: `${downloadPathOf(exportId)}?${query}`, expiresAt: new Date(expires * 1000) };
}

/** Whether a link's signature is this export's and owner's, compared in constant time. */
export function isExportLinkSigned(
  secret: string,
  row: { id: string; userId: string },
  link: ExportLinkQuery,
): boolean {
  const expected = Buffer.from(mac(secret, row.id, row.userId, link.expires));
  const given = Buffer.from(link.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
