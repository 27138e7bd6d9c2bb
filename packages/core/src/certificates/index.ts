/**
 * Certificates: issuing one per finished enrollment (a signed credential and its PDF),
 * the learner's own, revocation, and sending their state (and the status lists) to the edge.
 */
export { CERTIFICATE_NOT_FOUND } from "./access";
export { openCertificatePdf } from "./download-pdf";
export {
  certificateIdInput,
  courseCertificatesInput,
  type RevokeCertificateInput,
  revokeCertificateInput,
} from "./inputs";
export { type IssueDeps, type IssueOutcome, issueCertificate } from "./issue";
export type { CertificateIssuer, CertificateLinks, CertificateLogger } from "./issuer";
export { listMyCertificates } from "./mine";
export { type MovedFiles, moveLegacyCertificatePdfs } from "./move-legacy-pdfs";
export {
  publishStatusList,
  type StatusListMessage,
  type StatusListPublication,
} from "./publish-status-list";
export { pushCertificateToEdge } from "./push-to-edge";
export { type CertificateRequest, requestCertificate } from "./request";
export { revokeCertificate } from "./revoke";
export { certificateSummaryColumns, toCertificateSummary } from "./summary";
export type { CertificateSummary } from "./types";
export { withdrawHolderCertificates } from "./withdraw";
