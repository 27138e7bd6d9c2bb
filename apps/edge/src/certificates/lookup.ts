import type { CertificateRecord } from "@lumen/credentials";
import type { Logger } from "../log";
import { type PhaseTimer, untimed } from "../timing";
import { type PostgresSource, PostgresUnavailableError, readRecordFromPostgres } from "./postgres";
import { readStoredRecord, storeRecord } from "./record-store";

export type RecordLookup =
  | { kind: "found"; record: CertificateRecord; source: "kv" | "postgres" }
  | { kind: "unknown" }
  | { kind: "unavailable" };

export interface RecordSources {
  kv: KVNamespace;
  /** Absent when DATABASE_URL is not set: then KV is the only source. */
  postgres?: PostgresSource | undefined;
  waitUntil: (promise: Promise<unknown>) => void;
  log: Logger;
  /** The request's Server-Timing: KV and Postgres waits are reported as phases. */
  timing?: PhaseTimer;
}

/**
 * Finds a certificate record at the edge: KV first (what the API's job runner published), then
 * Postgres through the Neon driver, whose answer is written back into KV for the next reader.
 * The origin API is never asked, so verification keeps working while it is down.
 */
export async function lookupRecord(sources: RecordSources, id: string): Promise<RecordLookup> {
  const timing = sources.timing ?? untimed;
  const stored = await timing.measure("kv", () => readStoredRecord(sources.kv, id, sources.log));
  if (stored.kind === "found") return { kind: "found", record: stored.record, source: "kv" };
  if (!sources.postgres) return { kind: stored.kind === "absent" ? "unknown" : "unavailable" };
  try {
    const { postgres } = sources;
    const record = await timing.measure("postgres", () =>
      readRecordFromPostgres(postgres, id, sources.waitUntil),
    );
    if (!record) return { kind: "unknown" };
    sources.waitUntil(fillKv(sources, record));
    return { kind: "found", record, source: "postgres" };
  } catch (error) {
    if (!(error instanceof PostgresUnavailableError)) throw error;
    sources.log.error("certificate fallback failed", { err: error.message });
    return { kind: "unavailable" };
  }
}

/** A failed fill costs the next reader another Postgres query, nothing more. */
async function fillKv({ kv, log }: RecordSources, record: CertificateRecord) {
  try {
    await storeRecord(kv, record);
  } catch (error) {
    log.warn("certificate KV fill failed", { err: error });
  }
}
