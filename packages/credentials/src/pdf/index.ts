/**
 * Certificate PDF (Node only: pdf-lib, HarfBuzz and the fonts stay out of the Worker bundle).
 * `renderCertificatePdf` gives the page alone; the issuing path uses `issueCertificatePdf`, which
 * also attaches the signed credential and signs the file.
 */
import { type CertificatePdfInput, composeCertificatePdf } from "./render";
import { attachCredential, type CredentialFiles } from "./sign/attach-credential";
import type { DocumentSigner } from "./sign/document-signer";
import { signPdf } from "./sign/sign-pdf";

export { formatIssueDate } from "./format";
export { type CertificatePdfInput, composeCertificatePdf } from "./render";

/** The unsigned certificate PDF; the same input gives the same bytes. */
export async function renderCertificatePdf(input: CertificatePdfInput): Promise<Uint8Array> {
  const doc = await composeCertificatePdf(input);
  return doc.save({ useObjectStreams: false });
}

export { CREDENTIAL_JSON_FILE, CREDENTIAL_JWT_FILE } from "./sign/attach-credential";
export {
  type DocumentSigner,
  DocumentSignerError,
  type DocumentSignerSpec,
  loadDocumentSigner,
} from "./sign/document-signer";

/**
 * The certificate as issued: the page, the signed credential attached (credential.jwt and
 * credential.json), and the whole file signed with the issuer's document-signing certificate.
 */
export async function issueCertificatePdf(
  input: CertificatePdfInput & {
    credential: CredentialFiles;
    signer: DocumentSigner;
    signedAt: Date;
    issuerUrl: string;
  },
): Promise<Uint8Array> {
  const doc = await composeCertificatePdf(input);
  attachCredential(doc, input.credential, input.issuedAt);
  return signPdf(doc, input.signer, {
    name: input.issuerName,
    reason: `Certificate of completion ${input.certificateId} issued by ${input.issuerName}`,
    location: input.issuerUrl,
    contactInfo: input.verifyUrl,
    signedAt: input.signedAt,
  });
}
