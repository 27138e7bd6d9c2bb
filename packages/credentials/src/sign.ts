import { CompactSign } from "jose";
import { type OpenBadgeCredential, openBadgeCredentialSchema } from "./credential";
import { CREDENTIAL_ALG, type SigningKey } from "./signing-keys";

/** Protected header of a VC-JWT in the VC-JOSE-COSE style: the payload is the credential itself. */
export const CREDENTIAL_TYP = "vc+jwt";
export const CREDENTIAL_CTY = "vc";

/** Signs the credential as a compact JWS. Refuses a credential that verification would reject. */
export async function signCredential(
  credential: OpenBadgeCredential,
  key: SigningKey,
): Promise<string> {
  const payload = openBadgeCredentialSchema.parse(credential);
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({
      alg: CREDENTIAL_ALG,
      typ: CREDENTIAL_TYP,
      cty: CREDENTIAL_CTY,
      kid: key.kid,
    })
    .sign(key.privateKey);
}
