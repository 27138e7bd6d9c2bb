import { z } from "zod";

/** An issued certificate as the API publishes it to the edge (KV) and the edge reads it back. */
export const issuedRecordSchema = z.object({
  id: z.uuid(),
  /** The compact VC-JWT. */
  credential: z.string().min(1),
  revokedAt: z.iso.datetime({ offset: true }).nullable(),
  revokedReason: z.string().nullable(),
});

/**
 * A certificate withdrawn at its holder's request (account deleted, ADR 0027): only the id and
 * when. The credential named the holder, so it is gone; verifiers learn it was withdrawn.
 */
export const withdrawnRecordSchema = z.object({
  id: z.uuid(),
  withdrawnAt: z.iso.datetime({ offset: true }),
});

/** The record the API publishes to the edge (KV) and the edge reads from Postgres on a miss. */
export const certificateRecordSchema = z.union([withdrawnRecordSchema, issuedRecordSchema]);

export type IssuedRecord = z.infer<typeof issuedRecordSchema>;
export type WithdrawnRecord = z.infer<typeof withdrawnRecordSchema>;
export type CertificateRecord = z.infer<typeof certificateRecordSchema>;

/** Why a withdrawn certificate no longer certifies anything, as verifiers are told. */
export const WITHDRAWN_REASON = "Withdrawn at the holder's request";

export function isWithdrawn(record: CertificateRecord): record is WithdrawnRecord {
  return "withdrawnAt" in record;
}

/**
 * A signed status list as the API publishes it to the edge (`PUT /internal/status-lists/:list`),
 * the edge keeps it in KV and reads it from Postgres on a miss. `version` only goes up: the edge
 * never replaces a list with one of a lower version.
 */
export const statusListRecordSchema = z.object({
  list: z.int().min(1),
  version: z.int().min(1),
  /** The BitstringStatusListCredential as a compact VC-JWT. */
  credential: z.string().min(1),
});

export type StatusListRecord = z.infer<typeof statusListRecordSchema>;
