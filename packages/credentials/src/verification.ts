import { z } from "zod";
import type { VerifyFailure } from "./verify";

// Every VerifyFailure must be listed: verdict.ts stops compiling when one is missing.
const VERIFY_FAILURES = [
  "malformed",
  "unknown_key",
  "bad_signature",
  "wrong_issuer",
  "bad_claims",
  "not_yet_valid",
] as const satisfies readonly VerifyFailure[];

/**
 * The public answer of `GET /certificates/:id/verify` (DESIGN.md §4). Keep its shape stable:
 * employers' tools read it. `certificate` is only filled from a credential whose signature,
 * issuer and claims checked out, so an invalid one never shows attacker-chosen facts.
 */
export const certificateVerificationSchema = z.object({
  id: z.uuid(),
  /**
   * `invalid` (never trust it: signature, issuer, claims, or not valid yet — see `reason`) wins
   * over `revoked`, which wins over `expired` (past its validUntil), else `valid`.
   */
  status: z.enum(["valid", "revoked", "expired", "invalid"]),
  /**
   * Why it is not valid: a VerifyFailure code of @lumen/credentials, "revoked", "expired", or
   * "withdrawn" (status `revoked`: withdrawn at the holder's request, without its details).
   */
  reason: z.enum([...VERIFY_FAILURES, "revoked", "expired", "withdrawn"]).nullable(),
  /** When the edge computed this answer (it may be served from cache for a few seconds). */
  checkedAt: z.iso.datetime(),
  certificate: z
    .object({
      learnerName: z.string(),
      courseTitle: z.string(),
      courseId: z.string(),
      issuedAt: z.string(),
      /** When it stops being valid; null when it does not expire. */
      validUntil: z.string().nullable(),
      issuer: z.object({ id: z.string(), name: z.string() }),
    })
    .nullable(),
  revocation: z.object({ revokedAt: z.string(), reason: z.string().nullable() }).nullable(),
  /** The issuer key that signed it (see /.well-known/jwks.json); null unless the signature held. */
  keyId: z.string().nullable(),
  /**
   * Its entry in the issuer's W3C Bitstring Status List (revocation), which anyone can download
   * and check without this endpoint; null for certificates issued before status lists.
   */
  statusList: z.object({ url: z.url(), index: z.int().min(0) }).nullable(),
  /** The compact VC-JWT as stored, so anyone can check it with their own tools. */
  credential: z.string().nullable(),
});

export type CertificateVerification = z.infer<typeof certificateVerificationSchema>;
export type CertificateStatus = CertificateVerification["status"];
