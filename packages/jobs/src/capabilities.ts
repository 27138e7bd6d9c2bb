import { randomUUID } from "node:crypto";
import { type Database, runnerCapabilities } from "@lumen/db";
import { and, desc, eq, gte, lt, type SQL, sql } from "drizzle-orm";

/** The capability of processing video (a working FFmpeg): runners report it, editors read it. */
export const VIDEO_PROCESSING = "video";
/** The capability of grading code (a working gVisor sandbox): runners report it, the exercise pages read it. */
export const GRADING = "grading";

/** How often a runner refreshes its rows. */
export const CAPABILITY_HEARTBEAT_MS = 15_000;
/**
 * A row older than this is a runner that died without saying goodbye (`kill -9`, a lost
 * machine): three missed heartbeats, so a slow database or a busy event loop is not a death.
 */
export const CAPABILITY_STALE_MS = 3 * CAPABILITY_HEARTBEAT_MS + 5_000;
/** Rows this stale are deleted by any live runner, so dead runners do not pile up. */
const FORGET_AFTER_MS = 24 * 60 * 60_000;

export interface CapabilityReport {
  capability: string;
  available: boolean;
  /** Required when not available: readable by an instructor, without paths. */
  reason: string | null;
  detail?: unknown;
}

export interface CapabilityHeartbeat {
  runnerId: string;
  /** Deletes this runner's rows, so a runner shut down cleanly stops counting at once. */
  stop(): Promise<void>;
}

// The database's clock, not this process's: runners on several machines share the rows.
const ago = (ms: number): SQL => sql`now() - make_interval(secs => ${ms / 1000})`;

async function upsert(db: Database, runnerId: string, report: CapabilityReport) {
  await db
    .insert(runnerCapabilities)
    .values({
      runnerId,
      capability: report.capability,
      available: report.available,
      reason: report.available ? null : report.reason,
      detail: report.detail ?? null,
    })
    .onConflictDoUpdate({
      target: [runnerCapabilities.runnerId, runnerCapabilities.capability],
      set: {
        available: report.available,
        reason: report.available ? null : report.reason,
        heartbeatAt: sql`now()`,
      },
    });
}

/**
 * Writes what this runner can do and keeps it fresh until `stop()`. A failed heartbeat is only
 * logged (the next one retries): the database being briefly away must not stop the runner.
 */
export async function startCapabilityHeartbeat({
  db,
  reports,
  intervalMs = CAPABILITY_HEARTBEAT_MS,
  onError,
}: {
  db: Database;
  reports: readonly CapabilityReport[];
  intervalMs?: number;
  onError?: (error: unknown) => void;
}): Promise<CapabilityHeartbeat> {
  const runnerId = randomUUID();
  const beat = async () => {
    for (const report of reports) await upsert(db, runnerId, report);
    await db
      .delete(runnerCapabilities)
      .where(lt(runnerCapabilities.heartbeatAt, ago(FORGET_AFTER_MS)));
  };
  await beat();
  let running: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    running = beat().catch((error: unknown) => onError?.(error));
  }, intervalMs);
  timer.unref();
  return {
    runnerId,
    stop: async () => {
      clearInterval(timer);
      await running;
      await db.delete(runnerCapabilities).where(eq(runnerCapabilities.runnerId, runnerId));
    },
  };
}

/**
 * Why a capability is unavailable right now, or null. Null both when a live runner offers it
 * and when no live runner reports on it at all (nothing is known to be wrong: jobs simply wait
 * for a runner); a reason only when every live runner that reports on it cannot do it.
 */
export async function capabilityUnavailableReason(
  db: Database,
  capability: string,
): Promise<string | null> {
  const fresh = and(
    eq(runnerCapabilities.capability, capability),
    gte(runnerCapabilities.heartbeatAt, ago(CAPABILITY_STALE_MS)),
  );
  const rows = await db
    .select({ available: runnerCapabilities.available, reason: runnerCapabilities.reason })
    .from(runnerCapabilities)
    .where(fresh)
    .orderBy(desc(runnerCapabilities.available), desc(runnerCapabilities.startedAt))
    .limit(1);
  const [best] = rows;
  if (!best || best.available) return null;
  return best.reason;
}
