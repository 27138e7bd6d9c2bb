import { z } from "zod";

/** The record the API publishes to the edge (KV) and the edge reads from Postgres on a miss. */
export const certificateRecordSchema = z.object({
  id: z.uuid(),
  /** The compact VC-JWT. */
  credential: z.string().min(1),
  revokedAt: z.iso.datetime({ offset: true }).nullable(),
  revokedReason: z.string().nullable(),
});

export type CertificateRecord = z.infer<typeof certificateRecordSchema>;

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
