import { t } from "@lingui/core/macro";
import type { inferInput } from "@trpc/tanstack-react-query";
import { intlLocale } from "../../lib/i18n";
import { apiErrorCode, apiFieldErrors, type trpc, trpcClient } from "../../lib/trpc";
import { fieldOf, parseJsonSafely, XhrInterrupted, xhrPut } from "../../lib/xhr-put";

/**
 * An image for a forum post (issue 13), sent as assignment attachments are: checked here
 * first (type by name and browser type, size), started at the API, PUT straight to the edge
 * with byte progress, and confirmed at the API, which checks the bytes. Posts then show it
 * from the API's same-origin path. Messages are built when a file is picked or an upload
 * fails, in the language active then.
 */
type ImageType = inferInput<typeof trpc.forumFiles.startImage>["contentType"];

export const IMAGE_MAX_BYTES = 5 * 1024 * 1024;
const BY_EXTENSION: Record<string, ImageType> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  webp: "image/webp",
  gif: "image/gif",
};
export const IMAGE_ACCEPT = Object.keys(BY_EXTENSION)
  .map((ext) => `.${ext}`)
  .join(",");

function wrongType(name: string): string {
  return t`“${name}” can't be added. Add a PNG, JPEG, WebP or GIF image.`;
}

/** The type to declare: the extension decides, and the browser must not say another type. */
function declaredType(file: { name: string; type: string }): ImageType | null {
  const dot = file.name.lastIndexOf(".");
  const byName = dot > 0 ? BY_EXTENSION[file.name.slice(dot + 1).toLowerCase()] : undefined;
  if (!byName || (file.type !== "" && file.type.toLowerCase() !== byName)) return null;
  return byName;
}

/** Why this file cannot be added as an image, or null. */
export function imageProblem(file: { name: string; type: string; size: number }): string | null {
  const name = file.name;
  if (!declaredType(file)) return wrongType(name);
  if (file.size === 0) return t`“${name}” is empty.`;
  if (file.size > IMAGE_MAX_BYTES) {
    const mib = (file.size / (1024 * 1024)).toLocaleString(intlLocale(), {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    });
    return t`“${name}” is ${mib} MiB; images can be at most 5 MiB.`;
  }
  return null;
}

/** The Markdown that shows the image: its name as the alt text, brackets and breaks escaped. */
export function imageMarkdown(name: string, url: string): string {
  const alt = name.replace(/[\\[\]]/g, "\\$&").replace(/\s+/g, " ");
  return `![${alt}](${url})`;
}

function refusal(error: unknown): string {
  const field = Object.values(apiFieldErrors(error))[0];
  if (field) return field;
  const code = apiErrorCode(error);
  if (code === "UNAUTHORIZED") return t`Your session ended. Sign in again to add images.`;
  if (code && error instanceof Error && error.message) return error.message;
  return t`The upload failed. Please try again.`;
}

function edgeRefusal(status: number, text: string): string {
  if (status === 403) return t`The upload link expired. Add the image again.`;
  const message = fieldOf(fieldOf(parseJsonSafely(text), "error"), "message");
  if (status >= 400 && status < 500 && typeof message === "string" && message !== "") {
    return message;
  }
  return t`The upload failed. Please try again.`;
}

export class ImageUploadCancelled extends Error {}

/** Start → PUT to the edge (with progress) → confirm; errors carry the words to show. */
export function uploadForumImage(
  courseId: string,
  file: File,
  onProgress: (loaded: number, total: number) => void,
): { done: Promise<{ url: string }>; abort: () => void } {
  let cancelled = false;
  let abortPut = () => {};
  const done = (async () => {
    const contentType = declaredType(file);
    if (!contentType) throw new Error(wrongType(file.name));
    const ticket = await trpcClient.forumFiles.startImage
      .mutate({ courseId, filename: file.name, contentType, byteSize: file.size })
      .catch((error: unknown) => {
        throw new Error(refusal(error));
      });
    if (cancelled) throw new ImageUploadCancelled();
    const put = xhrPut(ticket.uploadUrl, file, { onProgress });
    abortPut = put.abort;
    const answer = await put.done.catch((error: unknown) => {
      if (error instanceof XhrInterrupted && error.reason === "aborted") {
        throw new ImageUploadCancelled();
      }
      throw new Error(t`The upload was interrupted. Check your connection and try again.`);
    });
    if (answer.status < 200 || answer.status >= 300) {
      throw new Error(edgeRefusal(answer.status, answer.text));
    }
    return trpcClient.forumFiles.confirmImage
      .mutate({ imageId: ticket.imageId })
      .catch((error: unknown) => {
        throw new Error(refusal(error));
      });
  })();
  return {
    done,
    abort: () => {
      cancelled = true;
      abortPut();
    },
  };
}
