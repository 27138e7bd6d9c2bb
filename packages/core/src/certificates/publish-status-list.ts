import {
  encodeStatusList,
  STATUS_LIST_SIZE,
  type StatusListRecord,
  signStatusList,
} from "@lumen/credentials";
import { certificateStatusLists, certificates, type Database } from "@lumen/db";
import { and, eq, gte, isNotNull, lt, sql } from "drizzle-orm";
import type { CertificateIssuer } from "./issuer";
import { firstIndexOf } from "./status-list";

/** What the edge receives for `PUT /internal/status-lists/:list`. */
export type StatusListMessage = StatusListRecord;

export type StatusListPublication = "published" | "current" | "unknown";

/**
 * Brings list `list` up to date at the edge. Signs it afresh only when a revocation has raised
 * its version since the last signature, and sends it only when the edge has not acknowledged
 * that version yet, so running it any number of times is cheap and harmless. The row lock is
 * held while reading and signing (milliseconds), never during the HTTP call: revocations do
 * not wait on the edge, and the edge's own version check keeps a late, older send from
 * replacing a newer list.
 */
export async function publishStatusList({
  db,
  list,
  issuer,
  send,
  now = () => new Date(),
}: {
  db: Database;
  list: number;
  issuer: CertificateIssuer;
  send: (message: StatusListMessage) => Promise<void>;
  now?: () => Date;
}): Promise<StatusListPublication> {
  const signed = await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(certificateStatusLists)
      .where(eq(certificateStatusLists.id, list))
      .for("update");
    if (!row) return null;
    if (row.credential !== null && row.signedVersion === row.version) {
      return { version: row.version, credential: row.credential, acked: row.publishedVersion };
    }
    // Read under the lock: every revocation counted in `row.version` has committed by now.
    const first = firstIndexOf(list);
    const index = certificates.statusListIndex;
    const revoked = await tx
      .select({ index })
      .from(certificates)
      .where(
        and(
          isNotNull(certificates.revokedAt),
          gte(index, first),
          lt(index, first + STATUS_LIST_SIZE),
        ),
      );
    const encodedList = await encodeStatusList(revoked.map((r) => (r.index ?? first) - first));
    const credential = await signStatusList(
      { issuerId: issuer.profile.id, list, builtAt: now(), encodedList },
      issuer.key,
    );
    await tx
      .update(certificateStatusLists)
      .set({ credential, signedVersion: row.version, updatedAt: now() })
      .where(eq(certificateStatusLists.id, list));
    return { version: row.version, credential, acked: row.publishedVersion };
  });
  if (!signed) return "unknown";
  if (signed.acked >= signed.version) return "current";
  await send({ list, version: signed.version, credential: signed.credential });
  await db
    .update(certificateStatusLists)
    .set({
      publishedVersion: sql`greatest(${certificateStatusLists.publishedVersion}, ${signed.version})`,
    })
    .where(eq(certificateStatusLists.id, list));
  return "published";
}
