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
