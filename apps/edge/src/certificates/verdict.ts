import {
  type CertificateRecord,
  isWithdrawn,
  type PublicJwk,
  type StatusListEntry,
  verifyCredential,
  WITHDRAWN_REASON,
  type WithdrawnRecord,
} from "@lumen/credentials";
import type { CertificateVerification } from "./types";

export interface IssuerTrust {
  /** The published keys (ISSUER_KEYS): old ones stay so rotated-out credentials still verify. */
  keys: readonly PublicJwk[];
  issuerId: string;
}

/** Whether a credential's status list entry is set; null when the list cannot be read. */
export type StatusListReader = (entry: StatusListEntry) => Promise<boolean | null>;

/**
 * Judges a stored record at `checkedAt`. The signature, issuer, claims, the credential's own id
 * and its start date are checked first: a record that fails any of them is "invalid" whatever
 * else it says, so neither a tampered credential nor one copied under another certificate's id
 * can ever read as valid or revoked. Then "revoked" if the record or the published status list
 * says so (both come from the same revocation; whichever reached this data centre first wins,
 * so this answer never says "valid" while the list verifiers download says "revoked"), then
 * "expired" past its validUntil, else "valid".
 */
export async function verificationOf(
  record: CertificateRecord,
  trust: IssuerTrust,
  checkedAt: string,
  statusList?: StatusListReader,
): Promise<CertificateVerification> {
  if (isWithdrawn(record)) return withdrawnVerification(record, checkedAt);
  const result = await verifyCredential(record.credential, trust.keys, {
    issuerId: trust.issuerId,
    certificateId: record.id,
    now: new Date(checkedAt),
  });
  const base = { id: record.id, checkedAt, credential: record.credential };
  if (!("summary" in result)) {
    return {
      ...base,
      status: "invalid",
      reason: result.reason,
      certificate: null,
      revocation: null,
      keyId: null,
      statusList: null,
    };
  }
  const { summary, credential } = result;
  const entry = credential.credentialStatus;
  const listSaysRevoked = entry && statusList ? await statusList(entry) : null;
  const revoked = record.revokedAt !== null || listSaysRevoked === true;
  const status = revoked ? "revoked" : result.valid ? "valid" : "expired";
  return {
    ...base,
    status,
    reason: status === "valid" ? null : status,
    certificate: {
      learnerName: summary.learnerName,
      courseTitle: summary.courseTitle,
      courseId: summary.courseId,
      issuedAt: summary.issuedAt,
      validUntil: summary.validUntil,
      issuer: { id: summary.issuerId, name: summary.issuerName },
    },
    revocation:
      record.revokedAt !== null
        ? { revokedAt: record.revokedAt, reason: record.revokedReason }
        : null,
    keyId: result.kid,
    statusList: entry
      ? { url: entry.statusListCredential, index: Number(entry.statusListIndex) }
      : null,
  };
}

/**
 * A certificate withdrawn at its holder's request: revoked, and nothing about who held it or
 * what it certified (ADR 0027). Its status list bit stays set for verifiers who read the list.
 */
function withdrawnVerification(
  record: WithdrawnRecord,
  checkedAt: string,
): CertificateVerification {
  return {
    id: record.id,
    checkedAt,
    status: "revoked",
    reason: "withdrawn",
    certificate: null,
    revocation: { revokedAt: record.withdrawnAt, reason: WITHDRAWN_REASON },
    keyId: null,
    statusList: null,
    credential: null,
  };
}
