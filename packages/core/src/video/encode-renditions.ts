import { videoRenditions } from "@lumen/db";
import { type EncodeOutcome, type EncodeRenditionsInput, encodeRenditions } from "@lumen/media";
import { asc, eq } from "drizzle-orm";

/** The rest of the ladder yields the CPU to the first playable rendition (ADR 0006). */
export const LADDER_NICENESS = 10;

/**
 * Encodes one group of an asset's renditions (@lumen/media encodeRenditions). The group that
 * holds the asset's lowest rendition — the first one a learner can play — runs at normal
 * priority and is uploaded while it encodes, the rest of the ladder under `nice`. Returns
 * the outcome and the niceness used.
 */
export async function encodeVideoRenditions(
  input: Omit<EncodeRenditionsInput, "niceness" | "live">,
): Promise<EncodeOutcome & { niceness: number }> {
  const [lowest] = await input.db
    .select({ name: videoRenditions.name })
    .from(videoRenditions)
    .where(eq(videoRenditions.assetId, input.assetId))
    .orderBy(asc(videoRenditions.bandwidth))
    .limit(1);
  const first = Boolean(lowest && input.renditions.includes(lowest.name));
  const niceness = first ? 0 : LADDER_NICENESS;
  // The first playable rendition goes live while it encodes (ADR 0030); the rest of the ladder
  // is published complete, so a player switching up never finds a rung shorter than itself.
  const result = await encodeRenditions({ ...input, niceness, live: first });
  return { ...result, niceness };
}
