import { bigint, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { courses } from "./catalog";

/**
 * An image a forum member uploaded for their posts in a course (issue 13): stored at the edge
 * as `forum-images/<id>` and served by the API to whoever may read the course's forum. The
 * row is written when the upload starts; `storedAt` is set once the bytes were checked.
 */
export const forumImages = pgTable(
  "forum_images",
  {
    id: uuid().primaryKey().defaultRandom(),
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    uploaderId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    filename: text().notNull(),
    contentType: text().notNull(),
    byteSize: bigint({ mode: "number" }).notNull(),
    /** Set once the edge has stored every byte and the API has checked they are the type. */
    storedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("forum_images_uploader_id_created_at_idx").on(t.uploaderId, t.createdAt)],
);
