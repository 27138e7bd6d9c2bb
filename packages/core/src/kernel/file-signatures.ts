/**
 * How files of the binary types we accept begin (their magic bytes), shared by every upload
 * that is checked by its bytes on confirm: assignment attachments and forum images.
 */
export const SIGNATURE_TYPES = [
  "application/pdf",
  "image/png",
  "image/jpeg",
  "image/webp",
  "image/gif",
  "application/zip",
] as const;
export type SignatureType = (typeof SIGNATURE_TYPES)[number];

/** How many of a file's first bytes a type check reads. */
export const SNIFF_BYTES = 4096;

const startsWith = (bytes: Uint8Array, at: number, signature: readonly number[] | string) => {
  const expected =
    typeof signature === "string" ? [...signature].map((ch) => ch.charCodeAt(0)) : signature;
  return bytes.length >= at + expected.length && expected.every((b, i) => bytes[at + i] === b);
};

/** Whether a file's first bytes are those of each type. */
export const FILE_SIGNATURES: Record<SignatureType, (head: Uint8Array) => boolean> = {
  "application/pdf": (b) => startsWith(b, 0, "%PDF-"),
  "image/png": (b) => startsWith(b, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  "image/jpeg": (b) => startsWith(b, 0, [0xff, 0xd8, 0xff]),
  "image/webp": (b) => startsWith(b, 0, "RIFF") && startsWith(b, 8, "WEBP"),
  "image/gif": (b) => startsWith(b, 0, "GIF87a") || startsWith(b, 0, "GIF89a"),
  // A local file header, or the end record that is all an empty archive has.
  "application/zip": (b) =>
    startsWith(b, 0, "PK\u0003\u0004") || startsWith(b, 0, "PK\u0005\u0006"),
};
