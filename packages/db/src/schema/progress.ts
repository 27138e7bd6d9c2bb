import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  index,
  pgTable,
  primaryKey,
  real,
  smallint,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { lessons } from "./catalog";
import { enrollments } from "./enrollment";
import { int4multirange } from "./types";

/**
 * What each learner did in a course (the sum of their progress events, per lesson) and the
 * milestones it earned them. See ADR 0007.
 */

/**
 * A learner's state in one lesson: the sum of every progress event for it. `coverage` only
 * grows; the position is the one from the latest event by client time; `completedAt` is set
 * once and never cleared.
 */
export const lessonProgress = pgTable(
  "lesson_progress",
  {
    enrollmentId: uuid()
      .notNull()
      .references(() => enrollments.id, { onDelete: "cascade" }),
    lessonId: uuid()
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    /**
     * Which parts of the video the learner watched: merged [start, end) intervals in tenths of
     * a second of the video's timeline. A replayed part counts once; the write path credits
     * new parts no faster than playback since the learner's playback began allows (ADR 0007).
     */
    coverage: int4multirange().notNull().default(sql`'{}'`),
    /** Seconds of the video covered: derived from `coverage`, kept for readers. */
    watchedSeconds: real().notNull().default(0),
    positionSeconds: real().notNull().default(0),
    /** Client time of the event the position came from; an older event cannot move it. */
    positionAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.enrollmentId, t.lessonId] }),
    index("lesson_progress_lesson_id_idx").on(t.lessonId),
    check("lesson_progress_watched_seconds_check", sql`${t.watchedSeconds} >= 0`),
    check("lesson_progress_position_seconds_check", sql`${t.positionSeconds} >= 0`),
  ],
);

/**
 * Every acknowledged progress event: an acknowledgement can be checked against this table.
 * Append-only. A resent event is found by its id in `progress_event_ids`.
 *
 * Partitioned by month of `occurredAt` (migration 0024, ADR 0029): a job creates partitions
 * ahead and drops those older than PROGRESS_EVENTS_RETENTION_MONTHS once the dashboard rollup
 * has applied them; a default partition takes events outside the months created. drizzle-kit
 * does not know partitioned tables: the DDL is the migration's. No unique key here: one would
 * have to hold the partition key, and a resend must be found by its id alone.
 */
export const progressEvents = pgTable(
  "progress_events",
  {
    eventId: uuid().notNull(),
    /**
     * Arrival order: the dashboard rollup applies events by it, exactly once, up to a point no
     * writer still in flight can fall behind (writers hold the rollup's lock shared; ADR 0024).
     * A sequence of its own (a partitioned table cannot have an identity on Postgres 15).
     */
    seq: bigint({ mode: "number" }).notNull().default(sql`nextval('progress_events_seq_seq')`),
    /**
     * No foreign key (migration 0029, ADR 0029): the write checks the enrollment in the same
     * statement that inserts, nothing deletes enrollments, and retirement deletes a learner's
     * events itself. The key's check cost ~3 µs of Postgres CPU per event (~15 %).
     */
    enrollmentId: uuid().notNull(),
    lessonId: uuid().notNull(),
    /** What the event claimed was watched (tenths of a second, as sent: before any clamp). */
    watched: int4multirange().notNull().default(sql`'{}'`),
    /** Events from before coverage (migration 0007_watch_coverage): the total they claimed. */
    watchedSeconds: real(),
    positionSeconds: real().notNull(),
    completed: boolean().notNull(),
    /**
     * Client clock as sent (stored clamped to the server's now before migration 0024): the
     * partition key. The write clamps it to the server's now where it orders positions.
     */
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("progress_events_enrollment_id_idx").on(t.enrollmentId),
    // BRIN: the log is appended in seq order, so block ranges are nearly free to keep.
    index("progress_events_seq_idx").using("brin", t.seq),
  ],
);

/**
 * The id of every stored progress event, unique: the write inserts here first, and only ids
 * new here are events to store and apply, so a resent batch is a no-op however its client
 * time changed and whichever month it fell in — exactly, also between concurrent writers.
 * Narrow and unpartitioned; retention deletes the ids of the months it dropped (ADR 0029).
 */
export const progressEventIds = pgTable("progress_event_ids", {
  eventId: uuid().primaryKey(),
  /** The event's client time as stored in progress_events: which month's ids to forget. */
  occurredAt: timestamp({ withTimezone: true }).notNull(),
});

/** 25 / 50 / 75 / 100 % of a course, each recorded once per enrollment. */
export const courseMilestones = pgTable(
  "course_milestones",
  {
    enrollmentId: uuid()
      .notNull()
      .references(() => enrollments.id, { onDelete: "cascade" }),
    percent: smallint().notNull(),
    reachedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.enrollmentId, t.percent] }),
    check("course_milestones_percent_check", sql`${t.percent} in (25, 50, 75, 100)`),
  ],
);
