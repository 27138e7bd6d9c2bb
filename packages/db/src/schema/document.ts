import { integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { lessons } from "./catalog";

/** A PDF lesson's document. The bytes live in media storage under `storageId`. */
export const lessonDocuments = pgTable("lesson_documents", {
  lessonId: uuid()
    .primaryKey()
    .references(() => lessons.id, { onDelete: "cascade" }),
  /** Media storage id (the object is `documents/<storageId>.pdf`); new on every replace. */
  storageId: uuid().notNull(),
  filename: text().notNull(),
  byteSize: integer().notNull(),
  pageCount: integer(),
  uploadedBy: text()
    .notNull()
    .references(() => users.id, { onDelete: "restrict" }),
  uploadedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
