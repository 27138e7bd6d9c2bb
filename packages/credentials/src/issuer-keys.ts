import { z } from "zod";
import { CredentialKeyError } from "./errors";
import {
  hasPrivateMembers,
  jwkShape,
  type PublicJwk,
  parseJson,
  rejectDuplicates,
  toPublicJwk,
} from "./jwk";

const jwksShape = z.object({ keys: z.array(z.unknown()) });

/**
 * Parses the issuer's public keys (a JWKS, as served at /.well-known/jwks.json, or a bare array).
 * Private members are refused rather than stripped: a secret pasted into a public setting is a
 * mistake the operator must hear about, not one to hide.
 */
export function parseIssuerKeys(json: string): PublicJwk[] {
  const what = "issuer public keys";
  const parsed = parseJson(json, what);
  const list = Array.isArray(parsed) ? parsed : jwksShape.safeParse(parsed).data?.keys;
  if (!list) throw new CredentialKeyError(`${what} must be a JWKS ({ "keys": [...] })`);
  if (list.length === 0) throw new CredentialKeyError(`${what} must contain at least one key`);
  const keys = list.map((entry, index) => {
    const jwk = jwkShape.safeParse(entry);
    if (!jwk.success) throw new CredentialKeyError(`${what}: key #${index + 1} is not a JWK`);
    if (hasPrivateMembers(jwk.data)) {
      throw new CredentialKeyError(
        `${what}: key #${index + 1} contains private key material; publish only public keys`,
      );
    }
    return toPublicJwk(jwk.data, index);
  });
  rejectDuplicates(keys, what);
  return keys;
}

/** The document served at /.well-known/jwks.json: public members only, whatever was passed in. */
export function issuerJwks(keys: readonly PublicJwk[]): { keys: PublicJwk[] } {
  return {
    keys: keys.map(({ kty, crv, x, kid }) => ({ kty, crv, x, kid, alg: "EdDSA", use: "sig" })),
  };
}
