import {
  courseIdOf,
  credentialId,
  type OpenBadgeCredential,
  openBadgeCredentialSchema,
} from "./credential";
import type { PublicJwk } from "./jwk";
import { type JwsFailure, verifyJws } from "./jws";
import { claimsAgree, validityAt } from "./jwt-claims";

export type VerifyFailure = JwsFailure | "wrong_issuer" | "bad_claims" | "not_yet_valid";

export interface CredentialSummary {
  certificateId: string;
  learnerName: string;
  courseTitle: string;
  courseId: string;
  /** ISO date-time (the credential's validFrom). */
  issuedAt: string;
  /** ISO date-time after which it is expired; null when it never expires. */
  validUntil: string | null;
  issuerName: string;
  issuerId: string;
}

/** A credential whose signature, issuer and claims all held. */
interface Checked {
  kid: string;
  credential: OpenBadgeCredential;
  summary: CredentialSummary;
}

/**
 * `valid` only for a checked credential inside its validity period. An expired one is checked
 * too (its facts are the issuer's), so it carries them; any other failure carries nothing.
 */
export type VerifyResult =
  | ({ valid: true } & Checked)
  | ({ valid: false; reason: "expired" } & Checked)
  | { valid: false; reason: VerifyFailure };

const fail = (reason: VerifyFailure): VerifyResult => ({ valid: false, reason });

/**
 * Verifies a VC-JWT against the issuer's published keys at `expected.now` (default: now).
 * Never throws for bad input: every problem with the token maps to a reason, and only a checked
 * credential is ever `valid`. A credential that is not yet valid is `invalid` (nobody should
 * rely on it yet); one past its validUntil is `expired`.
 */
export async function verifyCredential(
  jwt: string,
  keys: readonly PublicJwk[],
  expected: { issuerId: string; certificateId?: string; now?: Date },
): Promise<VerifyResult> {
  const jws = await verifyJws(jwt, keys);
  if (!jws.ok) return fail(jws.reason);

  const credential = openBadgeCredentialSchema.safeParse(jws.payload).data;
  if (!credential) return fail("bad_claims");
  if (credential.issuer.id !== expected.issuerId) return fail("wrong_issuer");
  // A kid URL must name the key under this issuer's profile, as the credential's issuer says.
  if (jws.kidBase !== null && jws.kidBase !== credential.issuer.id) return fail("bad_claims");
  if (!claimsAgree(jws.payload, credential)) return fail("bad_claims");
  if (
    expected.certificateId !== undefined &&
    credential.id.toLowerCase() !== credentialId(expected.certificateId).toLowerCase()
  ) {
    return fail("bad_claims");
  }
  const checked = { kid: jws.kid, credential, summary: summarize(credential) };
  const validity = validityAt(credential, expected.now ?? new Date());
  if (validity === "not_yet_valid") return fail("not_yet_valid");
  if (validity === "expired") return { valid: false, reason: "expired", ...checked };
  return { valid: true, ...checked };
}

export function summarize(credential: OpenBadgeCredential): CredentialSummary {
  const { achievement } = credential.credentialSubject;
  return {
    certificateId: credential.id.slice("urn:uuid:".length),
    learnerName: credential.credentialSubject.name,
    courseTitle: achievement.name,
    courseId: courseIdOf(achievement),
    issuedAt: credential.validFrom,
    validUntil: credential.validUntil ?? null,
    issuerName: credential.issuer.name,
    issuerId: credential.issuer.id,
  };
}
