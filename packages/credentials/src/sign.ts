import { type OpenBadgeCredential, openBadgeCredentialSchema } from "./credential";
import { signJws } from "./jws";
import { registeredClaims } from "./jwt-claims";
import type { SigningKey } from "./signing-keys";

export { CREDENTIAL_CTY, CREDENTIAL_TYP, keyUrl } from "./jws";

/**
 * Signs the credential as a VC-JWT: the credential is the payload, with the registered claims
 * (iss, jti, nbf, exp) beside it, and the header's kid is a URL naming the key in the issuer
 * profile. Refuses a credential that verification would reject.
 */
export async function signCredential(
  credential: OpenBadgeCredential,
  key: SigningKey,
): Promise<string> {
  const payload = openBadgeCredentialSchema.parse(credential);
  return signJws({ ...payload, ...registeredClaims(payload) }, key, payload.issuer.id);
}
