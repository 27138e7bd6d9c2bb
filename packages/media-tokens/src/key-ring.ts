/**
 * Media signing keys. The API signs with one key (its id travels in every token); the edge
 * verifies with every key it still holds, so a new key can start signing while tokens signed
 * with the old one keep working until they expire and the old key is retired.
 *
 * Configured as `kid:secret[,kid:secret…]` — the same string format in the API's env and the
 * Worker's secret, so an operator pastes one value into both.
 */
export interface MediaKey {
  id: string;
  secret: string;
}

export type KeyRing = ReadonlyMap<string, MediaKey>;

const KEY_ID = /^[a-z0-9][a-z0-9-]{0,15}$/;
export const MEDIA_KEY_MIN_SECRET_LENGTH = 32;

export class KeyRingError extends Error {
  override name = "KeyRingError";
}

export function isKeyId(value: string): boolean {
  return KEY_ID.test(value);
}

/** Parses `kid:secret,…`; throws a KeyRingError that never repeats a secret. */
export function parseKeyRing(spec: string): KeyRing {
  const ring = new Map<string, MediaKey>();
  for (const entry of spec.split(",").map((s) => s.trim())) {
    if (entry === "") continue;
    const colon = entry.indexOf(":");
    const id = colon === -1 ? "" : entry.slice(0, colon);
    const secret = colon === -1 ? "" : entry.slice(colon + 1);
    if (!isKeyId(id)) {
      throw new KeyRingError(
        `key id "${id.slice(0, 20)}" must be 1–16 characters of a–z, 0–9 and "-" (format kid:secret)`,
      );
    }
    if (secret.length < MEDIA_KEY_MIN_SECRET_LENGTH) {
      throw new KeyRingError(
        `key "${id}" needs a secret of at least ${MEDIA_KEY_MIN_SECRET_LENGTH} characters`,
      );
    }
    if (ring.has(id)) throw new KeyRingError(`key "${id}" is listed twice`);
    ring.set(id, { id, secret });
  }
  if (ring.size === 0) throw new KeyRingError("at least one key (kid:secret) is required");
  return ring;
}
