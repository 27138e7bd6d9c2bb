import { certificates, courses } from "@lumen/db";
import { certificatePdfUrl, certificateVerifyUrl } from "./links";
import type { CertificateSummary } from "./types";

/** The columns a CertificateSummary is built from; select them with certificates ⋈ courses. */
export const certificateSummaryColumns = {
  id: certificates.id,
  courseId: certificates.courseId,
  courseSlug: courses.slug,
  courseTitle: certificates.courseTitle,
  learnerName: certificates.learnerName,
  issuedAt: certificates.issuedAt,
  pdfPath: certificates.pdfPath,
  revokedAt: certificates.revokedAt,
  revokedReason: certificates.revokedReason,
};

export interface CertificateSummaryRow {
  id: string;
  courseId: string;
  courseSlug: string;
  courseTitle: string;
  learnerName: string;
  issuedAt: Date;
  pdfPath: string | null;
  revokedAt: Date | null;
  revokedReason: string | null;
}

/**
 * Names and titles are the ones printed on the credential (copied at issue time), not the
 * current ones: the summary describes what was certified.
 */
export function toCertificateSummary(
  row: CertificateSummaryRow,
  edgeUrl: string,
): CertificateSummary {
  return {
    id: row.id,
    courseId: row.courseId,
    courseSlug: row.courseSlug,
    courseTitle: row.courseTitle,
    learnerName: row.learnerName,
    issuedAt: row.issuedAt.toISOString(),
    verifyUrl: certificateVerifyUrl(edgeUrl, row.id),
    pdfUrl: row.pdfPath ? certificatePdfUrl(row.id) : null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokedReason: row.revokedReason,
  };
}
