import { cleanFilename, cutToCodePoints, FILE_SIGNATURES, SNIFF_BYTES } from "../../kernel";

export { SNIFF_BYTES };

/**
 * What a submission may carry, by type: each with the words a learner reads, the extensions
 * its name may keep, and how its first bytes look. SVG, HTML and anything else that a browser
 * could run is not on the list.
 */
export const ATTACHMENT_TYPES = {
  "application/pdf": { label: "a PDF document", extensions: ["pdf"] },
  "image/png": { label: "a PNG image", extensions: ["png"] },
  "image/jpeg": { label: "a JPEG image", extensions: ["jpg", "jpeg"] },
  "image/webp": { label: "a WebP image", extensions: ["webp"] },
  "image/gif": { label: "a GIF image", extensions: ["gif"] },
  "text/plain": { label: "a plain text file", extensions: ["txt"] },
  "text/markdown": { label: "a Markdown file", extensions: ["md", "markdown"] },
  "application/zip": { label: "a ZIP archive", extensions: ["zip"] },
} as const;

export type AttachmentType = keyof typeof ATTACHMENT_TYPES;
export const ATTACHMENT_TYPE_NAMES = Object.keys(ATTACHMENT_TYPES) as [
  AttachmentType,
  ...AttachmentType[],
];

export const ALLOWED_TYPES_MESSAGE =
  "Attach a PDF, an image (PNG, JPEG, WebP or GIF), a plain text or Markdown file, or a ZIP archive.";

const FILENAME_MAX = 200;

/**
 * Text is UTF-8 without NUL or other control characters besides tab, line feed, form feed and
 * carriage return. `complete` says `head` is the whole file; otherwise a character cut at the
 * end of the sample is not held against it.
 */
function isText(head: Uint8Array, complete: boolean): boolean {
  let decoded: string;
  try {
    decoded = new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: !complete });
  } catch {
    return false;
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(decoded);
}

/** Whether a file's first bytes (`complete`: all of them) are what its declared type says. */
export function bytesMatchType(type: AttachmentType, head: Uint8Array, complete: boolean) {
  if (type === "text/plain" || type === "text/markdown") {
    // A file that opens as one of the binary types is that type, whatever else it is.
    return (
      isText(head, complete) && !Object.values(FILE_SIGNATURES).some((matches) => matches(head))
    );
  }
  return FILE_SIGNATURES[type](head);
}

/**
 * The name reviewers download the file under: cleaned as documents' names are, bounded, and
 * ending in an extension of its checked type — one it already has (any case), else the
 * type's first ("notes.html" sent as text becomes "notes.html.txt"), so the file never opens
 * as something else on the reviewer's computer.
 */
export function attachmentFilename(raw: string, type: AttachmentType): string {
  const cleaned = cleanFilename(raw);
  const allowed: readonly string[] = ATTACHMENT_TYPES[type].extensions;
  const dot = cleaned.lastIndexOf(".");
  const extension = dot > 0 ? cleaned.slice(dot + 1) : "";
  const keeps = allowed.includes(extension.toLowerCase());
  const ext = keeps ? extension : (allowed[0] ?? "bin");
  const stem = cutToCodePoints(
    keeps ? cleaned.slice(0, dot) : cleaned,
    FILENAME_MAX - ext.length - 1,
  );
  return `${stem || "attachment"}.${ext}`;
}
