import { CredentialKeyError, importSigningKeys } from "@lumen/credentials";
import type { CertificateIssuer } from "@lumen/trpc/services/certificates/issuer";
import type { ApiEnv } from "../env";

type IssuerEnv = Pick<
  ApiEnv,
  | "CREDENTIAL_SIGNING_KEYS"
  | "CREDENTIAL_SIGNING_KEY_ID"
  | "CREDENTIAL_ISSUER_ID"
  | "CREDENTIAL_ISSUER_NAME"
  | "WEB_ORIGIN"
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
  try {
    const ring = await importSigningKeys(
      env.CREDENTIAL_SIGNING_KEYS,
      env.CREDENTIAL_SIGNING_KEY_ID,
    );
    return {
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
