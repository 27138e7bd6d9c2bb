import { type CryptoKey, compactVerify, decodeProtectedHeader, errors, importJWK } from "jose";
import {
  courseIdOf,
  credentialId,
  type OpenBadgeCredential,
  openBadgeCredentialSchema,
} from "./credential";
import type { PublicJwk } from "./jwk";
import { CREDENTIAL_TYP } from "./sign";
import { CREDENTIAL_ALG } from "./signing-keys";

export type VerifyFailure =
  | "malformed"
  | "unknown_key"
  | "bad_signature"
  | "wrong_issuer"
  | "bad_claims";

export interface CredentialSummary {
  certificateId: string;
  learnerName: string;
  courseTitle: string;
  courseId: string;
  /** ISO date-time (the credential's validFrom). */
  issuedAt: string;
  issuerName: string;
  issuerId: string;
}

export type VerifyResult =
  | { valid: true; kid: string; credential: OpenBadgeCredential; summary: CredentialSummary }
  | { valid: false; reason: VerifyFailure };

/** Far above any real credential (~1.5 kB); stops a hostile token from costing CPU. */
const MAX_JWT_LENGTH = 32_768;
const MAX_CACHED_KEYS = 64;

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

const fail = (reason: VerifyFailure): VerifyResult => ({ valid: false, reason });

/**
 * Verifies a VC-JWT against the issuer's published keys. Never throws for bad input: every
 * problem with the token maps to a reason, and only a checked credential is ever `valid`.
 */
export async function verifyCredential(
  jwt: string,
  keys: readonly PublicJwk[],
  expected: { issuerId: string; certificateId?: string },
): Promise<VerifyResult> {
  if (typeof jwt !== "string" || jwt.length > MAX_JWT_LENGTH || jwt.split(".").length !== 3) {
    return fail("malformed");
  }
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(jwt);
  } catch {
    return fail("malformed");
  }
  // Pinning alg and typ here (not trusting the token) rules out "none", HMAC and key confusion.
  if (
    header.alg !== CREDENTIAL_ALG ||
    header.typ !== CREDENTIAL_TYP ||
    typeof header.kid !== "string"
  ) {
    return fail("malformed");
  }
  const jwk = keys.find((k) => k.kid === header.kid);
  if (!jwk) return fail("unknown_key");

  let payload: Uint8Array;
  try {
    const key = await importPublicKey(jwk);
    ({ payload } = await compactVerify(jwt, key, { algorithms: [CREDENTIAL_ALG] }));
  } catch (error) {
    return fail(
      error instanceof errors.JWSSignatureVerificationFailed ? "bad_signature" : "malformed",
    );
  }

  const credential = parseCredential(payload);
  if (!credential) return fail("bad_claims");
  if (credential.issuer.id !== expected.issuerId) return fail("wrong_issuer");
  if (
    expected.certificateId !== undefined &&
    credential.id.toLowerCase() !== credentialId(expected.certificateId).toLowerCase()
  ) {
    return fail("bad_claims");
  }
  return { valid: true, kid: jwk.kid, credential, summary: summarize(credential) };
}

function parseCredential(payload: Uint8Array): OpenBadgeCredential | undefined {
  try {
    const json: unknown = JSON.parse(
      new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(payload),
    );
    return openBadgeCredentialSchema.safeParse(json).data;
  } catch {
    return undefined;
  }
}

export function summarize(credential: OpenBadgeCredential): CredentialSummary {
  const { achievement } = credential.credentialSubject;
  return {
    certificateId: credential.id.slice("urn:uuid:".length),
    learnerName: credential.credentialSubject.name,
    courseTitle: achievement.name,
    courseId: courseIdOf(achievement),
    issuedAt: credential.validFrom,
    issuerName: credential.issuer.name,
    issuerId: credential.issuer.id,
  };
}
