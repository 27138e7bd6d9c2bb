import { relations, sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
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

/** The damped rating's prior: the mean it pulls towards and its weight in ratings (ADR 0032). */
export const RATING_PRIOR_MEAN = 3.5;
export const RATING_PRIOR_WEIGHT = 10;

export const courseLevel = pgEnum("course_level", ["beginner", "intermediate", "advanced"]);
export const courseStatus = pgEnum("course_status", ["draft", "published"]);
export const lessonKind = pgEnum("lesson_kind", [
  "video",
  "pdf",
  "text",
  "quiz",
  "assignment",
  "exercise",
]);

export const courses = pgTable(
  "courses",
  {
    id: uuid().primaryKey().defaultRandom(),
    slug: text().notNull().unique(),
    title: text().notNull(),
    subtitle: text().notNull().default(""),
    description: text().notNull().default(""),
    category: text().notNull(),
    level: courseLevel().notNull(),
    /** BCP 47 primary language subtag, e.g. "en", "es". */
    language: text().notNull(),
    tags: text().array().notNull().default(sql`'{}'::text[]`),
    /** Key of the cover image in media storage (see media_blobs), if one was uploaded. */
    coverImageKey: text(),
    instructorId: text()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    ratingAverage: real().notNull().default(0),
    ratingCount: integer().notNull().default(0),
    /**
     * The damped (Bayesian) average the "rating" sort orders by: the plain average pulled
     * towards RATING_PRIOR_MEAN as if every course had RATING_PRIOR_WEIGHT more ratings of
     * that value, so a few ratings do not outrank many (ADR 0032). Derived, never written.
     */
    ratingScore: real()
      .notNull()
      .generatedAlwaysAs(
        sql.raw(`((rating_average::float8 * rating_count + ${RATING_PRIOR_MEAN * RATING_PRIOR_WEIGHT})
          / (rating_count + ${RATING_PRIOR_WEIGHT}))::real`),
      ),
    /** Active enrollments; maintained in the same transaction as enroll/unenroll. */
    enrollmentCount: integer().notNull().default(0),
    status: courseStatus().notNull().default("draft"),
    publishedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("courses_instructor_id_idx").on(t.instructorId),
    index("courses_category_idx").on(t.category),
    index("courses_level_idx").on(t.level),
    index("courses_language_idx").on(t.language),
    // One index per catalog sort, led by status so "published only" is a range scan.
    index("courses_status_published_at_idx").on(t.status, t.publishedAt.desc(), t.id),
    index("courses_status_rating_score_idx").on(t.status, t.ratingScore.desc(), t.id),
    index("courses_status_enrollment_count_idx").on(t.status, t.enrollmentCount.desc(), t.id),
    check("courses_enrollment_count_check", sql`${t.enrollmentCount} >= 0`),
    check("courses_rating_average_check", sql`${t.ratingAverage} between 0 and 5`),
  ],
);

export const modules = pgTable(
  "modules",
  {
    id: uuid().primaryKey().defaultRandom(),
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    title: text().notNull(),
    position: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("modules_course_id_position_idx").on(t.courseId, t.position)],
);

export const lessons = pgTable(
  "lessons",
  {
    id: uuid().primaryKey().defaultRandom(),
    moduleId: uuid()
      .notNull()
      .references(() => modules.id, { onDelete: "cascade" }),
    title: text().notNull(),
    kind: lessonKind().notNull(),
    position: integer().notNull(),
    durationSeconds: integer().notNull().default(0),
    /** Markdown for text lessons (sanitized when rendered); other kinds keep their content elsewhere. */
    body: text().notNull().default(""),
    /** Open to everyone, enrolled or not (a free preview of the course). */
    isPreview: boolean().notNull().default(false),
    /** Not counted in course completion (extra reading, bonus material). */
    isOptional: boolean().notNull().default(false),
    /** The lesson's current video (video lessons); its transcode state gates publishing. */
    videoAssetId: uuid().references((): AnyPgColumn => videoAssets.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("lessons_module_id_position_idx").on(t.moduleId, t.position),
    index("lessons_video_asset_id_idx").on(t.videoAssetId),
    check("lessons_duration_seconds_check", sql`${t.durationSeconds} >= 0`),
  ],
);

// A lesson and its current video reference each other (`lessons.videoAssetId`,
// `videoAssets.lessonId`), so both tables are declared in this file and video.ts imports them
// one way (no import cycle); the rest of the video pipeline (renditions, captions, playback)
// is in video.ts.

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

/**
 * Everyone who may edit a course. `courses.instructorId` is the instructor shown in the
 * catalog and is always also a row here.
 */
export const courseInstructors = pgTable(
  "course_instructors",
  {
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    addedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.courseId, t.userId] }),
    index("course_instructors_user_id_idx").on(t.userId),
  ],
);

export const coursesRelations = relations(courses, ({ one, many }) => ({
  instructor: one(users, { fields: [courses.instructorId], references: [users.id] }),
  instructors: many(courseInstructors),
  modules: many(modules),
}));

export const courseInstructorsRelations = relations(courseInstructors, ({ one }) => ({
  course: one(courses, { fields: [courseInstructors.courseId], references: [courses.id] }),
  user: one(users, { fields: [courseInstructors.userId], references: [users.id] }),
}));

export const modulesRelations = relations(modules, ({ one, many }) => ({
  course: one(courses, { fields: [modules.courseId], references: [courses.id] }),
  lessons: many(lessons),
}));

export const lessonsRelations = relations(lessons, ({ one }) => ({
  module: one(modules, { fields: [lessons.moduleId], references: [modules.id] }),
}));
