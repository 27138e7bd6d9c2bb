import { type StatusListRecord, statusListRecordSchema } from "@lumen/credentials";
import { z } from "zod";
import type { RecordSources } from "./lookup";
import { PostgresUnavailableError, queryOneRow } from "./postgres";
import { KV_READ_CACHE_TTL_SECONDS } from "./record-store";

export const statusListKvKey = (list: number) => `status-list:${list}`;

export type StatusListLookup =
  | { kind: "found"; record: StatusListRecord }
  | { kind: "unknown" }
  | { kind: "unavailable" };

async function readKv(kv: KVNamespace, list: number): Promise<StatusListRecord | null> {
  const raw = await kv.get(statusListKvKey(list), {
    type: "json",
    cacheTtl: KV_READ_CACHE_TTL_SECONDS,
  });
  const parsed = statusListRecordSchema.safeParse(raw);
  return parsed.success && parsed.data.list === list ? parsed.data : null;
}

/**
 * Stores a signed list unless KV already holds this list at the same or a higher version, so a
 * publish that arrives late (or a Postgres fill that read before a revocation) never replaces a
 * newer list with an older one. Returns what is stored now.
 */
export async function storeStatusList(
  kv: KVNamespace,
  record: StatusListRecord,
): Promise<StatusListRecord> {
  const key = statusListKvKey(record.list);
  const stored = statusListRecordSchema.safeParse(await kv.get(key, "json")).data;
  if (stored && stored.version >= record.version) return stored;
  await kv.put(key, JSON.stringify(record));
  return record;
}

const rowSchema = z.object({
  signed_version: z.coerce.number().int(),
  credential: z.string(),
});
const QUERY =
  "select signed_version, credential from certificate_status_lists where id = $1 and credential is not null";

/**
 * A status list from KV, else from Postgres (the list as the job runner last signed it), which
 * is then written back to KV. Like certificate records, never from the origin API.
 */
export async function lookupStatusList(
  sources: RecordSources,
  list: number,
): Promise<StatusListLookup> {
  let kvFailed = false;
  try {
    const stored = await readKv(sources.kv, list);
    if (stored) return { kind: "found", record: stored };
  } catch (error) {
    kvFailed = true;
    sources.log.warn("status list KV read failed", { list, err: error });
  }
  if (!sources.postgres) return { kind: kvFailed ? "unavailable" : "unknown" };
  try {
    const row = await queryOneRow(sources.postgres, QUERY, [list], sources.waitUntil);
    if (row === undefined) return { kind: "unknown" };
    const { signed_version, credential } = rowSchema.parse(row);
    const record = { list, version: signed_version, credential };
    sources.waitUntil(
      storeStatusList(sources.kv, record).catch((err) =>
        sources.log.warn("status list KV fill failed", { list, err }),
      ),
    );
    return { kind: "found", record };
  } catch (error) {
    if (!(error instanceof PostgresUnavailableError)) throw error;
    sources.log.warn("status list fallback failed", { list, err: error });
    return { kind: "unavailable" };
  }
}
