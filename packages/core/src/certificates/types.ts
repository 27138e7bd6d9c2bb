/** A certificate as its learner (and the course's instructors) see it. */
export interface CertificateSummary {
  id: string;
  courseId: string;
  courseSlug: string;
  courseTitle: string;
  learnerName: string;
  issuedAt: string;
  /** The public page at the edge (what the QR code opens). */
  verifyUrl: string;
  /** Same-origin API path of the PDF; null until the PDF is rendered. */
  pdfUrl: string | null;
  revokedAt: string | null;
  revokedReason: string | null;
}
