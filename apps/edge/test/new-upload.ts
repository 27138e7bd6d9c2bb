import { UPLOAD_PART_BYTES } from "@lumen/media-tokens";
import { bytesOf, viaEntry as edge, mediaToken, newAssetId } from "./media";

/** Two parts: a full 8 MiB one and a short last one, the smallest upload with a real split. */
export const LAST_PART_BYTES = 1000;
export const FILE_BYTES = UPLOAD_PART_BYTES + LAST_PART_BYTES;

export async function newUpload(bytes = FILE_BYTES) {
  const assetId = newAssetId();
  const token = await mediaToken("upload", assetId, { bytes });
  const file = bytesOf(bytes, 11);
  return {
    assetId,
    file,
    start: () => edge(`/uploads/${token}`, { method: "POST" }),
    put: (n: number | string, body: BodyInit | null) =>
      edge(`/uploads/${token}/parts/${n}`, { method: "PUT", body }),
    part: (n: number) => file.slice((n - 1) * UPLOAD_PART_BYTES, n * UPLOAD_PART_BYTES),
    complete: () => edge(`/uploads/${token}/complete`, { method: "POST" }),
    abort: () => edge(`/uploads/${token}`, { method: "DELETE" }),
  };
}

export const errorCode = async (res: Response) =>
  ((await res.json()) as { error: { code: string } }).error.code;
