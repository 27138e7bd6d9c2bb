import {
  CompactSign,
  type CryptoKey,
  compactVerify,
  decodeProtectedHeader,
  errors,
  importJWK,
} from "jose";
import type { PublicJwk } from "./jwk";
import { CREDENTIAL_ALG, type SigningKey } from "./signing-keys";

/** Protected header of a VC-JWT in the VC-JOSE-COSE style: the payload is the credential itself. */
export const CREDENTIAL_TYP = "vc+jwt";
export const CREDENTIAL_CTY = "vc";

/** Far above any real credential (~2 kB) or status list (~1 kB); stops a hostile token costing CPU. */
const MAX_JWT_LENGTH = 65_536;
const MAX_CACHED_KEYS = 64;

/**
 * The kid a signature names: `<issuer id>#<kid>`, a URL that resolves, in the issuer profile
 * served at the issuer id, to the verification method holding the public JWK (ADR 0008).
 * Certificates signed before issue 9 name the bare kid; both forms verify.
 */
export function keyUrl(issuerId: string, kid: string): string {
  return `${issuerId}#${kid}`;
}

export async function signJws(payload: unknown, key: SigningKey, issuerId: string) {
  return new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
    .setProtectedHeader({
      alg: CREDENTIAL_ALG,
      typ: CREDENTIAL_TYP,
      cty: CREDENTIAL_CTY,
      kid: keyUrl(issuerId, key.kid),
    })
    .sign(key.privateKey);
}

/**
 * Imported keys, by their public value rather than their kid: a kid reused for another key must
 * never hit a stale entry. Module scope, so a Worker isolate imports each key once.
 */
const importedKeys = new Map<string, Promise<CryptoKey>>();

function importPublicKey(jwk: PublicJwk): Promise<CryptoKey> {
  let key = importedKeys.get(jwk.x);
  if (!key) {
    if (importedKeys.size >= MAX_CACHED_KEYS) importedKeys.clear();
    const { kty, crv, x } = jwk;
    key = importJWK({ kty, crv, x }, CREDENTIAL_ALG);
    key.catch(() => importedKeys.delete(jwk.x));
    importedKeys.set(jwk.x, key);
  }
  return key;
}

export type JwsFailure = "malformed" | "unknown_key" | "bad_signature";

export type VerifiedJws =
  | {
      ok: true;
      /** The bare kid of the published key that signed. */
      kid: string;
      /** What the header's kid URL names before "#" (the issuer id); null for a bare kid. */
      kidBase: string | null;
      payload: unknown;
    }
  | { ok: false; reason: JwsFailure };

/**
 * Checks a compact JWS against the issuer's published keys and decodes its JSON payload. Pins
 * alg and typ rather than trusting the token, which rules out "none", HMAC and key confusion.
 */
export async function verifyJws(jwt: string, keys: readonly PublicJwk[]): Promise<VerifiedJws> {
  const fail = (reason: JwsFailure) => ({ ok: false, reason }) as const;
  if (typeof jwt !== "string" || jwt.length > MAX_JWT_LENGTH || jwt.split(".").length !== 3) {
    return fail("malformed");
  }
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(jwt);
  } catch {
    return fail("malformed");
  }
  if (
    header.alg !== CREDENTIAL_ALG ||
    header.typ !== CREDENTIAL_TYP ||
    typeof header.kid !== "string"
  ) {
    return fail("malformed");
  }
  const hash = header.kid.lastIndexOf("#");
  const kid = hash === -1 ? header.kid : header.kid.slice(hash + 1);
  const jwk = keys.find((k) => k.kid === kid);
  if (!jwk) return fail("unknown_key");

  let payload: Uint8Array;
  try {
    ({ payload } = await compactVerify(jwt, await importPublicKey(jwk), {
      algorithms: [CREDENTIAL_ALG],
    }));
  } catch (error) {
    return fail(
      error instanceof errors.JWSSignatureVerificationFailed ? "bad_signature" : "malformed",
    );
  }
  try {
    const json: unknown = JSON.parse(
      new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(payload),
    );
    return {
      ok: true,
      kid: jwk.kid,
      kidBase: hash === -1 ? null : header.kid.slice(0, hash),
      payload: json,
    };
  } catch {
    // Signed by a published key, so not garbage in transit: a payload that is not JSON.
    return { ok: true, kid: jwk.kid, kidBase: null, payload: undefined };
  }
}
