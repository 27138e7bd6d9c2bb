/** CRC-32/MPEG-2, the checksum that ends every MPEG-TS PSI/SI section. */
function crc32Mpeg(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte << 24;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x80000000 ? ((crc << 1) ^ 0x04c11db7) >>> 0 : (crc << 1) >>> 0;
    }
  }
  return crc >>> 0;
}

const PACKET = 188;
const SDT_PID = 0x11;
/** What FFmpeg's muxer names the one service it writes. */
const DEFAULT_SERVICE_NAME = new TextEncoder().encode("Service01");

/**
 * A copy of an FFmpeg-written transport stream whose service name (in the SDT) is replaced by
 * `name`, which must be as long as "Service01" (9 bytes). Its first byte(s) pick the DVB
 * character table a demuxer converts the name from (EN 300 468 annex A), which is how the test
 * reaches every charset the MPEG-TS demuxer hands to iconv.
 */
export function withServiceName(ts: Uint8Array, name: Uint8Array): Uint8Array {
  if (name.length !== DEFAULT_SERVICE_NAME.length) throw new Error("name must be 9 bytes");
  const out = new Uint8Array(ts);
  let patched = 0;
  for (let at = 0; at + PACKET <= out.length; at += PACKET) {
    const pid = (((out[at + 1] ?? 0) & 0x1f) << 8) | (out[at + 2] ?? 0);
    if (pid !== SDT_PID) continue;
    const start = at + 5 + (out[at + 4] ?? 0);
    const length = (((out[start + 1] ?? 0) & 0x0f) << 8) | (out[start + 2] ?? 0);
    const section = out.subarray(start, start + 3 + length);
    const i = Buffer.from(section).indexOf(DEFAULT_SERVICE_NAME);
    if (i < 0) continue;
    section.set(name, i);
    const crc = crc32Mpeg(section.subarray(0, section.length - 4));
    new DataView(section.buffer, section.byteOffset).setUint32(section.length - 4, crc);
    patched++;
  }
  if (patched === 0) throw new Error("no SDT with the default service name in this stream");
  return out;
}
