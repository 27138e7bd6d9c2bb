import type { CertificateIssuer } from "@lumen/core/certificates";
import { CredentialKeyError, importSigningKeys } from "@lumen/credentials";
import {
  DEV_DOCUMENT_SIGNING_CERT,
  DEV_DOCUMENT_SIGNING_FINGERPRINT,
  DEV_DOCUMENT_SIGNING_KEY,
} from "@lumen/credentials/dev-document-signer";
import {
  type DocumentSigner,
  DocumentSignerError,
  type DocumentSignerSpec,
  loadDocumentSigner,
} from "@lumen/credentials/pdf";
import type { ApiEnv } from "../env";

type IssuerEnv = Pick<
  ApiEnv,
  | "CREDENTIAL_SIGNING_KEYS"
  | "CREDENTIAL_SIGNING_KEY_ID"
  | "CREDENTIAL_ISSUER_ID"
  | "CREDENTIAL_ISSUER_NAME"
  | "WEB_ORIGIN"
  | "LUMEN_ENV"
  | "DOCUMENT_SIGNING_CERT"
  | "DOCUMENT_SIGNING_KEY"
  | "DOCUMENT_SIGNING_P12"
  | "DOCUMENT_SIGNING_P12_PASSWORD"
>;

export class CertificateIssuerError extends Error {
  override name = "CertificateIssuerError";
}

/**
 * Imports the signing key (WebCrypto, async) and describes the issuer, once per runner. A key
 * that cannot be used stops start-up with a message naming the variable and the kid — the
 * key errors of @lumen/credentials never quote key material, and nothing else is passed on.
 */
export async function loadCertificateIssuer(env: IssuerEnv): Promise<CertificateIssuer> {
  const documentSigner = loadIssuerDocumentSigner(env);
  try {
    const ring = await importSigningKeys(
      env.CREDENTIAL_SIGNING_KEYS,
      env.CREDENTIAL_SIGNING_KEY_ID,
    );
    return {
      documentSigner,
      key: ring.current,
      profile: {
        id: env.CREDENTIAL_ISSUER_ID,
        name: env.CREDENTIAL_ISSUER_NAME,
        url: env.WEB_ORIGIN,
      },
    };
  } catch (error) {
    const reason =
      error instanceof CredentialKeyError ? error.message : "the key could not be imported";
    throw new CertificateIssuerError(`CREDENTIAL_SIGNING_KEYS: ${reason}`);
  }
}

/**
 * The certificate that signs PDFs: from DOCUMENT_SIGNING_P12 or the PEM pair, else the committed
 * development one — which production refuses, being public (checked by fingerprint, so it is
 * refused however it is passed in).
 */
function loadIssuerDocumentSigner(env: IssuerEnv): DocumentSigner {
  const variable = env.DOCUMENT_SIGNING_P12 ? "DOCUMENT_SIGNING_P12" : "DOCUMENT_SIGNING_CERT";
  const spec: DocumentSignerSpec = env.DOCUMENT_SIGNING_P12
    ? { pkcs12Base64: env.DOCUMENT_SIGNING_P12, password: env.DOCUMENT_SIGNING_P12_PASSWORD ?? "" }
    : {
        certificatePem: env.DOCUMENT_SIGNING_CERT ?? DEV_DOCUMENT_SIGNING_CERT,
        privateKeyPem: env.DOCUMENT_SIGNING_KEY ?? DEV_DOCUMENT_SIGNING_KEY,
      };
  let signer: DocumentSigner;
  try {
    signer = loadDocumentSigner(spec);
  } catch (error) {
    const reason = error instanceof DocumentSignerError ? error.message : "it could not be read";
    throw new CertificateIssuerError(`${variable}: ${reason}`);
  }
  if (env.LUMEN_ENV === "production" && signer.fingerprint === DEV_DOCUMENT_SIGNING_FINGERPRINT) {
    throw new CertificateIssuerError(
      `${variable}: the development document-signing certificate is public and refused in production`,
    );
  }
  return signer;
}
