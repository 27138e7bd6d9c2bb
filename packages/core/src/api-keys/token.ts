import { createHash, randomBytes } from "node:crypto";

/** Every token starts with this, so secret scanners and people recognise a Lumen key. */
export const API_KEY_TOKEN_PREFIX = "lmn_";
/** Characters of the token kept as its public prefix (the marker and 8 more). */
const PREFIX_LENGTH = API_KEY_TOKEN_PREFIX.length + 8;
/** lmn_ + 43 base64url characters (32 random bytes). */
const TOKEN_PATTERN = /^lmn_[A-Za-z0-9_-]{43}$/;

/** A new token with 256 random bits. */
export function newApiKeyToken(): { token: string; prefix: string; secretHash: string } {
  const token = `${API_KEY_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, prefix: token.slice(0, PREFIX_LENGTH), secretHash: hashApiKeyToken(token) };
}

/** The stored form: a fast hash is enough for a 256-bit random secret (no dictionary). */
export function hashApiKeyToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** True when the text has a token's shape; anything else is refused before the database. */
export function looksLikeApiKeyToken(text: string): boolean {
  return TOKEN_PATTERN.test(text);
}
