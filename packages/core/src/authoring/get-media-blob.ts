import { type Database, mediaBlobs } from "@lumen/db";
import { eq } from "drizzle-orm";
import { NotFoundError, ValidationError } from "../kernel";
import { MEDIA_KEY_PATTERN } from "./media-key";

export interface MediaBlob {
  key: string;
  contentType: string;
  bytes: Buffer;
}

/** A stored blob by its content key. Keys are unguessable hashes, so blobs are public. */
export async function getMediaBlob({ db, key }: { db: Database; key: string }): Promise<MediaBlob> {
  if (!MEDIA_KEY_PATTERN.test(key)) {
    throw new ValidationError("A media key is 64 lowercase hex characters (a SHA-256).");
  }
  const [blob] = await db
    .select({ key: mediaBlobs.key, contentType: mediaBlobs.contentType, bytes: mediaBlobs.bytes })
    .from(mediaBlobs)
    .where(eq(mediaBlobs.key, key));
  if (!blob) throw new NotFoundError("No media with that key.");
  return blob;
}
