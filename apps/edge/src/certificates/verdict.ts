import { type CertificateRecord, type PublicJwk, verifyCredential } from "@lumen/credentials";
import type { CertificateVerification } from "./types";

export interface IssuerTrust {
  /** The published keys (ISSUER_KEYS): old ones stay so rotated-out credentials still verify. */
  keys: readonly PublicJwk[];
  issuerId: string;
}

/**
 * Judges a stored record. The signature, issuer and the credential's own id are checked first:
 * a record that fails any of them is "invalid" whatever else it says, so neither a tampered
 * credential nor one copied under another certificate's id can ever read as valid or revoked.
 */
export async function verificationOf(
  record: CertificateRecord,
  trust: IssuerTrust,
  checkedAt: string,
): Promise<CertificateVerification> {
  const result = await verifyCredential(record.credential, trust.keys, {
    issuerId: trust.issuerId,
    certificateId: record.id,
  });
  const base = { id: record.id, checkedAt, credential: record.credential };
  if (!result.valid) {
    return {
      ...base,
      status: "invalid",
      reason: result.reason,
      certificate: null,
      revocation: null,
      keyId: null,
    };
  }
  const { summary } = result;
  const revoked = record.revokedAt !== null;
  return {
    ...base,
    status: revoked ? "revoked" : "valid",
    reason: revoked ? "revoked" : null,
    certificate: {
      learnerName: summary.learnerName,
      courseTitle: summary.courseTitle,
      courseId: summary.courseId,
      issuedAt: summary.issuedAt,
      issuer: { id: summary.issuerId, name: summary.issuerName },
    },
    revocation:
      record.revokedAt !== null
        ? { revokedAt: record.revokedAt, reason: record.revokedReason }
        : null,
    keyId: result.kid,
  };
}
