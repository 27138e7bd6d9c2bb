import { importSigningKeys } from "@lumen/credentials";
import {
  DEV_DOCUMENT_SIGNING_CERT,
  DEV_DOCUMENT_SIGNING_KEY,
} from "@lumen/credentials/dev-document-signer";
import {
  DEV_ISSUER_ID,
  DEV_ISSUER_KID,
  DEV_ISSUER_NAME,
  DEV_ISSUER_SIGNING_KEYS,
} from "@lumen/credentials/dev-keys";
import { loadDocumentSigner } from "@lumen/credentials/pdf";

/** The development issuer (the API's default), as the job runner would load it. */
export async function createTestCertificateIssuer(webOrigin = "http://localhost:5173") {
  const ring = await importSigningKeys(DEV_ISSUER_SIGNING_KEYS, DEV_ISSUER_KID);
  return {
    key: ring.current,
    profile: { id: DEV_ISSUER_ID, name: DEV_ISSUER_NAME, url: webOrigin },
    documentSigner: loadDocumentSigner({
      certificatePem: DEV_DOCUMENT_SIGNING_CERT,
      privateKeyPem: DEV_DOCUMENT_SIGNING_KEY,
    }),
  };
}
