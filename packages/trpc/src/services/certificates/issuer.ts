import type { IssuerProfile, SigningKey } from "@lumen/credentials";

/** Who signs certificates and with which key: built once per runner from its env. */
export interface CertificateIssuer {
  profile: IssuerProfile;
  key: SigningKey;
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
