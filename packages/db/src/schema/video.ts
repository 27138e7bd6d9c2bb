import { relations, sql } from "drizzle-orm";
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { courses, lessons } from "./catalog";

/**
 * uploading → queued → processing → ready | failed. `cancelled` is terminal for an upload the
 * instructor abandoned. Playable before `ready`: see `playableAt`.
 */
export const videoStatus = pgEnum("video_status", [
  "uploading",
  "queued",
  "processing",
  "ready",
  "failed",
  "cancelled",
]);

export const renditionStatus = pgEnum("rendition_status", ["pending", "processing", "ready"]);

/**
 * One uploaded video and everything derived from it. A lesson points at its current asset
 * (`lessons.videoAssetId`); replacing the video creates a new asset, so a learner mid-play
 * keeps the old one until they reload.
 */
export const videoAssets = pgTable(
  "video_assets",
  {
    id: uuid().primaryKey().defaultRandom(),
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    lessonId: uuid()
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    uploadedBy: text()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    status: videoStatus().notNull().default("uploading"),
    /** Why processing failed, written for the instructor to read. */
    failureReason: text(),
    originalFilename: text().notNull(),
    /** Exact size the upload must have; the edge refuses parts that do not add up to it. */
    byteSize: bigint({ mode: "number" }).notNull(),
    /** What ffprobe found (container, streams), for support and for the ladder plan. */
    probe: jsonb(),
    durationSeconds: real(),
    width: integer(),
    height: integer(),
    /** Path under the asset's hls/ prefix, e.g. "poster-3f9a.jpg". */
    posterPath: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    uploadedAt: timestamp({ withTimezone: true }),
    processingStartedAt: timestamp({ withTimezone: true }),
    /** When the first rendition became playable (time to first playable). */
    playableAt: timestamp({ withTimezone: true }),
    /** When the whole ladder was ready. */
    readyAt: timestamp({ withTimezone: true }),
    failedAt: timestamp({ withTimezone: true }),
    /**
     * The latest failed attempt of a processing step that will be retried, for the editor to
     * show while it waits: readable (no paths), cleared when a step succeeds.
     */
    lastError: text(),
    lastErrorAt: timestamp({ withTimezone: true }),
    /** Which attempt failed (1-based) out of how many the job is allowed. */
    failedAttempts: integer().notNull().default(0),
    maxAttempts: integer(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("video_assets_lesson_id_idx").on(t.lessonId),
    index("video_assets_course_id_idx").on(t.courseId),
    index("video_assets_uploaded_by_idx").on(t.uploadedBy),
    check("video_assets_byte_size_check", sql`${t.byteSize} > 0`),
  ],
);

/** A planned or finished HLS rendition of an asset (360p / 720p / 1080p, never upscaled). */
export const videoRenditions = pgTable(
  "video_renditions",
  {
    assetId: uuid()
      .notNull()
      .references(() => videoAssets.id, { onDelete: "cascade" }),
    /** "360p", "720p", "1080p", or e.g. "240p" for a source below 360p. */
    name: text().notNull(),
    width: integer().notNull(),
    height: integer().notNull(),
    /** Peak bits per second for the master playlist's BANDWIDTH. */
    bandwidth: integer().notNull(),
    status: renditionStatus().notNull().default("pending"),
    /** 0–100 while encoding. */
    progress: real().notNull().default(0),
    /** Directory under hls/ holding this rendition's playlist and segments, once ready. */
    path: text(),
    /** RFC 6381 codecs string for the master playlist. */
    codecs: text(),
    readyAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.assetId, t.name] }),
    check("video_renditions_progress_check", sql`${t.progress} between 0 and 100`),
  ],
);

/** A WebVTT caption track, served as an HLS subtitle rendition. */
export const videoCaptions = pgTable(
  "video_captions",
  {
    assetId: uuid()
      .notNull()
      .references(() => videoAssets.id, { onDelete: "cascade" }),
    /** BCP 47 tag, e.g. "en", "pt-BR". */
    language: text().notNull(),
    label: text().notNull(),
    /** Path of the .vtt file under hls/ (its subtitle playlist sits beside it as .m3u8). */
    path: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.assetId, t.language] })],
);

/** Where a learner is in a lesson's video, so the player resumes there on any device. */
export const playbackPositions = pgTable(
  "playback_positions",
  {
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    lessonId: uuid()
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    positionSeconds: real().notNull().default(0),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.lessonId] }),
    index("playback_positions_lesson_id_idx").on(t.lessonId),
    check("playback_positions_position_seconds_check", sql`${t.positionSeconds} >= 0`),
  ],
);

/**
 * When a user was first handed a playback URL for a lesson's video. Nobody watched any of it
 * earlier, so the progress write path credits coverage no faster than the player's top speed
 * allows since then (ADR 0007). Written once per (user, lesson), never moved.
 */
export const playbackStarts = pgTable(
  "playback_starts",
  {
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    lessonId: uuid()
      .notNull()
      .references(() => lessons.id, { onDelete: "cascade" }),
    startedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.lessonId] }),
    index("playback_starts_lesson_id_idx").on(t.lessonId),
  ],
);

export const videoAssetsRelations = relations(videoAssets, ({ one, many }) => ({
  course: one(courses, { fields: [videoAssets.courseId], references: [courses.id] }),
  lesson: one(lessons, { fields: [videoAssets.lessonId], references: [lessons.id] }),
  renditions: many(videoRenditions),
  captions: many(videoCaptions),
}));

export const videoRenditionsRelations = relations(videoRenditions, ({ one }) => ({
  asset: one(videoAssets, { fields: [videoRenditions.assetId], references: [videoAssets.id] }),
}));

export const videoCaptionsRelations = relations(videoCaptions, ({ one }) => ({
  asset: one(videoAssets, { fields: [videoCaptions.assetId], references: [videoAssets.id] }),
}));
