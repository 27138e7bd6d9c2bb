import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from "drizzle-orm/pg-core";

/**
 * What each running job-runner process can do, per capability (e.g. "video": its FFmpeg passed
 * the start-up self-test). Every runner writes its own rows at start-up and refreshes
 * `heartbeatAt` while it lives; a row whose heartbeat is old belongs to a runner that died and
 * counts for nothing. Readers (the lesson editor) say a capability is unavailable only while
 * no fresh row offers it and a fresh row explains why not.
 */
export const runnerCapabilities = pgTable(
  "runner_capabilities",
  {
    /** Random per process start; not a host name (several runners may share a host). */
    runnerId: text().notNull(),
    capability: text().notNull(),
    available: boolean().notNull(),
    /** Why not, written for an instructor to read (no paths); null when available. */
    reason: text(),
    /** For operators: e.g. the binaries' paths and versions. */
    detail: jsonb(),
    startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    heartbeatAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.runnerId, t.capability] }),
    index("runner_capabilities_capability_heartbeat_at_idx").on(t.capability, t.heartbeatAt),
    check("runner_capabilities_reason_check", sql`${t.available} or ${t.reason} is not null`),
  ],
);
