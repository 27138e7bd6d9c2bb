import type { CertificateRecord } from "@lumen/credentials";
import { statusListPosition } from "@lumen/credentials";
import { certificates, type Database } from "@lumen/db";
import { eq } from "drizzle-orm";

interface CertificateState {
  id: string;
  credential: string | null;
  revokedAt: Date | null;
  revokedReason: string | null;
  withdrawnAt: Date | null;
}

/** A withdrawn certificate is published as the bare fact, without its credential (ADR 0027). */
function recordOf(row: CertificateState): CertificateRecord {
  if (row.withdrawnAt || row.credential === null) {
    return {
      id: row.id,
      withdrawnAt: (row.withdrawnAt ?? row.revokedAt ?? new Date()).toISOString(),
    };
  }
  return {
    id: row.id,
    credential: row.credential,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokedReason: row.revokedReason,
  };
}

/**
 * Pushes a certificate's current state (credential, revocation) to the edge through `send`,
 * then records when (publishedAt); the edge stores what it receives (the job sends it to
 * PUT /internal/certificates/:id).
 * The row is locked while sending, so a revocation committing meanwhile waits and its own
 * publish runs after: the edge can never end on an older state than Postgres. Returns the
 * record and the number of the status list it is in (null before status lists), or null for
 * an unknown id (deleted since the job was enqueued): nothing to publish.
 */
export async function pushCertificateToEdge({
  db,
  certificateId,
  send,
}: {
  db: Database;
  certificateId: string;
  send: (record: CertificateRecord) => Promise<void>;
}): Promise<{ record: CertificateRecord; statusList: number | null } | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        id: certificates.id,
        credential: certificates.credential,
        revokedAt: certificates.revokedAt,
        revokedReason: certificates.revokedReason,
        withdrawnAt: certificates.withdrawnAt,
        statusListIndex: certificates.statusListIndex,
      })
      .from(certificates)
      .where(eq(certificates.id, certificateId))
      .for("update");
    if (!row) return null;
    const record = recordOf(row);
    await send(record);
    await tx
      .update(certificates)
      .set({ publishedAt: new Date() })
      .where(eq(certificates.id, certificateId));
    const { statusListIndex } = row;
    return {
      record,
      statusList: statusListIndex === null ? null : statusListPosition(statusListIndex).list,
    };
  });
}
