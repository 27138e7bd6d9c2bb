import { sql } from "drizzle-orm";
import {
  bigint,
  index,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";

/** requested → running → ready (→ expired after 7 days) | failed. */
export const dataExportStatus = pgEnum("data_export_status", [
  "requested",
  "running",
  "ready",
  "failed",
  "expired",
]);
export type DataExportStatus = (typeof dataExportStatus.enumValues)[number];

/**
 * A user's self-service data export (GDPR Art. 15/20): a ZIP the `privacy.export` job writes
 * to media storage as `exports/<id>.zip`. One pending (requested or running) per user, enforced
 * here so two racing requests cannot both enqueue.
 */
export const dataExports = pgTable(
  "data_exports",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: dataExportStatus().notNull().default("requested"),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp({ withTimezone: true }),
    expiresAt: timestamp({ withTimezone: true }),
    sizeBytes: bigint({ mode: "number" }),
    /** A short reason for the user, never a stack trace or SQL. */
    error: text(),
  },
  (t) => [
    index("data_exports_user_id_requested_at_idx").on(t.userId, t.requestedAt.desc()),
    uniqueIndex("data_exports_user_id_pending_idx")
      .on(t.userId)
      .where(sql`${t.status} in ('requested', 'running')`),
  ],
);
