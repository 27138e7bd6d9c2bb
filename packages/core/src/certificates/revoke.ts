import { certificates, type Database } from "@lumen/db";
import { type Outbox, publishCertificateJob } from "@lumen/jobs";
import type { MediaContext } from "@lumen/media";
import { eq } from "drizzle-orm";
import { ConflictError, ForbiddenError, type SessionUser } from "../kernel";
import { emitWebhookEvent } from "../webhook-events";
import { loadVisibleCertificate } from "./access";
import type { RevokeCertificateInput } from "./inputs";
import { markStatusListChanged } from "./status-list";
import { toCertificateSummary } from "./summary";
import type { CertificateSummary } from "./types";

/**
 * Revokes a certificate for good, with a reason, by an admin or one of the course's
 * instructors. The edge learns of it through certificates.publish, enqueued in the same
 * transaction, which republishes both the record and the certificate's status list (whose
 * version goes up here), so a committed revocation always reaches verification — ours and
 * that of verifiers who only read the list. Its learner sees the
 * certificate but may not revoke it (Forbidden); anyone else is told it does not exist.
 */
export async function revokeCertificate({
  db,
  user,
  outbox,
  media,
  input,
}: {
  db: Database;
  user: SessionUser;
  outbox: Outbox;
  media: MediaContext;
  input: RevokeCertificateInput;
}): Promise<CertificateSummary> {
  return db.transaction(async (tx) => {
    const certificate = await loadVisibleCertificate(tx, user, input.certificateId, {
      lock: true,
    });
    if (!certificate.mayManage) {
      throw new ForbiddenError(
        "Only an admin or the course's instructors can revoke a certificate.",
      );
    }
    if (certificate.revokedAt) throw new ConflictError("This certificate is already revoked.");
    const now = new Date();
    await tx
      .update(certificates)
      .set({ revokedAt: now, revokedReason: input.reason, revokedBy: user.id, updatedAt: now })
      .where(eq(certificates.id, certificate.id));
    await markStatusListChanged(tx, certificate.statusListIndex);
    await outbox.enqueue(tx, publishCertificateJob, { certificateId: certificate.id });
    await emitWebhookEvent(tx, outbox, {
      type: "certificate.revoked",
      userId: certificate.userId,
      courseId: certificate.courseId,
      at: now,
      data: {
        certificate_id: certificate.id,
        course_id: certificate.courseId,
        user_id: certificate.userId,
        revoked_at: now.toISOString(),
        reason: input.reason,
      },
    });
    return toCertificateSummary(
      { ...certificate, revokedAt: now, revokedReason: input.reason },
      media.edgeUrl,
    );
  });
}
