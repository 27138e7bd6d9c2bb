import { WITHDRAWN_REASON } from "@lumen/credentials";
import { certificates } from "@lumen/db";
import { type Outbox, publishCertificateJob } from "@lumen/jobs";
import { and, eq, isNull } from "drizzle-orm";
import type { Transaction } from "../kernel";
import { markStatusListChanged } from "./status-list";

/**
 * Withdraws every certificate a user holds, at their request (their account is being deleted,
 * ADR 0027), in the caller's transaction. Each one is revoked (its status list bit is set, the
 * list re-signed by the publish job enqueued here), and what named the holder is erased: the
 * signed credential, the printed name and the PDF's key (the caller deletes the file). The edge
 * then shows "withdrawn at the holder's request" and nothing else. Already withdrawn ones are
 * left alone, so a rerun enqueues nothing. Returns the ids withdrawn now.
 */
export async function withdrawHolderCertificates({
  tx,
  outbox,
  userId,
  withdrawnName,
  now,
}: {
  tx: Transaction;
  outbox: Outbox;
  userId: string;
  /** What the row's learnerName becomes (the tombstone's name). */
  withdrawnName: string;
  now: Date;
}): Promise<string[]> {
  const held = await tx
    .select({
      id: certificates.id,
      revokedAt: certificates.revokedAt,
      revokedReason: certificates.revokedReason,
      statusListIndex: certificates.statusListIndex,
    })
    .from(certificates)
    .where(and(eq(certificates.userId, userId), isNull(certificates.withdrawnAt)))
    .orderBy(certificates.id)
    .for("update");
  for (const certificate of held) {
    await tx
      .update(certificates)
      .set({
        withdrawnAt: now,
        // An earlier revocation keeps its date and reason; the withdrawal adds to it.
        revokedAt: certificate.revokedAt ?? now,
        revokedReason: certificate.revokedReason ?? WITHDRAWN_REASON,
        learnerName: withdrawnName,
        credential: null,
        pdfPath: null,
        updatedAt: now,
      })
      .where(eq(certificates.id, certificate.id));
    await markStatusListChanged(tx, certificate.statusListIndex);
    await outbox.enqueue(tx, publishCertificateJob, { certificateId: certificate.id });
  }
  return held.map((certificate) => certificate.id);
}
