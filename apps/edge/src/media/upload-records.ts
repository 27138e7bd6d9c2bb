import { assetPrefix } from "@lumen/media-tokens";
import { z } from "zod";

/**
 * Upload bookkeeping in the media bucket, beside the asset (ADR 0006). The R2 binding cannot
 * list a multipart upload's parts, so each stored part leaves a small record, and resuming
 * lists those. Each record also carries its fields as custom metadata, so one R2 list call
 * returns 1000 of them without reading any bodies.
 */
const sessionSchema = z.object({
  uploadId: z.string().min(1),
  bytes: z.number().int().positive(),
  partBytes: z.number().int().positive(),
  completed: z.boolean(),
});
export type UploadSession = z.infer<typeof sessionSchema>;

const partSchema = z.object({
  partNumber: z.coerce.number().int().positive(),
  etag: z.string().min(1),
  size: z.coerce.number().int().nonnegative(),
});
export type StoredPart = z.infer<typeof partSchema>;

const sessionKey = (assetId: string) => `${assetPrefix(assetId)}upload/session.json`;
const partsPrefix = (assetId: string) => `${assetPrefix(assetId)}upload/parts/`;
const partKey = (assetId: string, partNumber: number) =>
  `${partsPrefix(assetId)}${String(partNumber).padStart(5, "0")}.json`;
const JSON_TYPE = { contentType: "application/json" };

export async function readSession(bucket: R2Bucket, assetId: string) {
  const object = await bucket.get(sessionKey(assetId));
  return object ? sessionSchema.parse(await object.json()) : null;
}

/** Writes the session only if none exists; false when another request created one first. */
export async function createSession(bucket: R2Bucket, assetId: string, session: UploadSession) {
  const written = await bucket.put(sessionKey(assetId), JSON.stringify(session), {
    httpMetadata: JSON_TYPE,
    onlyIf: { etagDoesNotMatch: "*" },
  });
  return written !== null;
}

export async function writeSession(bucket: R2Bucket, assetId: string, session: UploadSession) {
  await bucket.put(sessionKey(assetId), JSON.stringify(session), { httpMetadata: JSON_TYPE });
}

/** Records a stored part; a re-sent part overwrites its record with the new ETag. */
export async function recordPart(bucket: R2Bucket, assetId: string, part: StoredPart) {
  await bucket.put(partKey(assetId, part.partNumber), JSON.stringify(part), {
    httpMetadata: JSON_TYPE,
    customMetadata: { etag: part.etag, size: String(part.size) },
  });
}

/** Every recorded part, ordered by part number. */
export async function listParts(bucket: R2Bucket, assetId: string): Promise<StoredPart[]> {
  const parts: StoredPart[] = [];
  for (const object of await listAll(bucket, partsPrefix(assetId), true)) {
    const partNumber = Number(/(\d+)\.json$/.exec(object.key)?.[1]);
    const fromMetadata = partSchema.safeParse({ partNumber, ...object.customMetadata });
    if (fromMetadata.success) {
      parts.push(fromMetadata.data);
      continue;
    }
    // A record without metadata (written by hand, say): its body holds the same fields.
    const body = await bucket.get(object.key);
    if (body) parts.push(partSchema.parse(await body.json()));
  }
  return parts.sort((a, b) => a.partNumber - b.partNumber);
}

export async function deletePartRecords(bucket: R2Bucket, assetId: string) {
  const keys = (await listAll(bucket, partsPrefix(assetId), false)).map((o) => o.key);
  for (let i = 0; i < keys.length; i += 1000) await bucket.delete(keys.slice(i, i + 1000));
}

export async function deleteSession(bucket: R2Bucket, assetId: string) {
  await bucket.delete(sessionKey(assetId));
}

/** All objects under `prefix`, across every page R2 returns. */
export async function listAll(
  bucket: R2Bucket,
  prefix: string,
  withMetadata: boolean,
): Promise<R2Object[]> {
  const objects: R2Object[] = [];
  let cursor: string | undefined;
  do {
    const page = await bucket.list({
      prefix,
      ...(cursor ? { cursor } : {}),
      ...(withMetadata ? { include: ["customMetadata" as const] } : {}),
    });
    objects.push(...page.objects);
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return objects;
}
