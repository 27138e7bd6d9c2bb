import { z } from "zod";

/**
 * W3C Bitstring Status List v1.0: each certificate owns one bit of a shared revocation list.
 * A list holds the spec's minimum of 131,072 entries (16 KiB of bits) so that fetching it tells
 * nobody which certificate a verifier is looking at (herd privacy). Certificates get a global,
 * never reused index; list n (from 1) covers indices [(n-1)·SIZE, n·SIZE).
 */
export const STATUS_LIST_SIZE = 131_072;
export const STATUS_PURPOSE = "revocation";

/** The `credentialStatus` of a certificate. */
export const statusListEntrySchema = z.object({
  id: z.url(),
  type: z.literal("BitstringStatusListEntry"),
  statusPurpose: z.literal(STATUS_PURPOSE),
  /** A base-10 string, as the spec requires. */
  statusListIndex: z.string().regex(/^(0|[1-9]\d{0,9})$/),
  statusListCredential: z.url(),
});
export type StatusListEntry = z.infer<typeof statusListEntrySchema>;

/** Which list a global index falls in, and its position there. */
export function statusListPosition(globalIndex: number): { list: number; index: number } {
  if (!Number.isSafeInteger(globalIndex) || globalIndex < 0) {
    throw new RangeError("a status list index is a non-negative integer");
  }
  return {
    list: Math.floor(globalIndex / STATUS_LIST_SIZE) + 1,
    index: globalIndex % STATUS_LIST_SIZE,
  };
}

/**
 * Where list `list` is published: on the issuer id's origin, which the edge serves (with the
 * issuer profile and its keys), so everything a verifier dereferences hangs off one URL.
 */
export function statusListUrl(issuerId: string, list: number): string {
  return new URL(`/status/${list}`, issuerId).href;
}

/** The list number of a status list URL written by `statusListUrl`, else null. */
export function statusListNumberOf(url: string): number | null {
  const match = /^https?:\/\/[^/]+\/status\/([1-9]\d{0,8})$/.exec(url);
  return match ? Number(match[1]) : null;
}

export function statusListEntry(issuerId: string, globalIndex: number): StatusListEntry {
  const { list, index } = statusListPosition(globalIndex);
  const url = statusListUrl(issuerId, list);
  return {
    id: `${url}#${index}`,
    type: "BitstringStatusListEntry",
    statusPurpose: STATUS_PURPOSE,
    statusListIndex: String(index),
    statusListCredential: url,
  };
}
