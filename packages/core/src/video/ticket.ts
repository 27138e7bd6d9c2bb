import type { MediaContext } from "@lumen/media";
import { UPLOAD_PART_BYTES } from "@lumen/media-tokens";
import type { UploadTicket } from "./types";

/** A fresh upload token for exactly `byteSize` bytes of this asset's source. */
export async function issueUploadTicket(
  media: MediaContext,
  assetId: string,
  byteSize: number,
): Promise<UploadTicket> {
  const { token, expiresAt } = await media.signer.sign(
    "upload",
    assetId,
    media.uploadTtlSeconds,
    byteSize,
  );
  return {
    url: `${media.edgeUrl.replace(/\/+$/, "")}/uploads/${token}`,
    expiresAt: expiresAt.toISOString(),
    partBytes: UPLOAD_PART_BYTES,
    byteSize,
  };
}

/** "5 GiB", "1.5 GiB", "500 MiB": the configured cap as instructors read it. */
export function formatByteSize(bytes: number): string {
  const units: Array<[string, number]> = [
    ["TiB", 1024 ** 4],
    ["GiB", 1024 ** 3],
    ["MiB", 1024 ** 2],
    ["KiB", 1024],
  ];
  for (const [unit, size] of units) {
    // Rounded down, so the message never promises more than the limit allows.
    if (bytes >= size) return `${Math.floor((bytes / size) * 10) / 10} ${unit}`;
  }
  return `${bytes} bytes`;
}
