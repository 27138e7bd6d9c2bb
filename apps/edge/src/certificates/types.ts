import {
  type CertificateVerification,
  certificateVerificationSchema,
} from "@lumen/credentials/verification";
import { z } from "zod";

/**
 * The public answer of `GET /certificates/:id/verify` lives in @lumen/credentials, so the
 * API's OpenAPI document describes it from the same schema the edge answers with.
 */
export type { CertificateVerification };
export type CertificateStatus = CertificateVerification["status"];

/** What a lookup by id came to, in the form the verdict cache stores. */
export const cacheableCheckSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("verified"), verification: certificateVerificationSchema }),
  z.object({ kind: z.literal("unknown"), id: z.string(), checkedAt: z.iso.datetime() }),
]);

/** `unavailable` means no source could answer; it is never cached. */
export type CertificateCheck =
  | z.infer<typeof cacheableCheckSchema>
  | { kind: "unavailable"; id: string; checkedAt: string };

export type CacheStatus = "HIT" | "MISS";
