import type { KeyRing, MediaKey } from "./key-ring";
import { isKeyId } from "./key-ring";
import type { FilePurpose } from "./layout";

/**
 * Media tokens: short, URL-path-safe capabilities for one video asset, signed with
 * HMAC-SHA256 through WebCrypto so the same code runs in Node (API, job runner) and workerd
 * (edge). HMAC rather than a signature scheme because only our own services mint and check
 * them, and verification must stay in single-digit microseconds per request.
 *
 *   m1.<kid>.<purpose>.<asset>.<exp>.<bytes>.<mac>
 *
 * asset = the UUID without dashes; exp = Unix seconds, base 36; bytes = the exact upload size
 * in base 36 ("0" unless purpose is upload or a single-PUT upload); mac = base64url HMAC over everything before it.
 * Only [A-Za-z0-9._-] appear, so the token sits in a path segment and relative URIs in HLS
 * playlists carry it without rewriting.
 */
/**
 * play: a video asset's `hls/`; upload: its source; store: everything under `videos/<id>/`;
 * document, certificate, attachment: the one stored file of that purpose and id (see
 * layout.ts), for the API's storage routes; attachment-upload: a browser's single PUT of an
 * attachment's bytes, exactly `bytes` long, into `attachments/<id>` while nothing is there yet.
 * The browser's token is a purpose of its own (as `upload` is beside `store` for video), so
 * it can neither read, replace nor delete the file once stored. forum-image (the API's) and
 * forum-image-upload (the browser's) are the same pair for `forum-images/<id>`.
 */
export type MediaTokenPurpose =
  | "play"
  | "upload"
  | "store"
  | FilePurpose
  | "attachment-upload"
  | "forum-image-upload";

export interface MediaTokenClaims {
  purpose: MediaTokenPurpose;
  /** The video asset, or for a file token (document, certificate, attachment) the file's id. */
  assetId: string;
  /** Unix time in seconds after which the token is refused. */
  expiresAt: number;
  /** Upload and single-PUT upload tokens: the exact byte size the upload must have. 0 otherwise. */
  bytes: number;
}

export type MediaTokenFailure =
  | "malformed"
  | "unknown_key"
  | "bad_signature"
  | "expired"
  | "wrong_purpose"
  | "wrong_asset";

export type MediaTokenResult =
  | { ok: true; claims: MediaTokenClaims; keyId: string }
  | { ok: false; reason: MediaTokenFailure };

const VERSION = "m1";
const PURPOSE_CODE: Record<MediaTokenPurpose, string> = {
  play: "p",
  upload: "u",
  store: "s",
  document: "d",
  certificate: "c",
  attachment: "a",
  "attachment-upload": "f",
  "forum-image": "i",
  "forum-image-upload": "g",
  export: "x",
};
const PURPOSE_BY_CODE: Record<string, MediaTokenPurpose> = {
  p: "play",
  u: "upload",
  s: "store",
  d: "document",
  c: "certificate",
  a: "attachment",
  x: "export",
  f: "attachment-upload",
  i: "forum-image",
  g: "forum-image-upload",
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TOKEN =
  /^m1\.([a-z0-9][a-z0-9-]{0,15})\.([pusdcafigx])\.([0-9a-f]{32})\.([0-9a-z]{1,10})\.([0-9a-z]{1,12})\.([A-Za-z0-9_-]{43})$/;

const encoder = new TextEncoder();
// Named by inference: the API's Node typings and the Worker's typings spell CryptoKey differently.
type HmacKey = ReturnType<typeof importHmacKey>;
const cryptoKeys = new Map<string, HmacKey>();

function importHmacKey(secret: string) {
  return crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign", "verify"],
  );
}

function hmacKey(secret: string): HmacKey {
  let key = cryptoKeys.get(secret);
  if (!key) {
    key = importHmacKey(secret);
    cryptoKeys.set(secret, key);
  }
  return key;
}

function toBase64Url(bytes: ArrayBuffer): string {
  let binary = "";
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export async function signMediaToken(claims: MediaTokenClaims, key: MediaKey): Promise<string> {
  if (!isKeyId(key.id)) throw new Error(`invalid key id "${key.id}"`);
  if (!UUID.test(claims.assetId)) throw new Error("assetId must be a lowercase UUID");
  if (!Number.isSafeInteger(claims.expiresAt) || claims.expiresAt <= 0) {
    throw new Error("expiresAt must be a positive integer (Unix seconds)");
  }
  if (!Number.isSafeInteger(claims.bytes) || claims.bytes < 0) {
    throw new Error("bytes must be a non-negative integer");
  }
  const body = [
    VERSION,
    key.id,
    PURPOSE_CODE[claims.purpose],
    claims.assetId.replaceAll("-", ""),
    claims.expiresAt.toString(36),
    claims.bytes.toString(36),
  ].join(".");
  const mac = await crypto.subtle.sign("HMAC", await hmacKey(key.secret), encoder.encode(body));
  return `${body}.${toBase64Url(mac)}`;
}

export interface VerifyOptions {
  keys: KeyRing;
  /** The purpose the token must have, or the purposes any one of which it may have. */
  purpose: MediaTokenPurpose | readonly MediaTokenPurpose[];
  /** When given, the token must be for this asset. */
  assetId?: string;
  /** Unix seconds; defaults to the clock. */
  now?: number;
}

/**
 * Checks a token: shape, key id, MAC (WebCrypto's verify compares in constant time), then
 * expiry, purpose and asset. Every failure is just a reason code: callers answer 403 for all
 * of them and reveal nothing else.
 */
export async function verifyMediaToken(
  token: string,
  { keys, purpose, assetId, now = Math.floor(Date.now() / 1000) }: VerifyOptions,
): Promise<MediaTokenResult> {
  const match = TOKEN.exec(token);
  if (!match) return { ok: false, reason: "malformed" };
  const [, kid = "", code = "", asset = "", exp = "", bytes = "", mac = ""] = match;
  const key = keys.get(kid);
  if (!key) return { ok: false, reason: "unknown_key" };
  const body = token.slice(0, token.length - mac.length - 1);
  const valid = await crypto.subtle.verify(
    "HMAC",
    await hmacKey(key.secret),
    fromBase64Url(mac),
    encoder.encode(body),
  );
  if (!valid) return { ok: false, reason: "bad_signature" };
  const claims: MediaTokenClaims = {
    purpose: PURPOSE_BY_CODE[code] ?? "play",
    assetId: `${asset.slice(0, 8)}-${asset.slice(8, 12)}-${asset.slice(12, 16)}-${asset.slice(16, 20)}-${asset.slice(20)}`,
    expiresAt: Number.parseInt(exp, 36),
    bytes: Number.parseInt(bytes, 36),
  };
  if (claims.expiresAt <= now) return { ok: false, reason: "expired" };
  const allowed: readonly MediaTokenPurpose[] = typeof purpose === "string" ? [purpose] : purpose;
  if (!allowed.includes(claims.purpose)) return { ok: false, reason: "wrong_purpose" };
  if (assetId !== undefined && claims.assetId !== assetId)
    return { ok: false, reason: "wrong_asset" };
  return { ok: true, claims, keyId: kid };
}
