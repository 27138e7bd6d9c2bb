import type { ApiKeyScope } from "@lumen/core/api-keys";
import type { SessionUser } from "@lumen/core/kernel";
import type { Logger } from "../logger";

/**
 * Who is calling the public API: a personal API key (`Authorization: Bearer lmn_…`, with its
 * scope) or the SPA's session cookie (`keyId` null, full `write` scope).
 */
export interface Principal {
  user: SessionUser;
  scope: ApiKeyScope;
  keyId: string | null;
}

/** What every /api/v1 handler and middleware reads from the Hono context. */
export type V1Env = {
  Variables: { requestId: string; log: Logger; principal: Principal };
};
