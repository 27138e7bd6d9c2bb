import { certificates, courses } from "@lumen/db";
import { eq } from "drizzle-orm";
import { isCourseInstructor, mayEditCourse } from "../access";
import { NotFoundError, type Queryable, type SessionUser } from "../kernel";
import { type CertificateSummaryRow, certificateSummaryColumns } from "./summary";

export const CERTIFICATE_NOT_FOUND = "We couldn't find that certificate.";

export interface VisibleCertificate extends CertificateSummaryRow {
  userId: string;
  /** Its bit in the revocation status lists; null for certificates issued before them. */
  statusListIndex: number | null;
  /** An admin or one of the course's instructors: may revoke it and see its PDF. */
  mayManage: boolean;
  isOwner: boolean;
}

/**
 * A certificate as the API shows it: to its learner, the course's instructors (as the course
 * editors are defined in authoring) and admins. Anyone else is told it does not exist — the
 * same answer as for an unknown id, so ids cannot be probed for whose they are. (Its
 * public verification page at the edge is another matter: that one is meant to be shared.)
 *
 * `lock` takes the certificate row lock (revocation), so concurrent changes queue up.
 */
export async function loadVisibleCertificate(
  db: Queryable,
  user: SessionUser,
  certificateId: string,
  { lock = false } = {},
): Promise<VisibleCertificate> {
  const query = db
    .select({
      ...certificateSummaryColumns,
      userId: certificates.userId,
      statusListIndex: certificates.statusListIndex,
      isInstructor: isCourseInstructor(user.id),
    })
    .from(certificates)
    .innerJoin(courses, eq(courses.id, certificates.courseId))
    .where(eq(certificates.id, certificateId));
  const [row] = lock ? await query.for("update", { of: certificates }) : await query;
  if (!row) throw new NotFoundError(CERTIFICATE_NOT_FOUND);
  const { isInstructor, ...certificate } = row;
  const mayManage = mayEditCourse(user, isInstructor);
  const isOwner = certificate.userId === user.id;
  if (!mayManage && !isOwner) throw new NotFoundError(CERTIFICATE_NOT_FOUND);
  return { ...certificate, mayManage, isOwner };
}
