import { relations, sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth";
import { courses, lessons, videoAssets } from "./catalog";

// `video_assets` and its status enum are declared in catalog.ts beside `lessons`, which
// references them: see there.

export const renditionStatus = pgEnum("rendition_status", ["pending", "processing", "ready"]);

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
