import type { IssuerProfile, SigningKey } from "@lumen/credentials";
import type { DocumentSigner } from "@lumen/credentials/pdf";

/** Who signs certificates and with which keys: built once per runner from its env. */
export interface CertificateIssuer {
  profile: IssuerProfile;
  /** Signs the credential (VC-JWT). */
  key: SigningKey;
  /** Signs the PDF file (the issuer's document-signing certificate). */
  documentSigner: DocumentSigner;
}

/** Where issued certificates point: the edge's public URL and the SPA's origin. */
export interface CertificateLinks {
  /** The edge as browsers reach it (MediaContext.edgeUrl): the verification page's host. */
  edgeUrl: string;
  webOrigin: string;
}

export interface CertificateLogger {
  info(message: string, fields?: Record<string, unknown>): void;
}
