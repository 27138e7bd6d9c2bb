import { cleanFilename, cutToCodePoints } from "../../kernel";

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

/** How many of a file's first bytes the type check reads. */
export const SNIFF_BYTES = 4096;

const FILENAME_MAX = 200;

const startsWith = (bytes: Uint8Array, at: number, signature: readonly number[] | string) => {
  const expected =
    typeof signature === "string" ? [...signature].map((ch) => ch.charCodeAt(0)) : signature;
  return bytes.length >= at + expected.length && expected.every((b, i) => bytes[at + i] === b);
};

const MAGIC: Record<
  Exclude<AttachmentType, "text/plain" | "text/markdown">,
  (b: Uint8Array) => boolean
> = {
  "application/pdf": (b) => startsWith(b, 0, "%PDF-"),
  "image/png": (b) => startsWith(b, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  "image/jpeg": (b) => startsWith(b, 0, [0xff, 0xd8, 0xff]),
  "image/webp": (b) => startsWith(b, 0, "RIFF") && startsWith(b, 8, "WEBP"),
  "image/gif": (b) => startsWith(b, 0, "GIF87a") || startsWith(b, 0, "GIF89a"),
  // A local file header, or the end record that is all an empty archive has.
  "application/zip": (b) =>
    startsWith(b, 0, "PK\u0003\u0004") || startsWith(b, 0, "PK\u0005\u0006"),
};

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
    return isText(head, complete) && !Object.values(MAGIC).some((matches) => matches(head));
  }
  return MAGIC[type](head);
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
