import { plural, t } from "@lingui/core/macro";
import type { inferInput, inferOutput } from "@trpc/tanstack-react-query";
import { intlLocale } from "../../../lib/i18n";
import { apiErrorCode, apiFieldErrors, type trpc } from "../../../lib/trpc";
import { fieldOf, parseJsonSafely, XhrInterrupted, xhrPut } from "../../../lib/xhr-put";

/**
 * Files attached to an assignment submission: checked here first (type by name and browser
 * type, size, how many), then started at the API, PUT straight to the edge with byte
 * progress, and confirmed at the API, which checks the bytes. Every refusal on the way is
 * shown beside its file in the server's words where it has them; our own words are built as
 * the learner acts, in the language active then.
 */
export type MyAttachments = inferOutput<typeof trpc.assignmentFiles.mine>;
export type Attachment = MyAttachments["attachments"][number];
export type AttachmentType = inferInput<typeof trpc.assignmentFiles.start>["contentType"];

export const MAX_FILES = 5;
export const MAX_BYTES = 20 * 1024 * 1024;

const BY_EXTENSION: Record<string, AttachmentType> = {
  pdf: "application/pdf",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  webp: "image/webp",
  gif: "image/gif",
  txt: "text/plain",
  md: "text/markdown",
  markdown: "text/markdown",
  zip: "application/zip",
};

/** Browsers name some types differently (Windows: ZIP; many systems: Markdown, or nothing). */
const BROWSER_TYPES: Record<string, AttachmentType> = {
  "application/pdf": "application/pdf",
  "image/png": "image/png",
  "image/jpeg": "image/jpeg",
  "image/webp": "image/webp",
  "image/gif": "image/gif",
  "text/plain": "text/plain",
  "text/markdown": "text/markdown",
  "text/x-markdown": "text/markdown",
  "application/zip": "application/zip",
  "application/x-zip-compressed": "application/zip",
  "application/x-zip": "application/zip",
};

/** What the file input offers: the extensions, so every platform's picker filters alike. */
export const ACCEPT = Object.keys(BY_EXTENSION)
  .map((ext) => `.${ext}`)
  .join(",");

/** Why a file of another type is refused, naming it (one sentence per language). */
function wrongTypeMessage(name: string): string {
  return t`“${name}” can't be attached. Attach a PDF, an image (PNG, JPEG, WebP or GIF), a plain text or Markdown file, or a ZIP archive.`;
}

/**
 * The type to declare for a file: its extension decides (what the reviewer's computer will go
 * by), and a browser type that names another allowed type makes it ambiguous, so refused.
 */
export function declaredType(file: { name: string; type: string }): AttachmentType | null {
  const dot = file.name.lastIndexOf(".");
  const byName = dot > 0 ? BY_EXTENSION[file.name.slice(dot + 1).toLowerCase()] : undefined;
  if (!byName) return null;
  const byBrowser = BROWSER_TYPES[file.type.toLowerCase()];
  const textual = (type: string | undefined) => type?.startsWith("text/") ?? false;
  if (byBrowser && byBrowser !== byName && !(textual(byBrowser) && textual(byName))) return null;
  return byName;
}

export function formatLimit(bytes: number): string {
  const mib = Math.round(bytes / (1024 * 1024)).toLocaleString(intlLocale());
  return t`${mib} MiB`;
}

/** Why this file cannot be attached (`taken`: files already attached or on their way), or null. */
export function fileProblem(
  file: { name: string; type: string; size: number },
  taken: number,
  limits: { maxFiles: number; maxBytes: number } = { maxFiles: MAX_FILES, maxBytes: MAX_BYTES },
): string | null {
  const { name } = file;
  if (taken >= limits.maxFiles) {
    const max = limits.maxFiles;
    return t`A submission can have at most ${plural(max, { one: "# attachment", other: "# attachments" })}. Remove one to attach another.`;
  }
  if (!declaredType(file)) return wrongTypeMessage(name);
  if (file.size === 0) return t`“${name}” is empty.`;
  if (file.size > limits.maxBytes) {
    const mib = (file.size / (1024 * 1024)).toLocaleString(intlLocale(), {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    });
    const limit = formatLimit(limits.maxBytes);
    return t`“${name}” is ${mib} MiB; attachments can be at most ${limit}.`;
  }
  return null;
}

