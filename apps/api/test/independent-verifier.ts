import { decodeJWT, verifyJWS } from "did-jwt";
import { z } from "zod";

/**
 * A VC-JWT verifier that shares no code with @lumen/credentials, for interop tests: did-jwt
 * (decentralized-identity, @noble/curves Ed25519) decodes the token and checks the signature;
 * the key comes from dereferencing the header's kid URL over HTTP, as an outside verifier does
 * (VC-JOSE-COSE: the kid names a verification method in the issuer's controlled identifier
 * document, which is the document at the issuer id).
 *
 * did-jwt's own verifyJWT (and so did-jwt-vc and Veramo) cannot be used whole: it resolves
 * `iss` with did-resolver, which only accepts `did:` identifiers, and our issuer id is an https
 * URL. Its verifyJWS takes the resolved verification method instead.
 */
const profileShape = z.object({
  id: z.string(),
  verificationMethod: z.array(
    z.object({
      id: z.string(),
      type: z.string(),
      controller: z.string(),
      publicKeyJwk: z.object({ kty: z.string(), crv: z.string(), x: z.string() }),
    }),
  ),
});

export async function verifyVcJwtIndependently(jwt: string) {
  const { header, payload } = decodeJWT(jwt);
  if (header.alg !== "EdDSA" || String(header.typ) !== "vc+jwt" || typeof header.kid !== "string") {
    throw new Error(`unexpected JOSE header ${JSON.stringify(header)}`);
  }
  const kid = header.kid;
  const profileUrl = kid.split("#")[0] ?? "";
  const res = await fetch(profileUrl);
  if (!res.ok) throw new Error(`kid ${kid} does not resolve: ${res.status}`);
  const profile = profileShape.parse(await res.json());
  const method = profile.verificationMethod.find((m) => m.id === kid);
  if (!method) throw new Error(`no verification method ${kid} at ${profileUrl}`);
  if (profile.id !== payload.iss || method.controller !== payload.iss) {
    throw new Error(`the key at ${kid} is not controlled by iss ${payload.iss}`);
  }
  verifyJWS(jwt, method); // throws "invalid_signature" when the signature does not hold
  const now = Date.now() / 1000;
  if (typeof payload.nbf !== "number" || payload.nbf > now + 60) throw new Error("not yet valid");
  if (typeof payload.exp === "number" && payload.exp < now - 60) throw new Error("expired");
  return { kid, payload: payload as Record<string, unknown> & { iss: string; jti?: string } };
}
