import type { CertificateRecord } from "@lumen/credentials";
import { storeRecord } from "./record-store";
import type { CertificateStatus } from "./types";
import { type IssuerTrust, verificationOf } from "./verdict";
import { purgeCachedCheck, verdictCacheKey } from "./verdict-cache";

export interface ReceiveContext {
  kv: KVNamespace;
  cache: Cache;
  origin: string;
  trust: IssuerTrust;
}

/**
 * Stores what the API's job runner sends on issue and on revocation, then drops this data
 * centre's cached verdict so the change shows here at once (elsewhere within the verdict TTL).
 * Returns the status the stored record now verifies to, so the job can log a key mismatch
 * (every credential "invalid") the moment it publishes rather than when an employer looks.
 */
export async function receiveCertificate(
  ctx: ReceiveContext,
  record: CertificateRecord,
): Promise<{ id: string; status: CertificateStatus }> {
  const stored = await storeRecord(ctx.kv, record);
  await purgeCachedCheck(ctx.cache, verdictCacheKey(ctx.origin, record.id));
  const verification = await verificationOf(stored, ctx.trust, new Date().toISOString());
  return { id: stored.id, status: verification.status };
}
