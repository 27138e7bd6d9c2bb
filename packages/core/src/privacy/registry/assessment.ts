import {
  assignmentAttachments,
  assignmentCalibrations,
  assignmentReviews,
  assignmentSubmissions,
  certificates,
} from "@lumen/db";
import { eq, inArray } from "drizzle-orm";
import type { ExportRow, RegistryEntry } from "../types";
import { myEnrollments } from "./mine";

/** Peer-reviewed assignments and certificates (with their files). */
export const assessmentEntries: RegistryEntry[] = [
  {
    table: assignmentSubmissions,
    export: {
      area: "assignments",
      // Without staffUserId: who graded stays private to staff, as in the app.
      select: (db, userId) =>
        db
          .select({
            id: assignmentSubmissions.id,
            lessonId: assignmentSubmissions.lessonId,
            enrollmentId: assignmentSubmissions.enrollmentId,
            body: assignmentSubmissions.body,
            status: assignmentSubmissions.status,
            submittedAt: assignmentSubmissions.submittedAt,
            revisedAt: assignmentSubmissions.revisedAt,
            gradePoints: assignmentSubmissions.gradePoints,
            maxPoints: assignmentSubmissions.maxPoints,
            gradePercent: assignmentSubmissions.gradePercent,
            passed: assignmentSubmissions.passed,
            gradedBy: assignmentSubmissions.gradedBy,
            gradeScores: assignmentSubmissions.gradeScores,
            gradedAt: assignmentSubmissions.gradedAt,
            staffNote: assignmentSubmissions.staffNote,
          })
          .from(assignmentSubmissions)
          .where(eq(assignmentSubmissions.userId, userId)),
    },
    erase: {
      delete:
        "a learner's own work; its reviews go with it; staffUserId is cleared where the user graded others' work",
    },
  },
  {
    table: assignmentAttachments,
    export: {
      area: "assignments",
      select: (db, userId) =>
        db
          .select()
          .from(assignmentAttachments)
          .where(inArray(assignmentAttachments.enrollmentId, myEnrollments(db, userId))),
      files: (rows) =>
        rows
          .filter((row) => row.storedAt)
          .map((row) => ({
            file: { purpose: "attachment", id: String(row.id) },
            path: `attachments/${row.id}-${String(row.filename)}`,
          })),
    },
    erase: { delete: "the learner's files, with their R2 objects" },
  },
  {
    table: assignmentReviews,
    export: {
      area: "assignments",
      // The reviews the user GAVE, in full; reviews of their work are in the submission's
      // gradeScores, never with the reviewer's identity.
      select: (db, userId) =>
        db
          .select({
            id: assignmentReviews.id,
            submissionId: assignmentReviews.submissionId,
            lessonId: assignmentReviews.lessonId,
            submittedAt: assignmentReviews.submittedAt,
            scores: assignmentReviews.scores,
            flaggedAt: assignmentReviews.flaggedAt,
            flagResolution: assignmentReviews.flagResolution,
          })
          .from(assignmentReviews)
          .where(inArray(assignmentReviews.reviewerEnrollmentId, myEnrollments(db, userId))),
    },
    erase: {
      keep: "reviews given are part of another learner's grade; they stay, anonymous (the reviewer's enrollment now belongs to the tombstone)",
    },
  },
  {
    table: assignmentCalibrations,
    export: {
      area: "assignments",
      select: (db, userId) =>
        db
          .select()
          .from(assignmentCalibrations)
          .where(inArray(assignmentCalibrations.enrollmentId, myEnrollments(db, userId))),
    },
    erase: { delete: "the learner's practice grading" },
  },
  {
    table: certificates,
    export: {
      area: "certificates",
      select: (db, userId) =>
        db
          .select({
            id: certificates.id,
            enrollmentId: certificates.enrollmentId,
            courseId: certificates.courseId,
            learnerName: certificates.learnerName,
            courseTitle: certificates.courseTitle,
            issuedAt: certificates.issuedAt,
            credential: certificates.credential,
            keyId: certificates.keyId,
            pdfPath: certificates.pdfPath,
            revokedAt: certificates.revokedAt,
            revokedReason: certificates.revokedReason,
          })
          .from(certificates)
          .where(eq(certificates.userId, userId)),
      files: (rows: ExportRow[]) =>
        rows
          .filter((row) => row.pdfPath)
          .map((row) => ({
            file: { purpose: "certificate", id: String(row.id) },
            path: `certificates/${row.id}.pdf`,
          })),
    },
    erase: {
      anonymise: ["learnerName", "credential", "pdfPath", "revokedBy"],
      reason:
        "an issued credential was relied on by others: the row stays, withdrawn (revoked, withdrawnAt set), so the verify page says it was withdrawn at the holder's request without the name and its status list bit is set; the PDF is deleted; revokedBy is cleared where the user revoked others' certificates",
    },
  },
];
