import { crc32, deflateSync } from "node:zlib";

/**
 * A small cover image made of bytes (a soft diagonal gradient with a band), so the upload
 * step needs no fixture file or image library.
 */
export function coverPng(width = 320, height = 180): Buffer {
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
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const row = 1 + width * 3;
  const pixels = Buffer.alloc(row * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const t = (x / width + y / height) / 2;
      const band = Math.abs(y - height * (0.3 + 0.4 * (x / width))) < height * 0.06;
      const at = y * row + 1 + x * 3;
      pixels[at] = band ? 255 : Math.round(40 + 60 * t);
      pixels[at + 1] = band ? 214 : Math.round(70 + 90 * t);
      pixels[at + 2] = band ? 102 : Math.round(160 + 80 * t);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(pixels)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
