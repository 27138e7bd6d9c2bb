import { integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { bytea } from "./types";

/**
 * Small uploaded images (course covers), content-addressed by SHA-256 so a re-upload is free
 * and URLs can be cached forever. Large media (video) goes to object storage instead.
 */
export const mediaBlobs = pgTable("media_blobs", {
  key: text().primaryKey(),
  contentType: text().notNull(),
  byteSize: integer().notNull(),
  bytes: bytea().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
