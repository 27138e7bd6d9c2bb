import { base64url } from "jose";
import { STATUS_LIST_SIZE } from "./status-entry";

/** The multibase prefix of base64url without padding, as the spec requires for encodedList. */
const MULTIBASE_BASE64URL = "u";
/** 1 Mi entries: far beyond our lists, and a cap on what a hostile gzip could expand to. */
const MAX_DECODED_BYTES = 128 * 1024;

/**
 * The encodedList of a revocation list: one bit per entry, entry 0 the left-most (most
 * significant) bit of the first byte, GZIP-compressed, base64url without padding, multibase
 * prefixed. Uses CompressionStream, which Node and workerd both have.
 */
export async function encodeStatusList(
  setIndices: Iterable<number>,
  size = STATUS_LIST_SIZE,
): Promise<string> {
  if (size < STATUS_LIST_SIZE || size % 8 !== 0) {
    throw new RangeError(
      `a status list holds at least ${STATUS_LIST_SIZE} entries, in whole bytes`,
    );
  }
  const bits = new Uint8Array(size / 8);
  for (const index of setIndices) {
    if (!Number.isInteger(index) || index < 0 || index >= size) {
      throw new RangeError(`status list index ${index} is outside the list`);
    }
    bits[index >> 3] = (bits[index >> 3] ?? 0) | (0x80 >> (index & 7));
  }
  const gzipped = await transform(bits, new CompressionStream("gzip"), Number.POSITIVE_INFINITY);
  return MULTIBASE_BASE64URL + base64url.encode(gzipped);
}

/** The bitstring of an encodedList; throws on anything that is not one. */
export async function decodeStatusList(encoded: string): Promise<Uint8Array> {
  if (!encoded.startsWith(MULTIBASE_BASE64URL)) {
    throw new Error("encodedList is not multibase base64url");
  }
  const gzipped = base64url.decode(encoded.slice(1));
  const bits = await transform(gzipped, new DecompressionStream("gzip"), MAX_DECODED_BYTES);
  if (bits.length * 8 < STATUS_LIST_SIZE)
    throw new Error("status list is shorter than the minimum");
  return bits;
}

/** Whether entry `index` is set; an index past the end of the list is not. */
export function isStatusSet(bits: Uint8Array, index: number): boolean {
  const byte = bits[index >> 3];
  return byte !== undefined && (byte & (0x80 >> (index & 7))) !== 0;
}

async function transform(
  input: Uint8Array,
  stream: CompressionStream | DecompressionStream,
  limit: number,
): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  void writer
    .write(input as Uint8Array<ArrayBuffer>)
    .then(() => writer.close())
    .catch(() => {});
  const chunks: Uint8Array[] = [];
  let length = 0;
  const reader = stream.readable.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > limit) {
      await reader.cancel();
      throw new Error("status list is larger than allowed");
    }
    chunks.push(value);
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
