import { randomUUID } from "node:crypto";
import { buildCredential, signCredential } from "@lumen/credentials";
import { certificates, courses, type Database, enrollments, users } from "@lumen/db";
import { type Outbox, publishCertificateJob } from "@lumen/jobs";
import type { MediaStore } from "@lumen/media";
import { eq } from "drizzle-orm";
import { getEnrollmentStanding } from "../enrollment";
import { textLocale } from "../i18n";
import type { Transaction } from "../kernel";
import { certificateNotification, createNotifications } from "../notifications";
import { emitWebhookEvent } from "../webhook-events";
import type { CertificateIssuer, CertificateLinks, CertificateLogger } from "./issuer";
import { certificateVerifyUrl, courseUrl } from "./links";
import { ensureCertificatePdf } from "./render-pdf";
import { allocateStatusListIndex } from "./status-list";

/** What the transaction decided: a certificate (new or found), or why there is none. */
type Decision =
  | { status: "issued" | "existing"; certificateId: string }
  | { status: "not_eligible" | "unknown_enrollment"; enrollmentId: string };

export type IssueOutcome =
  | {
      status: "issued" | "existing";
      certificateId: string;
      pdf: "rendered" | "present" | "withdrawn";
    }
  | { status: "not_eligible" | "unknown_enrollment"; enrollmentId: string };

export interface IssueDeps {
  db: Database;
  outbox: Outbox;
  store: MediaStore;
  issuer: CertificateIssuer;
  links: CertificateLinks;
  logger: CertificateLogger;
}

/**
 * Issues an enrollment's certificate exactly once, then makes sure its PDF exists. Safe to
 * run any number of times, concurrently, on any runner: the enrollment row lock serialises
 * issuers, the loser finds the winner's certificate, and the unique enrollment constraint is
 * the backstop. The PDF is rendered after commit (slow, and storage is not transactional):
 * a run that crashed in between leaves pdfPath null, and the next run (a retry) finishes it.
 */
export async function issueCertificate(
  deps: IssueDeps,
  enrollmentId: string,
): Promise<IssueOutcome> {
  const outcome = await deps.db.transaction((tx) => issueInTransaction(tx, deps, enrollmentId));
  if (!("certificateId" in outcome)) {
    deps.logger.info("certificate not issued", { ...outcome });
    return outcome;
  }
  const pdf = await ensureCertificatePdf({
    db: deps.db,
    store: deps.store,
    edgeUrl: deps.links.edgeUrl,
    certificateId: outcome.certificateId,
    issuer: deps.issuer,
  });
  deps.logger.info("certificate ready", { enrollmentId, ...outcome, pdf });
  return { ...outcome, pdf };
}

async function issueInTransaction(
  tx: Transaction,
  { outbox, issuer, links }: IssueDeps,
  enrollmentId: string,
): Promise<Decision> {
  const [enrollment] = await tx
    .select({ id: enrollments.id, userId: enrollments.userId, courseId: enrollments.courseId })
    .from(enrollments)
    .where(eq(enrollments.id, enrollmentId))
    .for("no key update");
  if (!enrollment) return { status: "unknown_enrollment", enrollmentId };

  const existing = await certificateOf(tx, enrollmentId);
  if (existing) return { status: "existing", certificateId: existing };

  // The job may be stale (a lesson added since, an unenrollment): decide on current state.
  const standing = await getEnrollmentStanding(tx, enrollmentId);
  if (!standing?.eligibleForCertificate) return { status: "not_eligible", enrollmentId };

  const [facts] = await tx
    .select({
      learnerName: users.name,
      courseTitle: courses.title,
      slug: courses.slug,
      locale: users.locale,
    })
    .from(users)
    .innerJoin(courses, eq(courses.id, enrollment.courseId))
    .where(eq(users.id, enrollment.userId));
  if (!facts) return { status: "unknown_enrollment", enrollmentId };

  const id = randomUUID();
  const issuedAt = new Date();
  const statusListIndex = await allocateStatusListIndex(tx);
  const credential = await signCredential(
    buildCredential({
      certificateId: id,
      issuer: issuer.profile,
      learnerName: facts.learnerName,
      course: {
        id: enrollment.courseId,
        title: facts.courseTitle,
        url: courseUrl(links.webOrigin, facts.slug),
      },
      issuedAt,
      statusListIndex,
      verifyUrl: certificateVerifyUrl(links.edgeUrl, id),
    }),
    issuer.key,
  );
  const [inserted] = await tx
    .insert(certificates)
    .values({
      id,
      enrollmentId,
      userId: enrollment.userId,
      courseId: enrollment.courseId,
      learnerName: facts.learnerName,
      courseTitle: facts.courseTitle,
      // The holder's language now; the PDF (and any re-render) stays in it.
      locale: textLocale(facts.locale),
      issuedAt,
      credential,
      keyId: issuer.key.kid,
      statusListIndex,
    })
    .onConflictDoNothing({ target: certificates.enrollmentId })
    .returning({ id: certificates.id });
  if (!inserted) {
    // Unreachable while the row lock holds; kept so a bypassed lock still cannot issue twice.
    const winner = await certificateOf(tx, enrollmentId);
    if (winner) return { status: "existing", certificateId: winner };
    throw new Error(`certificate for enrollment ${enrollmentId} neither inserted nor found`);
  }
  await createNotifications(tx, [
    certificateNotification({
      userId: enrollment.userId,
      certificateId: id,
      courseSlug: facts.slug,
      courseTitle: facts.courseTitle,
    }),
  ]);
  // Publishes the record and, the first time a list is used, the list itself.
  await outbox.enqueue(tx, publishCertificateJob, { certificateId: id });
  await emitWebhookEvent(tx, outbox, {
    type: "certificate.issued",
    userId: enrollment.userId,
    courseId: enrollment.courseId,
    at: issuedAt,
    data: {
      certificate_id: id,
      enrollment_id: enrollmentId,
      course_id: enrollment.courseId,
      user_id: enrollment.userId,
      issued_at: issuedAt.toISOString(),
    },
  });
  return { status: "issued", certificateId: id };
}

async function certificateOf(tx: Transaction, enrollmentId: string): Promise<string | undefined> {
  const [row] = await tx
    .select({ id: certificates.id })
    .from(certificates)
    .where(eq(certificates.enrollmentId, enrollmentId));
  return row?.id;
}
