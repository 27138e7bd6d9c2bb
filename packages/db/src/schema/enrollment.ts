import { relations, sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { courses } from "./catalog";

/**
 * One row per (learner, course), ever. Unenrolling sets `unenrolledAt` instead of deleting,
 * so re-enrolling returns the same enrollment and later progress is kept.
 */
export const enrollments = pgTable(
  "enrollments",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    enrolledAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp({ withTimezone: true }),
    unenrolledAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    unique("enrollments_user_id_course_id_unique").on(t.userId, t.courseId),
    index("enrollments_course_id_idx").on(t.courseId),
    // The dashboard rollup re-reads enrollments changed since its last run (ADR 0024).
    index("enrollments_changed_at_idx").on(
      sql`greatest(${t.enrolledAt}, ${t.unenrolledAt}, ${t.completedAt})`,
    ),
  ],
);

export const enrollmentsRelations = relations(enrollments, ({ one }) => ({
  user: one(users, { fields: [enrollments.userId], references: [users.id] }),
  course: one(courses, { fields: [enrollments.courseId], references: [courses.id] }),
}));
