import { openBadgeCredentialSchema } from "@lumen/credentials";
import { issueCertificatePdf } from "@lumen/credentials/pdf";
import { certificates, type Database } from "@lumen/db";
import type { MediaStore } from "@lumen/media";
import { and, eq, isNull } from "drizzle-orm";
import { textLocale } from "../i18n";
import type { CertificateIssuer } from "./issuer";
import { certificateVerifyUrl } from "./links";
import { certificatePdfFile, certificatePdfKey } from "./pdf-file";

/**
 * Renders, signs and stores a certificate's PDF unless it already has one. The PDF carries the
 * signed credential as attachments and is signed with the issuer's document-signing certificate. Storing is an atomic
 * overwrite of a fixed key (`certificates/<id>.pdf`), so two runs racing here (a retry overlapping a slow first
 * attempt) only write the same document twice; pdfPath is set after the object exists, so
 * a download never points at a missing file.
 */
export async function ensureCertificatePdf({
  db,
  store,
  edgeUrl,
  certificateId,
  issuer,
}: {
  db: Database;
  store: MediaStore;
  edgeUrl: string;
  certificateId: string;
  issuer: Pick<CertificateIssuer, "documentSigner">;
}): Promise<"rendered" | "present" | "withdrawn"> {
  const [row] = await db
    .select({
      learnerName: certificates.learnerName,
      courseTitle: certificates.courseTitle,
      issuedAt: certificates.issuedAt,
      locale: certificates.locale,
      credential: certificates.credential,
      pdfPath: certificates.pdfPath,
    })
    .from(certificates)
    .where(eq(certificates.id, certificateId));
  if (!row) throw new Error(`certificate ${certificateId} does not exist`);
  if (row.pdfPath) return "present";
  // Withdrawn at the holder's request (ADR 0027): its credential and name are gone, no PDF.
  if (row.credential === null) return "withdrawn";

  // The issuer named on the signed credential, not today's setting: the PDF must match it. The
  // attached JSON is the credential alone, without the JWT's registered claims (iss, jti, nbf).
  const credential = openBadgeCredentialSchema.parse(payloadOf(row.credential));
  const { issuer: named } = credential;
  const bytes = await issueCertificatePdf({
    learnerName: row.learnerName,
    courseTitle: row.courseTitle,
    issuedAt: row.issuedAt,
    locale: textLocale(row.locale),
    issuerName: named.name,
    issuerUrl: named.url ?? named.id,
    verifyUrl: certificateVerifyUrl(edgeUrl, certificateId),
    certificateId,
    credential: { jwt: row.credential, json: credential },
    signer: issuer.documentSigner,
    signedAt: new Date(),
  });
  await store.putFile(certificatePdfFile(certificateId), bytes, "application/pdf");
  const recorded = await db
    .update(certificates)
    .set({ pdfPath: certificatePdfKey(certificateId), updatedAt: new Date() })
    .where(
      and(
        eq(certificates.id, certificateId),
        isNull(certificates.pdfPath),
        isNull(certificates.withdrawnAt),
      ),
    )
    .returning({ id: certificates.id });
  if (recorded.length === 0) {
    // Withdrawn while it rendered: its retirement already deleted the PDFs it knew of.
    const [now] = await db
      .select({ withdrawnAt: certificates.withdrawnAt })
      .from(certificates)
      .where(eq(certificates.id, certificateId));
    if (now?.withdrawnAt) {
      await store.deleteFile(certificatePdfFile(certificateId));
      return "withdrawn";
    }
  }
  return "rendered";
}

/** The JSON payload of our own stored VC-JWT (its signature was made by us). */
function payloadOf(jwt: string): unknown {
  const payload = jwt.split(".")[1] ?? "";
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
}
