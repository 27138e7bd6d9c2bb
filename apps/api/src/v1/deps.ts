import type { RollupRequester } from "@lumen/core/analytics";
import type { ApiKeyPrincipal } from "@lumen/core/api-keys";
import type { SessionUser } from "@lumen/core/kernel";
import type { ProgressIngest } from "@lumen/core/progress";
import type { Database } from "@lumen/db";
import type { Outbox } from "@lumen/jobs";
import type { MediaContext } from "@lumen/media";
import type { SearchBackend } from "@lumen/search";
import type { Auth } from "../auth";

/** What the v1 routes call: the same services the tRPC context carries. */
export interface V1Deps {
  db: Database;
  auth: Auth;
  /** The app's memoized session lookup, shared with tRPC (default: sessionUser, unmemoized). */
  resolveSession?: (headers: Headers) => Promise<SessionUser | null>;
  /** API keys through a memo that revocations reach (createApiKeyResolver). */
  resolveKey?: (token: string) => Promise<ApiKeyPrincipal | null>;
  outbox: Outbox;
  search: SearchBackend;
  media: MediaContext;
  progress: ProgressIngest;
  analytics?: RollupRequester;
  /** Requests per minute per caller (API_RATE_LIMIT). */
  rateLimitPerMinute: number;
  /** Largest request body (MAX_BODY_BYTES). */
  maxBodyBytes: number;
  /** The SPA's origin: cookie-authenticated writes must come from it. */
  webOrigin: string;
  /** Where the edge's public routes are reached (certificate verification). */
  edgePublicUrl: string;
}
