import { certificates, courses, type Database } from "@lumen/db";
import type { MediaContext } from "@lumen/media";
import { desc, eq } from "drizzle-orm";
import type { SessionUser } from "../kernel";
import { certificateSummaryColumns, toCertificateSummary } from "./summary";
import type { CertificateSummary } from "./types";

/** The caller's own certificates, newest first, revoked ones included (they see why). */
export async function listMyCertificates({
  db,
  user,
  media,
}: {
  db: Database;
  user: SessionUser;
  media: MediaContext;
}): Promise<CertificateSummary[]> {
  const rows = await db
    .select(certificateSummaryColumns)
    .from(certificates)
    .innerJoin(courses, eq(courses.id, certificates.courseId))
    .where(eq(certificates.userId, user.id))
    .orderBy(desc(certificates.issuedAt), desc(certificates.id));
  return rows.map((row) => toCertificateSummary(row, media.edgeUrl));
}
