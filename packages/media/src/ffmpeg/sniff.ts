import { open } from "node:fs/promises";

/** The demuxers we let ffmpeg use; each is named explicitly on every invocation. */
export type ContainerFormat = "mov" | "matroska" | "avi" | "mpegts";

export type SniffResult =
  | { ok: true; format: ContainerFormat; label: string }
  | { ok: false; reason: string };

/** How much of the file's start `sniffContainer` looks at. */
export const SNIFF_BYTES = 4096;

/** The first SNIFF_BYTES of a file (fewer when it is shorter): all sniffContainer needs. */
export async function readFileHead(file: string): Promise<Uint8Array> {
  const handle = await open(file, "r");
  try {
    const buffer = new Uint8Array(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const ISO_BOXES = new Set(["ftyp", "moov", "mdat", "free", "skip", "wide", "pnot"]);
const TS_PACKET = 188;
const M2TS_PACKET = 192;

const UNSUPPORTED =
  "This file is not a video format we support. Upload an MP4, MOV, WebM, MKV, AVI or MPEG-TS video.";
const TEXT = "This file is a text file, not a video.";
/** Tab, line feed, form feed and carriage return: the only control characters text has. */
const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0c, 0x0d]);

function ascii(head: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...head.subarray(start, start + length));
}

function startsWith(head: Uint8Array, bytes: readonly number[], offset = 0): boolean {
  return bytes.every((byte, i) => head[offset + i] === byte);
}

function syncBytesAt(head: Uint8Array, first: number, stride: number): boolean {
  return [0, 1, 2].every((i) => head[first + i * stride] === 0x47);
}

function looksLikeText(head: Uint8Array): boolean {
  let text: string;
  try {
    // `stream` tolerates a multi-byte character cut off at the end of the sniffed bytes.
    text = new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
  } catch {
    return false;
  }
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && !TEXT_CONTROLS.has(code)) || code === 0x7f) return false;
  }
  return true;
}

function videoFormat(head: Uint8Array): { format: ContainerFormat; label: string } | null {
  if (head.length >= 8 && ISO_BOXES.has(ascii(head, 4, 4))) {
    const quickTime = ascii(head, 4, 4) === "ftyp" && ascii(head, 8, 4) === "qt  ";
    return { format: "mov", label: quickTime ? "QuickTime MOV" : "MP4" };
  }
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) {
    const webm = ascii(head, 0, Math.min(head.length, 64)).includes("webm");
    return { format: "matroska", label: webm ? "WebM" : "Matroska (MKV)" };
  }
  if (ascii(head, 0, 4) === "RIFF" && ascii(head, 8, 4) === "AVI ") {
    return { format: "avi", label: "AVI" };
  }
  // Blu-ray/AVCHD .m2ts prefixes each packet with a 4-byte timecode; the same demuxer reads it.
  if (syncBytesAt(head, 0, TS_PACKET) || syncBytesAt(head, 4, M2TS_PACKET)) {
    return { format: "mpegts", label: "MPEG-TS" };
  }
  return null;
}

function otherKind(head: Uint8Array): string | null {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "a PNG image";
  if (startsWith(head, [0xff, 0xd8, 0xff])) return "a JPEG image";
  if (ascii(head, 0, 6) === "GIF87a" || ascii(head, 0, 6) === "GIF89a") return "a GIF image";
  if (ascii(head, 0, 4) === "RIFF" && ascii(head, 8, 4) === "WEBP") return "a WebP image";
  if (ascii(head, 0, 5) === "%PDF-") return "a PDF document";
  if (ascii(head, 0, 2) === "PK" && [3, 5, 7].includes(head[2] ?? 0)) return "a ZIP archive";
  return null;
}

/**
 * Decide the container from the file's first bytes (at most SNIFF_BYTES), never from its name:
 * a playlist or concat list renamed to `.mp4` must not reach a demuxer that follows references.
 */
export function sniffContainer(head: Uint8Array): SniffResult {
  const bytes = head.subarray(0, SNIFF_BYTES);
  if (bytes.length === 0) return { ok: false, reason: "This file is empty." };
  const video = videoFormat(bytes);
  if (video) return { ok: true, ...video };
  const other = otherKind(bytes);
  if (other) return { ok: false, reason: `This file is ${other}, not a video.` };
  // HLS playlists (#EXTM3U) and ffconcat lists are text too, and are refused here.
  if (looksLikeText(bytes)) return { ok: false, reason: TEXT };
  return { ok: false, reason: UNSUPPORTED };
}
