import {
  type MediaTokenClaims,
  type MediaTokenPurpose,
  verifyMediaToken,
} from "@lumen/media-tokens";
import type { Env } from "../env";
import { errorBody } from "../errors";

/** What a client reads for every refused token: the reason goes to the log only. */
const REFUSAL_MESSAGES: Record<MediaTokenPurpose, string> = {
  play: "This playback link has expired or is not valid.",
  upload: "This upload link has expired or is not valid.",
  store: "This storage token has expired or is not valid.",
};

/**
 * The token's claims when it grants `purpose`, else null (after logging why as one JSON line).
 * The key ring was imported when the env was parsed and media-tokens caches the imported HMAC
 * keys, so a check is one MAC verification and no parsing beyond the token itself.
 */
export async function mediaClaims(
  env: Env,
  token: string,
  purpose: MediaTokenPurpose,
): Promise<MediaTokenClaims | null> {
  const result = await verifyMediaToken(token, { keys: env.mediaKeys, purpose });
  if (result.ok) return result.claims;
  console.warn(
    JSON.stringify({ level: "warn", msg: "media token refused", purpose, reason: result.reason }),
  );
  return null;
}

/** 403 with the same body for every reason, so a client learns nothing about why. */
export function forbidden(purpose: MediaTokenPurpose): Response {
  return Response.json(errorBody("forbidden", REFUSAL_MESSAGES[purpose]), {
    status: 403,
    headers: { "cache-control": "no-store" },
  });
}
