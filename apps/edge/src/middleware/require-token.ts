import {
  type MediaTokenClaims,
  type MediaTokenPurpose,
  verifyMediaToken,
} from "@lumen/media-tokens";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../env";
import { errorBody } from "../errors";

/** What a client reads for every refused token: the reason goes to the log only. */
const REFUSAL_MESSAGES: Record<MediaTokenPurpose, string> = {
  play: "This playback link has expired or is not valid.",
  upload: "This upload link has expired or is not valid.",
  store: "This storage token has expired or is not valid.",
  document: "This storage token has expired or is not valid.",
  certificate: "This storage token has expired or is not valid.",
  attachment: "This storage token has expired or is not valid.",
  "attachment-upload": "This upload link has expired or is not valid.",
  "forum-image": "This storage token has expired or is not valid.",
  "forum-image-upload": "This upload link has expired or is not valid.",
  export: "This storage token has expired or is not valid.",
};

/** What a route behind requireToken reads: the verified claims as `c.var.claims`. */
export type TokenEnv = AppEnv & { Variables: { claims: MediaTokenClaims } };

/**
 * Guards a route whose `:token` path segment must be a media token granting `purpose` (or one
 * of `others`): the
 * claims go on the context, anything else is a 403 with the same body whatever the reason, so
 * a client learns nothing about why (the log says). The key ring was imported when the env was
 * parsed and media-tokens caches the imported HMAC keys, so a check is one MAC verification.
 */
export function requireToken(
  purpose: MediaTokenPurpose,
  ...others: MediaTokenPurpose[]
): MiddlewareHandler<TokenEnv> {
  const purposes = [purpose, ...others];
  return async (c, next) => {
    const token = c.req.param("token") ?? "";
    const result = await verifyMediaToken(token, { keys: c.env.mediaKeys, purpose: purposes });
    if (!result.ok) {
      c.var.log.warn("media token refused", { purpose, reason: result.reason });
      return forbidden(purpose);
    }
    c.set("claims", result.claims);
    await next();
  };
}

function forbidden(purpose: MediaTokenPurpose): Response {
  return Response.json(errorBody("forbidden", REFUSAL_MESSAGES[purpose]), {
    status: 403,
    headers: { "cache-control": "no-store" },
  });
}
