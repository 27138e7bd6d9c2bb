import {
  courseRatingPrompts,
  courseRatingReports,
  courseRatingResponses,
  courseRatings,
  courseRatingVotes,
} from "@lumen/db";
import { eq } from "drizzle-orm";
import type { RegistryEntry } from "../types";

/** Course ratings and reviews (ADR 0032): what the user rated, voted, reported, responded. */
export const ratingEntries: RegistryEntry[] = [
  {
    table: courseRatings,
    export: {
      area: "ratings",
      select: (db, userId) =>
        db
          .select({
            id: courseRatings.id,
            courseId: courseRatings.courseId,
            stars: courseRatings.stars,
            title: courseRatings.title,
            body: courseRatings.body,
            hidden: courseRatings.hidden,
            createdAt: courseRatings.createdAt,
            updatedAt: courseRatings.updatedAt,
          })
          .from(courseRatings)
          .where(eq(courseRatings.userId, userId)),
    },
    erase: {
      keep: "the rating stays in the course's exact aggregate, shown as by a deleted user (the tombstone)",
    },
  },
  {
    table: courseRatingVotes,
    export: {
      area: "ratings",
      select: (db, userId) =>
        db.select().from(courseRatingVotes).where(eq(courseRatingVotes.userId, userId)),
    },
    erase: { keep: "a helpful vote of the tombstone keeps the review's count equal to its votes" },
  },
  {
    table: courseRatingResponses,
    export: {
      area: "ratings",
      select: (db, userId) =>
        db.select().from(courseRatingResponses).where(eq(courseRatingResponses.authorId, userId)),
    },
    erase: { keep: "the course's public response stays, by the tombstone" },
  },
  {
    table: courseRatingReports,
    export: {
      area: "ratings",
      // Reports the user filed; who resolved them is the moderator's, not theirs.
      select: (db, userId) =>
        db
          .select({
            id: courseRatingReports.id,
            courseId: courseRatingReports.courseId,
            ratingId: courseRatingReports.ratingId,
            reason: courseRatingReports.reason,
            status: courseRatingReports.status,
            createdAt: courseRatingReports.createdAt,
          })
          .from(courseRatingReports)
          .where(eq(courseRatingReports.reporterId, userId)),
    },
    erase: { keep: "moderators keep the report; its reporter is the tombstone" },
  },
  {
    table: courseRatingPrompts,
    export: { exempt: "which rating prompts an enrollment was shown: bookkeeping, no content" },
    erase: { keep: "follows its enrollment; says nothing about the person" },
  },
];
