/**
 * Identifies a cover image by its bytes, never by the name or Content-Type the client sent,
 * and reads its dimensions from the header. Only PNG, JPEG and WebP are images here: SVG
 * (a script-capable document) and everything else is refused.
 */
export interface ImageInfo {
  contentType: "image/png" | "image/jpeg" | "image/webp";
  width: number;
  height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const ascii = (bytes: Uint8Array, at: number, text: string) =>
  [...text].every((ch, i) => bytes[at + i] === ch.charCodeAt(0));

/** null when the bytes are not a PNG, JPEG or WebP whose dimensions we could read. */
export function identifyImage(bytes: Uint8Array): ImageInfo | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const has = (n: number) => bytes.length >= n;
  if (has(24) && PNG_SIGNATURE.every((b, i) => bytes[i] === b) && ascii(bytes, 12, "IHDR")) {
    // The first chunk is always IHDR: width and height are its first two big-endian uint32s.
    return { contentType: "image/png", width: view.getUint32(16), height: view.getUint32(20) };
  }
  if (has(4) && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    const size = jpegSize(bytes, view);
    return size && { contentType: "image/jpeg", ...size };
  }
  if (has(30) && ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WEBP")) {
    const size = webpSize(bytes, view);
    return size && { contentType: "image/webp", ...size };
  }
  return null;
}

/** Walks the JPEG segments up to the first start-of-frame marker, which holds the size. */
function jpegSize(bytes: Uint8Array, view: DataView) {
  let at = 2;
  while (at + 9 <= bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    // Standalone markers (TEM, RSTn) carry no length.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    // SOF0..SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image / scan before a frame
    at += 2 + view.getUint16(at + 2);
  }
  return null;
}

/** The three WebP flavours keep their size in different places of the first chunk. */
function webpSize(bytes: Uint8Array, view: DataView) {
  if (ascii(bytes, 12, "VP8X")) {
    // 24-bit little-endian "canvas size minus one".
    const u24 = (at: number) => view.getUint16(at, true) + ((bytes[at + 2] ?? 0) << 16) + 1;
    return { width: u24(24), height: u24(27) };
  }
  if (ascii(bytes, 12, "VP8L") && bytes[20] === 0x2f) {
    const bits = view.getUint32(21, true);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (ascii(bytes, 12, "VP8 ") && bytes[23] === 0x9d && bytes[24] === 0x01 && bytes[25] === 0x2a) {
    return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  }
  return null;
}
