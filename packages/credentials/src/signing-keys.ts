import {
  CompactSign,
  type CryptoKey,
  compactVerify,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
} from "jose";
import { CredentialKeyError } from "./errors";
import {
  assertKid,
  describeKey,
  isPrivatePart,
  jwkShape,
  type PublicJwk,
  parseJson,
  rejectDuplicates,
  toPublicJwk,
} from "./jwk";

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
}

export interface SigningKeyRing {
  /** Signs new credentials. */
  current: SigningKey;
  /** Every key in the spec, including retired ones, so old credentials stay verifiable. */
  publicKeys: PublicJwk[];
}

export const CREDENTIAL_ALG = "EdDSA";

/** One private key of the spec, read but not imported. */
export interface SigningKeyEntry {
  publicJwk: PublicJwk;
  /** The private part, base64url. */
  d: string;
}

const SIGNING_KEYS = "issuer signing keys";

/**
 * Reads the issuer's private key spec — a JSON array of private Ed25519 JWKs, each with a
 * `kid` — without importing anything (synchronous): shape, kids, duplicates. The one parser
 * of that spec: start-up checks use it through signingKeyIds, importSigningKeys through here.
 * Throws CredentialKeyError, which names keys by kid or position only, never by their values.
 */
export function parseSigningKeys(spec: string): SigningKeyEntry[] {
  const parsed = parseJson(spec, SIGNING_KEYS);
  if (!Array.isArray(parsed) || parsed.length === 0) {
    throw new CredentialKeyError(`${SIGNING_KEYS} must be a JSON array of private Ed25519 JWKs`);
  }
  const entries = parsed.map((entry, index) => {
    const jwk = jwkShape.safeParse(entry);
    if (!jwk.success) {
      throw new CredentialKeyError(`${SIGNING_KEYS}: key #${index + 1} is not a JWK`);
    }
    const publicJwk = toPublicJwk(jwk.data, index);
    if (!isPrivatePart(jwk.data.d)) {
      throw new CredentialKeyError(
        `${SIGNING_KEYS}: ${describeKey(jwk.data, index)} needs its private part "d" (32 bytes in base64url)`,
      );
    }
    return { publicJwk, d: jwk.data.d };
  });
  rejectDuplicates(
    entries.map((e) => e.publicJwk),
    SIGNING_KEYS,
  );
  return entries;
}

/** The kids of a signing key spec, in order; throws as parseSigningKeys does. */
export function signingKeyIds(spec: string): string[] {
  return parseSigningKeys(spec).map((entry) => entry.publicJwk.kid);
}

/**
 * Imports the issuer's private keys (parseSigningKeys). Only `currentKid` signs; the others
 * are kept for their public halves after a rotation.
 */
export async function importSigningKeys(spec: string, currentKid: string): Promise<SigningKeyRing> {
  const entries = parseSigningKeys(spec);
  const publicKeys = entries.map((e) => e.publicJwk);
  const current = entries.find((e) => e.publicJwk.kid === currentKid);
  if (!current)
    throw new CredentialKeyError(`${SIGNING_KEYS}: the current key "${currentKid}" is not listed`);
  const privateKey = await importPrivate(current.publicJwk, current.d);
  await assertPairMatches(privateKey, current.publicJwk);
  return { current: { kid: currentKid, privateKey }, publicKeys };
}

async function importPrivate(publicJwk: PublicJwk, d: string): Promise<CryptoKey> {
  try {
    const { kty, crv, x } = publicJwk;
    return await importJWK({ kty, crv, x, d }, CREDENTIAL_ALG, { extractable: false });
  } catch {
    // Node refuses a mismatched pair at import; other runtimes only fail the check below.
    throw new CredentialKeyError(
      `key "${publicJwk.kid}" is not a usable Ed25519 pair ("d" does not belong to "x")`,
    );
  }
}

/** A `d` that does not belong to `x` would sign credentials that nobody can verify. */
async function assertPairMatches(privateKey: CryptoKey, publicJwk: PublicJwk): Promise<void> {
  const probe = new TextEncoder().encode("lumen key check");
  const jws = await new CompactSign(probe)
    .setProtectedHeader({ alg: CREDENTIAL_ALG })
    .sign(privateKey);
  try {
    await compactVerify(jws, await importJWK(publicJwk, CREDENTIAL_ALG));
  } catch {
    throw new CredentialKeyError(
      `key "${publicJwk.kid}" is not a usable Ed25519 pair ("d" does not belong to "x")`,
    );
  }
}

/** A fresh issuer key: the private JWK goes into the secret, the public one into the JWKS. */
export async function generateIssuerKey(
  kid: string,
): Promise<{ privateJwk: JWK & { kid: string }; publicJwk: PublicJwk }> {
  assertKid(kid);
  const { privateKey } = await generateKeyPair("Ed25519", { extractable: true });
  const jwk = await exportJWK(privateKey);
  if (typeof jwk.x !== "string" || typeof jwk.d !== "string") {
    throw new CredentialKeyError("the runtime exported an incomplete Ed25519 key");
  }
  const publicJwk: PublicJwk = {
    kty: "OKP",
    crv: "Ed25519",
    x: jwk.x,
    kid,
    alg: "EdDSA",
    use: "sig",
  };
  return { privateJwk: { ...publicJwk, d: jwk.d }, publicJwk };
}
