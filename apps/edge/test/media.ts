import { env, exports } from "cloudflare:workers";
import {
  hlsKey,
  type MediaKey,
  type MediaTokenPurpose,
  parseKeyRing,
  signMediaToken,
} from "@lumen/media-tokens";

/** The key the API signs with in development (the repo-root .dev.vars ring). */
export function devKey(): MediaKey {
  const key = parseKeyRing(env.MEDIA_KEYS).get("dev1");
  if (!key) throw new Error("the dev ring in .dev.vars has no dev1 key");
  return key;
}

/** A key the edge does not hold. */
export const foreignKey: MediaKey = { id: "other", secret: "x".repeat(40) };

/**
 * A fresh asset id per test: R2 and the cache persist across the pool run, so tests never
 * share objects or cache entries.
 */
export const newAssetId = () => crypto.randomUUID();

export async function mediaToken(
  purpose: MediaTokenPurpose,
  assetId: string,
  options: { bytes?: number; expiresIn?: number; key?: MediaKey } = {},
): Promise<string> {
  const expiresAt = Math.floor(Date.now() / 1000) + (options.expiresIn ?? 600);
  return signMediaToken(
    { purpose, assetId, expiresAt, bytes: options.bytes ?? 0 },
    options.key ?? devKey(),
  );
}

/** Stores `body` at `videos/<assetId>/hls/<path>` the way the job runner would. */
export async function putHls(assetId: string, path: string, body: string | Uint8Array) {
  await env.MEDIA.put(hlsKey(assetId, path), body);
}

/** `length` deterministic bytes that differ per `seed`, so mixed-up bytes are caught. */
export function bytesOf(length: number, seed = 0): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 31 + seed * 7 + (i >> 8)) & 0xff;
  return bytes;
}

export async function sha256(data: ArrayBuffer | Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", data);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Every key under `videos/<assetId>/`, relative to it. */
export async function storedPaths(assetId: string): Promise<string[]> {
  const prefix = `videos/${assetId}/`;
  const listed = await env.MEDIA.list({ prefix });
  return listed.objects.map((o) => o.key.slice(prefix.length)).sort();
}

/** A body as text without workerd's warning about calling .text() on video content types. */
export async function textOf(res: Response): Promise<string> {
  return new TextDecoder().decode(await res.arrayBuffer());
}

/**
 * Calls the Worker through its real entry point (`exports.default`): the runtime frames the
 * request as HTTP, so a body of known length arrives with a Content-Length, as it does from a
 * browser's `fetch(url, { body: blob })` or from Node. The first call in a file starts that
 * entry point (seconds), so files warm it up in `beforeAll`.
 */
export function viaEntry(path: string, init?: RequestInit): Promise<Response> {
  return exports.default.fetch(`http://edge.test${path}`, init);
}

export async function warmEntry(): Promise<void> {
  await (await viaEntry("/healthz")).arrayBuffer();
}
