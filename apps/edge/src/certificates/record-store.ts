import { type CertificateRecord, certificateRecordSchema, isWithdrawn } from "@lumen/credentials";
import type { Logger } from "../log";

export const certificateKvKey = (id: string) => `cert:${id}`;

/**
 * How long a data centre may serve a KV read from its own copy. 30 s is KV's minimum (omitting
 * it means 60 s): with the 20 s verdict cache this keeps a revocation published in another data
 * centre visible within about a minute (plus KV's propagation, usually seconds).
 */
export const KV_READ_CACHE_TTL_SECONDS = 30;

export type StoredRecord =
  | { kind: "found"; record: CertificateRecord }
  | { kind: "absent" }
  /** KV could not be read: absence is unknown, so without Postgres the answer is 503. */
  | { kind: "unreadable" };

export async function readStoredRecord(
  kv: KVNamespace,
  id: string,
  log: Pick<Logger, "warn">,
): Promise<StoredRecord> {
  let raw: unknown;
  try {
    raw = await kv.get(certificateKvKey(id), {
      type: "json",
      cacheTtl: KV_READ_CACHE_TTL_SECONDS,
    });
  } catch (error) {
    log.warn("certificate KV read failed", { certificateId: id, err: error });
    return { kind: "unreadable" };
  }
  if (raw === null) return { kind: "absent" };
  const parsed = certificateRecordSchema.safeParse(raw);
  // A value that is not a record (another deploy's format, a hand edit) is treated as a miss.
  if (!parsed.success || parsed.data.id !== id) {
    const err = parsed.error ?? "id mismatch";
    log.warn("certificate KV value is not a record", { certificateId: id, err });
    return { kind: "absent" };
  }
  return { kind: "found", record: parsed.data };
}

/**
 * Stores `record` under its id. Revocation is final: a record without one never replaces a
 * revoked record, so a publish that lost a race (or a Postgres fill that read just before the
 * revocation) cannot bring a revoked certificate back. A withdrawal is final too: nothing
 * replaces it, so the holder's name can never come back. Returns what is now stored.
 */
export async function storeRecord(
  kv: KVNamespace,
  record: CertificateRecord,
): Promise<CertificateRecord> {
  const stored = await kv
    .get(certificateKvKey(record.id), "json")
    .then((raw) => certificateRecordSchema.safeParse(raw).data);
  if (stored && isWithdrawn(stored)) return stored;
  const next =
    stored?.revokedAt && !isWithdrawn(record) && record.revokedAt === null
      ? { ...record, revokedAt: stored.revokedAt, revokedReason: stored.revokedReason }
      : record;
  await kv.put(certificateKvKey(record.id), JSON.stringify(next));
  return next;
}
