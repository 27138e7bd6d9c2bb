import { openBadgeCredentialSchema } from "@lumen/credentials";
import { renderCertificatePdf } from "@lumen/credentials/pdf";
import { certificates, type Database } from "@lumen/db";
import type { MediaStore } from "@lumen/media";
import { and, eq, isNull } from "drizzle-orm";
import { CERTIFICATE_PDF_OBJECT, certificateVerifyUrl } from "./links";

/**
 * Renders and stores a certificate's PDF unless it already has one. Storing is an atomic
 * overwrite of a fixed path, so two runs racing here (a retry overlapping a slow first
 * attempt) only write the same document twice; pdfPath is set after the object exists, so
 * a download never points at a missing file.
 */
export async function ensureCertificatePdf({
  db,
  store,
  edgeUrl,
  certificateId,
}: {
  db: Database;
  store: MediaStore;
  edgeUrl: string;
  certificateId: string;
}): Promise<"rendered" | "present"> {
  const [row] = await db
    .select({
      learnerName: certificates.learnerName,
      courseTitle: certificates.courseTitle,
      issuedAt: certificates.issuedAt,
      credential: certificates.credential,
      pdfPath: certificates.pdfPath,
    })
    .from(certificates)
    .where(eq(certificates.id, certificateId));
  if (!row) throw new Error(`certificate ${certificateId} does not exist`);
  if (row.pdfPath) return "present";

  const bytes = await renderCertificatePdf({
    learnerName: row.learnerName,
    courseTitle: row.courseTitle,
    issuedAt: row.issuedAt,
    // The issuer named on the signed credential, not today's setting: the PDF must match it.
    issuerName: issuerNameOf(row.credential),
    verifyUrl: certificateVerifyUrl(edgeUrl, certificateId),
    certificateId,
  });
  await store.put(certificateId, CERTIFICATE_PDF_OBJECT, bytes, "application/pdf");
  await db
    .update(certificates)
    .set({ pdfPath: CERTIFICATE_PDF_OBJECT, updatedAt: new Date() })
    .where(and(eq(certificates.id, certificateId), isNull(certificates.pdfPath)));
  return "rendered";
}

/** Reads the issuer's name out of our own stored VC-JWT (its signature was made by us). */
function issuerNameOf(jwt: string): string {
  const payload = jwt.split(".")[1] ?? "";
  const json: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  return openBadgeCredentialSchema.parse(json).issuer.name;
}
