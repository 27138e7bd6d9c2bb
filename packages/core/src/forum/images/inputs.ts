import { FORUM_IMAGE_MAX_BYTES } from "@lumen/media-tokens";
import { z } from "zod";
import { id, singleLine } from "../../kernel";

/** What a post may show, by type: only these, checked by their first bytes on confirm. */
export const FORUM_IMAGE_TYPES = {
  "image/png": "a PNG image",
  "image/jpeg": "a JPEG image",
  "image/webp": "a WebP image",
  "image/gif": "a GIF image",
} as const;
export type ForumImageType = keyof typeof FORUM_IMAGE_TYPES;
const TYPE_NAMES = Object.keys(FORUM_IMAGE_TYPES) as [ForumImageType, ...ForumImageType[]];

export const FORUM_IMAGE_TYPES_MESSAGE = "Add a PNG, JPEG, WebP or GIF image.";
export { FORUM_IMAGE_MAX_BYTES };
/** How long the browser's upload link works; unconfirmed uploads older than this are removed. */
export const FORUM_IMAGE_UPLOAD_TTL_SECONDS = 15 * 60;

/** Input schemas of the forum image procedures; messages are shown beside the post body. */
export const forumImageIdInput = z.object({ imageId: id("imageId") });
export const startForumImageInput = z.object({
  courseId: id("courseId"),
  filename: singleLine({
    label: "File name",
    max: 255,
    tooLong: "File names can be at most 255 characters.",
  }).min(1, "The image needs a name."),
  /** The browser's word for the type; the bytes must agree when the upload is confirmed. */
  contentType: z.enum(TYPE_NAMES, { error: FORUM_IMAGE_TYPES_MESSAGE }),
  byteSize: z
    .number()
    .int("The size must be whole bytes.")
    .min(1, "That image is empty.")
    .max(FORUM_IMAGE_MAX_BYTES, "Images can be at most 5 MiB."),
});
export type StartForumImageInput = z.output<typeof startForumImageInput>;
