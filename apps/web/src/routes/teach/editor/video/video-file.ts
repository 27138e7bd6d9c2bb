import { t } from "@lingui/core/macro";
import { formatBytes } from "../../../../lib/transfer-rate";

/** The default upload cap (VIDEO_MAX_BYTES); the API enforces its own configured value. */
export const VIDEO_MAX_BYTES = 5 * 1024 ** 3;

export type VideoFileCheck = { ok: false; error: string } | { ok: true; warning: string | null };

/**
 * A quick look before uploading gigabytes: empty and oversized files are refused at once;
 * an unexpected type is only a warning, because the server decides by the file's content.
 */
export function checkVideoFile(
  file: { name: string; size: number; type: string },
  maxBytes = VIDEO_MAX_BYTES,
): VideoFileCheck {
  if (file.size === 0) return { ok: false, error: t`That file is empty.` };
  if (file.size > maxBytes) {
    const size = formatBytes(file.size);
    const max = formatBytes(maxBytes);
    return { ok: false, error: t`That file is ${size}; videos can be at most ${max}.` };
  }
  if (file.type && !file.type.startsWith("video/")) {
    const { name, type } = file;
    return {
      ok: true,
      warning: t`“${name}” does not look like a video (${type}). It will be checked after uploading.`,
    };
  }
  return { ok: true, warning: null };
}

/** What is remembered about an unfinished upload, so a reload can pick it up again. */
export interface PendingUpload {
  assetId: string;
  filename: string;
  size: number;
  lastModified: number;
  /** Bytes the edge had confirmed when last seen: "paused at 42 %". */
  uploadedBytes: number;
}

type KeyValueStore = Pick<Storage, "getItem" | "setItem" | "removeItem">;

const key = (lessonId: string) => `lumen:video-upload:${lessonId}`;

export function readPendingUpload(store: KeyValueStore, lessonId: string): PendingUpload | null {
  let value: unknown;
  try {
    value = JSON.parse(store.getItem(key(lessonId)) ?? "null");
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const get = (k: string): unknown => Reflect.get(value, k);
  const assetId = get("assetId");
  const filename = get("filename");
  const numbers = ["size", "lastModified", "uploadedBytes"].map(get);
  if (typeof assetId !== "string" || typeof filename !== "string") return null;
  if (!numbers.every((n) => typeof n === "number" && Number.isFinite(n) && n >= 0)) return null;
  const [size, lastModified, uploadedBytes] = numbers as [number, number, number];
  return { assetId, filename, size, lastModified, uploadedBytes: Math.min(uploadedBytes, size) };
}

export function writePendingUpload(store: KeyValueStore, lessonId: string, upload: PendingUpload) {
  try {
    store.setItem(key(lessonId), JSON.stringify(upload));
  } catch {
    // Storage full or disabled: the upload still runs, it just can't be resumed after a reload.
  }
}

export function clearPendingUpload(store: KeyValueStore, lessonId: string) {
  try {
    store.removeItem(key(lessonId));
  } catch {}
}

/** The same file as before, as far as a browser can tell without reading it. */
export function isSameFile(
  pending: PendingUpload,
  file: { name: string; size: number; lastModified: number },
): boolean {
  return (
    pending.filename === file.name &&
    pending.size === file.size &&
    pending.lastModified === file.lastModified
  );
}
