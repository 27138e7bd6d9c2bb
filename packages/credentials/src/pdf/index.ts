/**
 * Certificate PDF (Node only: pdf-lib, HarfBuzz and the fonts stay out of the Worker bundle).
 * `renderCertificatePdf` gives the page alone; the issuing path uses `issueCertificatePdf`, which
 * also attaches the signed credential and signs the file.
 */
import { type CertificatePdfInput, composeCertificatePdf } from "./render";

export { formatIssueDate } from "./format";
export { type CertificatePdfInput, composeCertificatePdf } from "./render";

/** The unsigned certificate PDF; the same input gives the same bytes. */
export async function renderCertificatePdf(input: CertificatePdfInput): Promise<Uint8Array> {
  const doc = await composeCertificatePdf(input);
  return doc.save({ useObjectStreams: false });
}
