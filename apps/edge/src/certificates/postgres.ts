import { type CertificateRecord, certificateRecordSchema } from "@lumen/credentials";
import { Client } from "@neondatabase/serverless";
import { z } from "zod";

export interface PostgresSource {
  /** DATABASE_URL: the Neon (or any Postgres) connection string. */
  url: string;
  /** NEON_WS_PROXY (development): `host:port` of tools/neon-ws-proxy. */
  wsProxy?: string | undefined;
}

/** Postgres could not be reached or did not answer in time; the lookup reports 503. */
export class PostgresUnavailableError extends Error {
  override name = "PostgresUnavailableError";
}

/** Long enough for a cold Neon compute to wake (~1 s), short enough that a 503 comes quickly. */
export const POSTGRES_TIMEOUT_MS = 5_000;

const rowSchema = z.object({
  id: z.string(),
  credential: z.string().nullable(),
  revoked_at: z.union([z.date(), z.string()]).nullable(),
  revoked_reason: z.string().nullable(),
  withdrawn_at: z.union([z.date(), z.string()]).nullable(),
});

const QUERY =
  "select id, credential, revoked_at, revoked_reason, withdrawn_at from certificates where id = $1";

/** Reads one certificate; null when there is no row. */
export async function readRecordFromPostgres(
  source: PostgresSource,
  id: string,
  waitUntil: (promise: Promise<unknown>) => void,
): Promise<CertificateRecord | null> {
  const row = await queryOneRow(source, QUERY, [id], waitUntil);
  // A row that is not a record is a bug upstream, not an outage: it surfaces as a 500.
  return row === undefined ? null : recordOf(rowSchema.parse(row));
}

/**
 * Runs one query through the Neon serverless driver (Postgres over a WebSocket; Workers have no
 * raw TCP to Postgres without it) and returns its first row. One client per call: a Worker may
 * not share I/O objects between requests, and these paths only run on a KV miss.
 */
export async function queryOneRow(
  source: PostgresSource,
  query: string,
  params: unknown[],
  waitUntil: (promise: Promise<unknown>) => void,
): Promise<unknown> {
  const client = new Client({ connectionString: source.url });
  if (source.wsProxy) {
    // Same settings as packages/db/src/client.ts: a plain Postgres behind a local, unencrypted proxy.
    const proxy = source.wsProxy.replace(/^ws:\/\//, "");
    client.neonConfig.wsProxy = (host, port) => `${proxy}/v1?address=${host}:${port}`;
    client.neonConfig.useSecureWebSocket = false;
    client.neonConfig.pipelineTLS = false;
    client.neonConfig.pipelineConnect = false;
  }
  // An unreachable database reports through the client's "error" event as well as the promise.
  client.on("error", () => {});
  let timer: ReturnType<typeof setTimeout> | null = null;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new PostgresUnavailableError("Postgres did not answer in time")),
      POSTGRES_TIMEOUT_MS,
    );
  });
  let connected = false;
  try {
    const result = (async () => {
      await client.connect();
      connected = true;
      return client.query(query, params);
    })();
    return (await Promise.race([result, timeout])).rows[0];
  } catch (error) {
    if (error instanceof PostgresUnavailableError) throw error;
    throw new PostgresUnavailableError(`certificate lookup failed: ${describe(error)}`);
  } finally {
    clearTimeout(timer);
    // end() never settles for a socket that failed to open; one still opening when the timeout
    // fired is dropped with the request by the runtime.
    if (connected) waitUntil(client.end().catch(() => {}));
  }
}

/** The driver rejects with an Error or, for a failed WebSocket, a bare ErrorEvent. */
function describe(error: unknown): string {
  if (typeof error === "object" && error !== null && "message" in error) {
    return String(error.message);
  }
  return String(error);
}

function recordOf(row: z.infer<typeof rowSchema>): CertificateRecord {
  if (row.withdrawn_at !== null) {
    return certificateRecordSchema.parse({
      id: row.id,
      withdrawnAt: new Date(row.withdrawn_at).toISOString(),
    });
  }
  const revokedAt = row.revoked_at === null ? null : new Date(row.revoked_at).toISOString();
  return certificateRecordSchema.parse({
    id: row.id,
    credential: row.credential,
    revokedAt,
    revokedReason: row.revoked_reason,
  });
}
