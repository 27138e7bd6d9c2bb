import {
  courseMilestones,
  enrollments,
  exerciseDrafts,
  exerciseSubmissions,
  lessonProgress,
  playbackPositions,
  playbackStarts,
  progressEvents,
  quizAttempts,
} from "@lumen/db";
import { eq, inArray } from "drizzle-orm";
import type { RegistryEntry } from "../types";
import { myEnrollments } from "./mine";

const LEARNING_RECORD =
  "a learning record of one person, of no use to anyone else once the account is gone";

/** Enrollments, progress, quizzes and exercises: rows that are the learner's own. */
export const learningEntries: RegistryEntry[] = [
  {
    table: enrollments,
    export: {
      area: "enrollments",
      select: (db, userId) => db.select().from(enrollments).where(eq(enrollments.userId, userId)),
    },
    erase: {
      keep: "issued certificates and the peer reviews given reference the enrollment, and course counts stay true; it belongs to the user's row, now the tombstone, and every learning row under it is deleted",
    },
  },
  {
    table: lessonProgress,
    export: {
      area: "progress",
      select: (db, userId) =>
        db
          .select()
          .from(lessonProgress)
          .where(inArray(lessonProgress.enrollmentId, myEnrollments(db, userId))),
    },
    erase: { delete: LEARNING_RECORD },
  },
  {
    table: progressEvents,
    export: {
      area: "progress",
      select: (db, userId) =>
        db
          .select()
          .from(progressEvents)
          .where(inArray(progressEvents.enrollmentId, myEnrollments(db, userId))),
    },
    erase: { delete: LEARNING_RECORD },
  },
  {
    table: courseMilestones,
    export: {
      area: "progress",
      select: (db, userId) =>
        db
          .select()
          .from(courseMilestones)
          .where(inArray(courseMilestones.enrollmentId, myEnrollments(db, userId))),
    },
    erase: { delete: LEARNING_RECORD },
  },
  {
    table: playbackPositions,
    export: {
      area: "progress",
      select: (db, userId) =>
        db.select().from(playbackPositions).where(eq(playbackPositions.userId, userId)),
    },
    erase: { delete: LEARNING_RECORD },
  },
  {
    table: playbackStarts,
    export: {
      area: "progress",
      select: (db, userId) =>
        db.select().from(playbackStarts).where(eq(playbackStarts.userId, userId)),
    },
    erase: { delete: LEARNING_RECORD },
  },
  {
    table: quizAttempts,
    export: {
      area: "quiz-attempts",
      select: (db, userId) =>
        db
          .select()
          .from(quizAttempts)
          .where(inArray(quizAttempts.enrollmentId, myEnrollments(db, userId))),
    },
    erase: { delete: LEARNING_RECORD },
  },
  {
    table: exerciseSubmissions,
    export: {
      area: "exercise-submissions",
      select: (db, userId) =>
        db.select().from(exerciseSubmissions).where(eq(exerciseSubmissions.userId, userId)),
    },
    erase: { delete: LEARNING_RECORD },
  },
  {
    table: exerciseDrafts,
    export: {
      area: "exercise-submissions",
      select: (db, userId) =>
        db.select().from(exerciseDrafts).where(eq(exerciseDrafts.userId, userId)),
    },
    erase: { delete: LEARNING_RECORD },
  },
];
