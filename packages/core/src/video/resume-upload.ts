import { ConflictError } from "../kernel";
import { assertCanEditAsset } from "./access";
import { issueUploadTicket } from "./ticket";
import type { UploadTicket, VideoDeps } from "./types";

/**
 * A fresh token for an upload still in progress (after a reload or an expired token); the
 * edge resumes from the parts it already stored.
 */
export async function resumeUpload({
  db,
  user,
  media,
  input,
}: VideoDeps & { input: { assetId: string } }): Promise<{
  assetId: string;
  upload: UploadTicket;
}> {
  const asset = await assertCanEditAsset(db, user, input.assetId);
  if (asset.status !== "uploading") {
    throw new ConflictError(
      asset.status === "cancelled"
        ? "This upload was cancelled. Choose the file again to start a new upload."
        : "This upload has already finished.",
    );
  }
  return { assetId: asset.id, upload: await issueUploadTicket(media, asset.id, asset.byteSize) };
}
