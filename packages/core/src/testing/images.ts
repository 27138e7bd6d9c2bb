import { crc32, deflateSync } from "node:zlib";

/**
 * Tiny, valid images built from bytes, so cover tests need no fixtures or image library.
 * Each decodes in a real decoder (checked with djpeg, dwebp and pngcheck when written).
 */

type Rgb = readonly [number, number, number];

/**
 * An RGB PNG: flat grey, `noise` (pseudo-random pixels, so it does not compress), or
 * whatever `fill(x, y)` paints.
 */
export function png(
  width: number,
  height: number,
  { noise = false, fill }: { noise?: boolean; fill?: (x: number, y: number) => Rgb } = {},
): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, deflate, no filter, no interlace
  const row = 1 + width * 3;
  const pixels = Buffer.alloc(row * height);
  let seed = 7;
  for (let i = 0; i < pixels.length; i++) {
    if (i % row === 0) continue; // filter byte "none"
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    pixels[i] = noise ? seed >>> 16 : 200;
  }
  if (fill) {
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) pixels.set(fill(x, y), y * row + 1 + x * 3);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(pixels)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/**
 * A grey baseline JPEG. One-symbol Huffman tables make every 8×8 block two 0 bits
 * ("DC unchanged", "end of block"), so any size is a few bytes of scan data.
 */
export function jpeg(width: number, height: number): Uint8Array {
  const segment = (marker: number, data: number[]) => [
    0xff,
    marker,
    (data.length + 2) >> 8,
    (data.length + 2) & 0xff,
    ...data,
  ];
  const huffman = (tableClass: number) => [tableClass << 4, 1, ...Array(15).fill(0), 0];
  const blocks = Math.ceil(width / 8) * Math.ceil(height / 8);
  const scan = Array<number>(Math.ceil((blocks * 2) / 8)).fill(0);
  const usedBits = (blocks * 2) % 8;
  if (usedBits) scan[scan.length - 1] = 0xff >> usedBits; // pad the last byte with 1 bits
  return Uint8Array.from([
    0xff,
    0xd8,
    ...segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...segment(0xdb, [0, ...Array(64).fill(1)]),
    ...segment(0xc0, [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]),
    ...segment(0xc4, huffman(0)),
    ...segment(0xc4, huffman(1)),
    ...segment(0xda, [1, 1, 0, 0, 63, 0]),
    ...scan,
    0xff,
    0xd9,
  ]);
}

/** A 1×1 lossless WebP (the well-known feature-detection image). */
export function webp(): Uint8Array {
  return Buffer.from("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==", "base64");
}

/** A 3×2 lossy (VP8) WebP, made with cwebp from png(3, 2). */
export function webpLossy(): Uint8Array {
  return Buffer.from("UklGRiQAAABXRUJQVlA4IBgAAAAwAQCdASoDAAIAAsBMJaQAA3AA/vAnAAA=", "base64");
}

/** The header of an extended (VP8X) WebP claiming the given canvas size. */
export function webpHeader(width: number, height: number): Uint8Array {
  const bytes = Buffer.alloc(30);
  bytes.write("RIFF", 0, "latin1");
  bytes.writeUInt32LE(22, 4);
  bytes.write("WEBPVP8X", 8, "latin1");
  bytes.writeUInt32LE(10, 16);
  bytes.writeUIntLE(width - 1, 24, 3);
  bytes.writeUIntLE(height - 1, 27, 3);
  return bytes;
}

export const svg = () =>
  Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
