import { OB_V3_CONTEXT, VC_V2_CONTEXT } from "./credential";
import type { PublicJwk } from "./jwk";
import { keyUrl } from "./jws";

/** Controlled Identifiers 1.0: the vocabulary of verificationMethod, JsonWebKey, publicKeyJwk. */
export const CID_V1_CONTEXT = "https://www.w3.org/ns/cid/v1";

/**
 * The document served at the issuer id: its Open Badges 3.0 Profile, which is also a controlled
 * identifier document listing every published key as a JsonWebKey verification method with id
 * `<issuer id>#<kid>` — the kid every new credential names. A verifier dereferencing that kid
 * (VC-JOSE-COSE, OB 3.0 §8.2) fetches this document and takes `publicKeyJwk` from the entry.
 */
export function issuerProfileDocument(
  issuer: { id: string; name: string; url: string },
  keys: readonly PublicJwk[],
) {
  const methods = keys.map(({ kty, crv, x, kid }) => ({
    id: keyUrl(issuer.id, kid),
    type: "JsonWebKey",
    controller: issuer.id,
    publicKeyJwk: { kty, crv, x },
  }));
  return {
    "@context": [VC_V2_CONTEXT, OB_V3_CONTEXT, CID_V1_CONTEXT],
    id: issuer.id,
    type: ["Profile"],
    name: issuer.name,
    url: issuer.url,
    verificationMethod: methods,
    assertionMethod: methods.map((m) => m.id),
  };
}
