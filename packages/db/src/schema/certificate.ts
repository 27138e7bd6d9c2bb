import { relations, sql } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { courses } from "./catalog";
import { enrollments } from "./enrollment";

/**
 * An issued certificate. `id` is the public verification id. `credential` is the signed
 * VC-JWT exactly as issued (ADR 0008); the other columns are copies for listing and the PDF.
 * One per enrollment, enforced here, so racing issue jobs cannot make two.
 */
export const certificates = pgTable(
  "certificates",
  {
    id: uuid().primaryKey().defaultRandom(),
    enrollmentId: uuid()
      .notNull()
      .references(() => enrollments.id, { onDelete: "restrict" }),
    userId: text()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    courseId: uuid()
      .notNull()
      .references(() => courses.id, { onDelete: "restrict" }),
    learnerName: text().notNull(),
    courseTitle: text().notNull(),
    issuedAt: timestamp({ withTimezone: true }).notNull(),
    /** Compact JWS (VC-JWT) of the credential; null once withdrawn (it names the holder). */
    credential: text(),
    keyId: text().notNull(),
    /**
     * Key of the rendered PDF in media storage (`certificates/<id>.pdf`), once rendered;
     * "certificate.pdf" (under `videos/<id>/`) until the storage-keys migration, ADR 0014.
     */
    pdfPath: text(),
    /**
     * The language the certificate was issued in (the holder's profile language then, BCP 47:
     * en, es, ar); its PDF is rendered in it, also when re-rendered later.
     */
    locale: text().notNull().default("en"),
    revokedAt: timestamp({ withTimezone: true }),
    revokedReason: text(),
    /**
     * Withdrawn at the holder's request (their account was deleted, ADR 0027): the credential,
     * name and PDF are erased, revokedAt is set so the status list bit stays set.
     */
    withdrawnAt: timestamp({ withTimezone: true }),
    revokedBy: text().references(() => users.id, { onDelete: "set null" }),
    /** Its bit in the revocation status lists (certificate-status.ts); null before issue 9. */
    statusListIndex: integer(),
    /** When the edge last received this certificate's current state (KV). */
    publishedAt: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("certificates_enrollment_id_unique").on(t.enrollmentId),
    unique("certificates_status_list_index_unique").on(t.statusListIndex),
    index("certificates_user_id_idx").on(t.userId),
    index("certificates_course_id_idx").on(t.courseId),
    // The dashboard rollup re-reads certificates issued or revoked since its last run.
    index("certificates_changed_at_idx").on(sql`greatest(${t.issuedAt}, ${t.revokedAt})`),
  ],
);

export const certificatesRelations = relations(certificates, ({ one }) => ({
  enrollment: one(enrollments, {
    fields: [certificates.enrollmentId],
    references: [enrollments.id],
  }),
  course: one(courses, { fields: [certificates.courseId], references: [courses.id] }),
}));
