import { untimed } from "../timing";
import { lookupRecord, type RecordSources } from "./lookup";
import { revokedInStatusList } from "./status-list-bits";
import type { CacheStatus, CertificateCheck } from "./types";
import { type IssuerTrust, verificationOf } from "./verdict";
import {
  readCachedCheck,
  VERDICT_TTL_MS,
  verdictCacheKey,
  writeCachedCheck,
} from "./verdict-cache";

export interface CheckContext extends RecordSources {
  trust: IssuerTrust;
  cache: Cache;
  /** The request's origin, for the cache key. */
  origin: string;
  now?: () => number;
  ttlMs?: number;
}

/**
 * Verifies certificate `id` (a UUID, checked by the caller): a fresh cached verdict, else the
 * record from KV or Postgres checked against the issuer's keys. Verdicts and "unknown" are
 * cached briefly; "unavailable" is not, so the next request tries again.
 */
export async function checkCertificate(
  ctx: CheckContext,
  id: string,
): Promise<{ check: CertificateCheck; cache: CacheStatus }> {
  const now = ctx.now ?? Date.now;
  const key = verdictCacheKey(ctx.origin, id);
  const timing = ctx.timing ?? untimed;
  const cached = await timing
    .measure("cache", () => readCachedCheck(ctx.cache, key, now()))
    .catch(() => null);
  if (cached) return { check: cached, cache: "HIT" };

  const checkedAt = new Date(now()).toISOString();
  const found = await lookupRecord(ctx, id);
  if (found.kind === "unavailable")
    return { check: { kind: "unavailable", id, checkedAt }, cache: "MISS" };
  const check =
    found.kind === "unknown"
      ? ({ kind: "unknown", id, checkedAt } as const)
      : ({
          kind: "verified",
          verification: await verificationOf(found.record, ctx.trust, checkedAt, (entry) =>
            revokedInStatusList(ctx, ctx.trust, entry),
          ),
        } as const);
  ctx.waitUntil(
    writeCachedCheck(ctx.cache, key, check, now(), ctx.ttlMs ?? VERDICT_TTL_MS).catch((error) =>
      ctx.log.warn("verdict cache write failed", { err: error }),
    ),
  );
  return { check, cache: "MISS" };
}
