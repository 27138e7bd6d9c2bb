/** A single byte range as the client asked for it, before the object's size is known. */
export type RangeRequest =
  | { kind: "bounded"; first: number; last: number }
  | { kind: "from"; first: number }
  | { kind: "suffix"; length: number };

/** The bytes to send: `offset` and `length` within an object of `size` bytes. */
export interface ByteRange {
  offset: number;
  length: number;
}

const SINGLE_RANGE = /^bytes=(\d{0,15})-(\d{0,15})$/;

/**
 * Parses a Range header of one range (`bytes=a-b`, `bytes=a-`, `bytes=-n`). Anything else —
 * absent, malformed, another unit, several ranges — is null, and the whole object is served
 * with 200, which RFC 9110 allows a server to do for a Range it does not support.
 */
export function parseRange(header: string | null): RangeRequest | null {
  if (!header) return null;
  const match = SINGLE_RANGE.exec(header.replace(/\s+/g, ""));
  if (!match) return null;
  const [, first = "", last = ""] = match;
  if (first === "" && last === "") return null;
  if (first === "") return { kind: "suffix", length: Number(last) };
  if (last === "") return { kind: "from", first: Number(first) };
  if (Number(last) < Number(first)) return null;
  return { kind: "bounded", first: Number(first), last: Number(last) };
}

/** The bytes a range selects in an object of `size` bytes, or null when unsatisfiable (416). */
export function resolveRange(range: RangeRequest, size: number): ByteRange | null {
  if (range.kind === "suffix") {
    if (range.length === 0 || size === 0) return null;
    const length = Math.min(range.length, size);
    return { offset: size - length, length };
  }
  if (range.first >= size) return null;
  const last = range.kind === "bounded" ? Math.min(range.last, size - 1) : size - 1;
  return { offset: range.first, length: last - range.first + 1 };
}

export function contentRange({ offset, length }: ByteRange, size: number): string {
  return `bytes ${offset}-${offset + length - 1}/${size}`;
}
