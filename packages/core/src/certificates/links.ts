/** Where a certificate can be seen: its public page at the edge and its PDF behind the API. */

/** The edge's human verification page: what the QR code opens and the PDF prints. */
export function certificateVerifyUrl(edgeUrl: string, certificateId: string): string {
  return `${edgeUrl.replace(/\/+$/, "")}/certificates/${certificateId}`;
}

/** Same-origin API path of the PDF download (apps/api routes/certificates.ts). */
export function certificatePdfUrl(certificateId: string): string {
  return `/api/certificates/${certificateId}/pdf`;
}

/** The course page in the SPA: the achievement's criteria link in the credential. */
export function courseUrl(webOrigin: string, slug: string): string {
  return `${webOrigin.replace(/\/+$/, "")}/courses/${encodeURIComponent(slug)}`;
}
