import { certificates, type Database } from "@lumen/db";
import { issueCertificateJob, type Outbox } from "@lumen/jobs";
import { eq } from "drizzle-orm";
import { findActiveEnrollment, getEnrollmentStanding } from "../enrollment";
import { ConflictError, NotFoundError, type SessionUser } from "../kernel";

export type CertificateRequest =
  | { status: "issued"; certificateId: string }
  | { status: "pending"; enrollmentId: string };

/**
 * Asks for the caller's certificate of a course they have finished. Completing the last lesson
 * enqueues issuing by itself; this covers the cases no completion event announces — a course
 * that reached 100 % because its instructor removed lessons, or a learner who wants to retry.
 * The issue job re-checks everything and issues at most once, so asking twice is harmless.
 */
export async function requestCertificate({
  db,
  user,
  outbox,
  input,
}: {
  db: Database;
  user: SessionUser;
  outbox: Outbox;
  input: { courseId: string };
}): Promise<CertificateRequest> {
  return db.transaction(async (tx) => {
    const enrollment = await findActiveEnrollment(tx, user.id, input.courseId);
    if (!enrollment) throw new NotFoundError("You are not enrolled in this course.");
    const [existing] = await tx
      .select({ id: certificates.id })
      .from(certificates)
      .where(eq(certificates.enrollmentId, enrollment.id));
    if (existing) return { status: "issued", certificateId: existing.id };
    const standing = await getEnrollmentStanding(tx, enrollment.id);
    if (!standing?.eligibleForCertificate) {
      throw new ConflictError(
        "Finish every required lesson and pass the required quizzes to earn the certificate.",
      );
    }
    await outbox.enqueue(tx, issueCertificateJob, { enrollmentId: enrollment.id });
    return { status: "pending", enrollmentId: enrollment.id };
  });
}
