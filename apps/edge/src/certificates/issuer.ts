import { OB_V3_CONTEXT, VC_V2_CONTEXT } from "@lumen/credentials";

/**
 * The issuer's Open Badges 3.0 Profile, served so that a verifier dereferencing `issuer.id`
 * finds who signed. The keys themselves are at /.well-known/jwks.json.
 */
export function issuerProfile(issuer: { id: string; name: string }) {
  return {
    "@context": [VC_V2_CONTEXT, OB_V3_CONTEXT],
    id: issuer.id,
    type: ["Profile"],
    name: issuer.name,
    url: new URL(issuer.id).origin,
  };
}