/** The edge answers `{ size }`, or its error shape `{ error: { code, message } }`. */
export function readEdgeResponse(
  status: number,
  text: string,
): { ok: true } | { ok: false; message: string } {
  if (status >= 200 && status < 300) return { ok: true };
  if (status === 403) {
    return { ok: false, message: t`The upload link expired. Attach the file again.` };
  }
  const message = fieldOf(fieldOf(parseJsonSafely(text), "error"), "message");
  if (status >= 400 && status < 500 && typeof message === "string" && message !== "") {
    return { ok: false, message };
  }
  return { ok: false, message: t`The upload failed. Please try again.` };
}

/** The API's refusal as the learner reads it: a field's message, else the error's own. */
export function refusalMessage(error: unknown): string {
  const field = Object.values(apiFieldErrors(error))[0];
  if (field) return field;
  const code = apiErrorCode(error);
  if (code === "UNAUTHORIZED") return t`Your session ended. Sign in again to attach files.`;
  if (code && error instanceof Error && error.message) return error.message;
  return t`The upload failed. Please try again.`;
}

export class UploadCancelled extends Error {
  constructor() {
    super("Upload cancelled.");
    this.name = "UploadCancelled";
  }
}

/** The three calls an upload makes to the API (the tRPC client; a stand-in in tests). */
export interface AttachmentApi {
  start(input: {
    lessonId: string;
    filename: string;
    contentType: AttachmentType;
    byteSize: number;
  }): Promise<{ attachmentId: string; url: string }>;
  confirm(input: { attachmentId: string }): Promise<Attachment>;
  remove(input: { attachmentId: string }): Promise<unknown>;
}

/**
 * Start → PUT to the edge (with progress) → confirm. A failure or cancel after the start
 * removes the half-made attachment, so it holds no place. Errors carry the words to show.
 */
export function uploadAttachment(
  api: AttachmentApi,
  lessonId: string,
  file: File,
  onProgress: (loaded: number, total: number) => void,
): { done: Promise<Attachment>; abort: () => void } {
  let cancelled = false;
  let abortPut = () => {};
  const done = (async () => {
    const contentType = declaredType(file);
    if (!contentType) throw new Error(wrongTypeMessage(file.name));
    const ticket = await api
      .start({ lessonId, filename: file.name, contentType, byteSize: file.size })
      .catch((error: unknown) => {
        throw new Error(refusalMessage(error));
      });
    const discard = () => api.remove({ attachmentId: ticket.attachmentId }).catch(() => {});
    if (cancelled) {
      await discard();
      throw new UploadCancelled();
    }
    const put = xhrPut(ticket.url, file, { contentType, onProgress });
    abortPut = put.abort;
    const answer = await put.done.catch(async (error: unknown) => {
      await discard();
      if (error instanceof XhrInterrupted && error.reason === "aborted")
        throw new UploadCancelled();
      throw new Error(t`The upload was interrupted. Check your connection and try again.`);
    });
    const outcome = readEdgeResponse(answer.status, answer.text);
    if (!outcome.ok) {
      await discard();
      throw new Error(outcome.message);
    }
    // A refused confirm has already removed the attachment on the server.
    return api.confirm({ attachmentId: ticket.attachmentId }).catch((error: unknown) => {
      throw new Error(refusalMessage(error));
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

/** A file on its way or refused, shown beside the stored ones until it is stored or dismissed. */
export type PendingFile =
  | { key: string; name: string; state: "uploading"; loaded: number; total: number }
  | { key: string; name: string; state: "failed"; message: string };

export function percentOf(file: { loaded: number; total: number }): number {
  return file.total > 0 ? Math.min(100, Math.floor((file.loaded / file.total) * 100)) : 0;
}
